/**
 * Turns a {@link dev.tpmalerts.ingest.source.RawPosting} into the shared
 * {@link dev.tpmalerts.shared.Posting}: canonical URL and stable id, clean title and seniority, workplace type
 * with its evidence, salary with currency and period, dates, and sanitised description. Structured fields win
 * over what the body text says.
 */
package dev.tpmalerts.ingest.normalize;
