/**
 * Job boards without structured data, read through CSS selectors configured per source ({@code type: html}), and
 * the reading of selector options shared with listings.
 */
package dev.tpmalerts.ingest.source.html;
