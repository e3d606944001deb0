package dev.tpmalerts.shared;

/** A job seen before whose content changed; it keeps its id so nobody is alerted twice. */
public record PostingUpdated(int schemaVersion, Posting posting) implements PostingEvent {

	public static PostingUpdated of(Posting posting) {
		return new PostingUpdated(SCHEMA_VERSION, posting);
	}

	@Override
	public String postingId() {
		return this.posting.id();
	}

}
