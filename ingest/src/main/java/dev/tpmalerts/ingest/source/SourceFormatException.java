package dev.tpmalerts.ingest.source;

/** A fetched document that is not what its source type promises (broken JSON, no JobPosting, not a feed). */
public class SourceFormatException extends RuntimeException {

	public SourceFormatException(String message) {
		super(message);
	}

	public SourceFormatException(String message, Throwable cause) {
		super(message, cause);
	}

}
