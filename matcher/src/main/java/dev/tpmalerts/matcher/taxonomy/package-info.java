/**
 * The TPM taxonomy (a versioned data file derived from the TPM role article) and the phrase matcher that finds
 * its concepts in a posting's text, with evidence offsets.
 */
package dev.tpmalerts.matcher.taxonomy;
