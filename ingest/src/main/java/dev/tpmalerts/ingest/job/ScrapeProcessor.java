package dev.tpmalerts.ingest.job;

import java.time.Clock;

import dev.tpmalerts.ingest.dedupe.Deduplicator;
import dev.tpmalerts.ingest.dedupe.Resolution;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.normalize.RejectedPostingException;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.PostingUpdated;

import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Normalises a raw posting and decides what to publish: a new job as scraped, a known job that changed or gained a
 * source as updated (same id, so nobody is alerted twice), a known job whose valid-through passed as a tombstone.
 * A posting page that answers 404/410 retracts the job it showed (or is rejected, when it never showed one). A job
 * seen again unchanged, or one that expired before it was ever published, is filtered out.
 */
class ScrapeProcessor implements ItemProcessor<ScrapeItem, PostingEvent> {

	private final PostingNormalizer normalizer;

	private final Deduplicator deduplicator;

	private final Clock clock;

	ScrapeProcessor(PostingNormalizer normalizer, Deduplicator deduplicator, Clock clock) {
		this.normalizer = normalizer;
		this.deduplicator = deduplicator;
		this.clock = clock;
	}

	@Override
	public PostingEvent process(ScrapeItem item) {
		if (item instanceof ScrapeItem.Vanished vanished) {
			return this.deduplicator.knownIdForUrl(vanished.url()).map((id) -> {
				this.deduplicator.expired(id);
				return (PostingEvent) PostingExpired.of(id, "its page answers HTTP " + vanished.status(),
						this.clock.instant());
			})
				.orElseThrow(() -> new RejectedPostingException("the posting page answers HTTP " + vanished.status()
						+ " and no posting was ever published from it: is the source's url right?"));
		}
		RawPosting raw = ((ScrapeItem.Found) item).posting();
		Posting posting = this.normalizer.normalize(raw);
		if (this.normalizer.isExpired(posting)) {
			return this.deduplicator.knownId(posting, raw.externalId(), raw.url()).map((id) -> {
				this.deduplicator.expired(id);
				return (PostingEvent) PostingExpired.of(id, "valid-through " + posting.validThrough() + " has passed",
						this.clock.instant());
			}).orElse(null);
		}
		Resolution resolution = this.deduplicator.resolve(posting, raw.externalId(), raw.url());
		if (resolution instanceof Resolution.New created) {
			return PostingScraped.of(created.posting());
		}
		if (resolution instanceof Resolution.Updated updated) {
			return PostingUpdated.of(updated.posting());
		}
		return null;
	}

}
