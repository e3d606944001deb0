/**
 * Cross-source de-duplication: one real-world job is one posting id, however many boards, feeds and URLs list it.
 * Matches by ATS id or URL first, then by company + title + location, then by description similarity.
 */
package dev.tpmalerts.ingest.dedupe;
