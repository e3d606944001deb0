package dev.tpmalerts.shared;

import java.time.Instant;

/** A tombstone: the job is gone (valid-through passed, or its page answers 404/410). */
public record PostingExpired(int schemaVersion, String postingId, String reason, Instant expiredAt)
		implements PostingEvent {

	public static PostingExpired of(String postingId, String reason, Instant expiredAt) {
		return new PostingExpired(SCHEMA_VERSION, postingId, reason, expiredAt);
	}

}
