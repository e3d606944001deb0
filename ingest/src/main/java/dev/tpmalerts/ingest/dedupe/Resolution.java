package dev.tpmalerts.ingest.dedupe;

import dev.tpmalerts.shared.Posting;

/** What a scraped posting turned out to be, against what ingest has published before. */
public sealed interface Resolution {

	/** A job not seen before: publish it as scraped. */
	record New(Posting posting) implements Resolution {

	}

	/** A known job that changed, or gained a source: publish it again under its id. */
	record Updated(Posting posting, String why) implements Resolution {

	}

	/** A known job seen again as it was: nothing to publish. */
	record Unchanged(String postingId) implements Resolution {

	}

}
