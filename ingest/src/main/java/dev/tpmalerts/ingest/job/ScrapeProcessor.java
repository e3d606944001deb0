package dev.tpmalerts.ingest.job;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingScraped;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Normalises a raw posting into the event to publish: a tombstone when its valid-through date has passed, else
 * the posting. A posting id already seen in this run (the same job listed twice) is filtered out.
 */
class ScrapeProcessor implements ItemProcessor<RawPosting, PostingEvent> {

	private final PostingNormalizer normalizer;

	private final Clock clock;

	private final Set<String> seen = new HashSet<>();

	ScrapeProcessor(PostingNormalizer normalizer, Clock clock) {
		this.normalizer = normalizer;
		this.clock = clock;
	}

	@Override
	public PostingEvent process(RawPosting raw) {
		Posting posting = this.normalizer.normalize(raw);
		if (!this.seen.add(posting.id())) {
			return null;
		}
		if (this.normalizer.isExpired(posting)) {
			return PostingExpired.of(posting.id(), "valid-through " + posting.validThrough() + " has passed",
					this.clock.instant());
		}
		return PostingScraped.of(posting);
	}

}
