package dev.tpmalerts.shared;

/** Kafka topic names, in one place so that producers and consumers cannot drift apart. */
public final class Topics {

	/** {@link PostingEvent}s from ingest, keyed by posting id. */
	public static final String POSTINGS = "postings";

	/** Records ingest or the matcher rejected, with the reason in the headers. */
	public static final String POSTINGS_DLT = "postings.dlt";

	/** {@link PostingMatched} events from the matcher, keyed by posting id. */
	public static final String POSTINGS_MATCHED = "postings.matched";

	/** Records the notifier could not process, with the reason in the headers. */
	public static final String POSTINGS_MATCHED_DLT = "postings.matched.dlt";

	/** Compacted topic of alert definitions, keyed by alert id. */
	public static final String ALERTS = "alerts";

	private Topics() {
	}

}
