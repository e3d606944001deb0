/**
 * The kinds of source a posting comes from and a parser for each: career pages with schema.org JSON-LD,
 * ATS board APIs (Greenhouse, Lever, Ashby) and RSS/Atom feeds. Parsers turn a fetched document into
 * {@link dev.tpmalerts.ingest.source.RawPosting}s and know nothing of normalisation.
 */
package dev.tpmalerts.ingest.source;
