package dev.tpmalerts.shared;

/** A job seen for the first time. */
public record PostingScraped(int schemaVersion, Posting posting) implements PostingEvent {

	public static PostingScraped of(Posting posting) {
		return new PostingScraped(SCHEMA_VERSION, posting);
	}

	@Override
	public String postingId() {
		return this.posting.id();
	}

}
