package dev.tpmalerts.shared;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Kafka topic names and their declarations (partitions, retention), in one place so that the stages that write
 * and read a topic cannot drift apart.
 */
public final class Topics {

	/** {@link PostingEvent}s from ingest, keyed by posting id. */
	public static final String POSTINGS = "postings";

	/** Records ingest or the matcher rejected, with the reason in the headers. */
	public static final String POSTINGS_DLT = "postings.dlt";

	/** {@link PostingMatched} events from the matcher, keyed by posting id. */
	public static final String POSTINGS_MATCHED = "postings.matched";

	/** Records the notifier could not process, with the reason in the headers. */
	public static final String POSTINGS_MATCHED_DLT = "postings.matched.dlt";

	/**
	 * Compacted topic of alert definitions, keyed by alert id: the alert as JSON while it is live, a tombstone (null
	 * value) once it is deleted, paused or its account is no longer active. Every notifier instance reads it from the
	 * beginning at start to rebuild its alert index.
	 */
	public static final String ALERTS = "alerts";

	private Topics() {
	}

	/** A topic of events keyed by posting id, kept two weeks. */
	public static NewTopic events(String name, int partitions, short replicas) {
		return declare(name, partitions, replicas, Duration.ofDays(14));
	}

	/** A dead-letter topic: one partition, kept a month so that rejected records can be looked at and replayed. */
	public static NewTopic deadLetters(String name, short replicas) {
		return declare(name, 1, replicas, Duration.ofDays(30));
	}

	/**
	 * A compacted topic: the latest record of each key is kept for good, so a reader from the beginning sees the
	 * current state; a tombstone is kept a day, long enough for every running reader to see it.
	 */
	public static NewTopic compacted(String name, int partitions, short replicas) {
		return new NewTopic(name, partitions, replicas).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
				TopicConfig.CLEANUP_POLICY_COMPACT, TopicConfig.DELETE_RETENTION_MS_CONFIG,
				String.valueOf(Duration.ofDays(1).toMillis())));
	}

	private static NewTopic declare(String name, int partitions, short replicas, Duration retention) {
		return new NewTopic(name, partitions, replicas)
			.configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
	}

}
