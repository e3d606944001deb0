package dev.tpmalerts.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The counters of postings through the pipeline, named here once because two stages share some of them
 * ({@code tpm.postings.rejected} counts ingest's and the matcher's dead letters alike). Tags are few and bounded
 * (a configured source's name, a stage, a kind of reason, an operation), never a posting, a person or a text.
 */
public final class PostingCounters {

	private PostingCounters() {
	}

	/** Posting records read from a source by a scrape run (before normalisation and deduplication). */
	public static Counter fetched(MeterRegistry meters, String source) {
		return Counter.builder("tpm.postings.fetched")
			.description("Posting records read from a source by a scrape run")
			.tag("source", source)
			.register(meters);
	}

	/** Posting events of a source that Kafka acknowledged on the postings topic. */
	public static Counter published(MeterRegistry meters, String source) {
		return Counter.builder("tpm.postings.published")
			.description("Posting events Kafka acknowledged on the postings topic")
			.tag("source", source)
			.register(meters);
	}

	/**
	 * Records kept on the dead-letter topic instead of going on.
	 * @param stage {@code ingest} or {@code matcher}
	 * @param reason a kind of reason from a short fixed list, e.g. {@code rejected-posting}
	 */
	public static Counter rejected(MeterRegistry meters, String stage, String reason) {
		return Counter.builder("tpm.postings.rejected")
			.description("Records kept on the dead-letter topic, by stage and kind of reason")
			.tag("stage", stage)
			.tag("reason", reason)
			.register(meters);
	}

	/**
	 * Writes Elasticsearch acknowledged.
	 * @param operation {@code index} (a posting classified and stored) or {@code delete} (a posting retracted)
	 */
	public static Counter indexed(MeterRegistry meters, String operation) {
		return Counter.builder("tpm.postings.indexed")
			.description("Posting writes Elasticsearch acknowledged, by operation")
			.tag("operation", operation)
			.register(meters);
	}

}
