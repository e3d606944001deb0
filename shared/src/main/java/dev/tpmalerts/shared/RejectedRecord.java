package dev.tpmalerts.shared;

import java.time.Instant;

/**
 * A record a stage could not take, kept on a dead-letter topic with why: nothing is dropped silently.
 * {@code payload} is the raw input as far as it was read (a URL, a JSON document, a Kafka record value).
 */
public record RejectedRecord(String stage, String source, String location, String reason, String payload,
		Instant rejectedAt) {

}
