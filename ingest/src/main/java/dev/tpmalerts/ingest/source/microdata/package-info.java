/**
 * schema.org {@code JobPosting}s written as HTML microdata rather than JSON-LD; the career-page parser falls back
 * to them when a page has no JSON-LD posting.
 */
package dev.tpmalerts.ingest.source.microdata;
