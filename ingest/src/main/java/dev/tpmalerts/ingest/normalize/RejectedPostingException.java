package dev.tpmalerts.ingest.normalize;

/** A posting that cannot be published, naming the field and the value that made it so. */
public class RejectedPostingException extends RuntimeException {

	public RejectedPostingException(String message) {
		super(message);
	}

}
