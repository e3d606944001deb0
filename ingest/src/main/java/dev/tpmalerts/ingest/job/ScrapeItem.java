package dev.tpmalerts.ingest.job;

import dev.tpmalerts.ingest.source.RawPosting;

/** What the reader hands on: a posting found at a source, or a posting page that is gone (404/410). */
sealed interface ScrapeItem {

	String source();

	String url();

	record Found(RawPosting posting) implements ScrapeItem {

		@Override
		public String source() {
			return this.posting.source();
		}

		@Override
		public String url() {
			return this.posting.url();
		}

	}

	record Vanished(String source, String url, int status) implements ScrapeItem {

	}

}
