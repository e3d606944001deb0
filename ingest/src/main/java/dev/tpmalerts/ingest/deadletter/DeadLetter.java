package dev.tpmalerts.ingest.deadletter;

import java.time.Instant;

/**
 * A record that arrived on a dead-letter topic, as kept in {@code dead_letter}.
 *
 * @param stage the stage that refused it: {@code ingest}, {@code matcher} (or the consumer group of a poison
 * record), {@code unknown}
 * @param location a URL (ingest), a posting id (matcher refusals), {@code topic-partition@offset} (poison records)
 * @param originalTopic the topic a poison record was read from, else null
 * @param reason why it is refused now (a replay that fails again updates it)
 * @param firstReason why it was refused first
 * @param payload the record as far as it was read (a posting as JSON, a Kafka record value), may be null
 * @param status {@code PENDING} until a replay got it through, then {@code REPLAYED}
 */
public record DeadLetter(long id, String topic, int partition, long offset, String key, String stage, String source,
		String location, String originalTopic, String reason, String firstReason, String payload, Instant rejectedAt,
		Instant receivedAt, String status, int replays, Instant lastReplayAt, String lastReplayOutcome) {

	public static final String PENDING = "PENDING";

	public static final String REPLAYED = "REPLAYED";

	/** What arrived, before it is stored. */
	record Arrived(String topic, int partition, long offset, String key, String stage, String source,
			String location, String originalTopic, String reason, String payload, Instant rejectedAt) {

	}

}
