package dev.tpmalerts.ingest.dedupe;

import java.time.Instant;

/** What ingest remembers of one published job. */
record PostingRecord(String postingId, String companyKey, String titleKey, String locationKey, long[] sketch,
		String primarySource, String contentHash, String postingJson, Instant firstSeen, Instant lastSeen,
		Instant expiredAt) {

}
