package dev.tpmalerts.ingest.fetch;

import java.net.URI;

/**
 * What a conditional fetch found: the document, the news that it has not changed since the last full answer, or
 * that it is gone. Every other failure is a {@link FetchException}.
 */
public sealed interface FetchResult {

	/** The URL that was asked for. */
	URI url();

	/** A full answer (2xx); its ETag and Last-Modified are remembered for the next conditional fetch. */
	record Fetched(FetchedDocument document) implements FetchResult {

		@Override
		public URI url() {
			return this.document.url();
		}

	}

	/** A 304: the document is the one last fetched, so the caller can skip parsing it. */
	record NotModified(URI url) implements FetchResult {

	}

	/** A 404 or 410: the document is no longer there (e.g. a posting taken down), so its postings can end. */
	record Gone(URI url, int status) implements FetchResult {

	}

}
