/** Deciding what a posting is (its role), what it asks for (tags with evidence) and how well it fits a TPM profile. */
package dev.tpmalerts.matcher.classify;
