package dev.tpmalerts.ingest.fetch;

import java.net.URI;

/** A source that could not be fetched, with the URL and the reason (status, timeout, size). */
public class FetchException extends RuntimeException {

	private final URI url;

	public FetchException(URI url, String reason) {
		super("Could not fetch " + url + ": " + reason);
		this.url = url;
	}

	public FetchException(URI url, String reason, Throwable cause) {
		super("Could not fetch " + url + ": " + reason, cause);
		this.url = url;
	}

	public URI url() {
		return this.url;
	}

}
