package dev.tpmalerts.ingest.job;

import java.time.Clock;

import dev.tpmalerts.ingest.dedupe.Deduplicator;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.normalize.RejectedPostingException;
import dev.tpmalerts.ingest.publish.PostingPublisher;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.PostingEvent;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one posting a run had rejected through the current normaliser and de-duplication, exactly as a scrape run
 * would, and publishes what comes out. The identities and the publication commit together: a posting that could
 * not be published is not remembered as published.
 */
@Component
public class PostingReplay {

	private final ScrapeProcessor processor;

	private final PostingPublisher publisher;

	private final TransactionTemplate transaction;

	PostingReplay(PostingNormalizer normalizer, Deduplicator deduplicator, PostingPublisher publisher,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.processor = new ScrapeProcessor(normalizer, deduplicator, clock);
		this.publisher = publisher;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	/** What running a posting again did. */
	public sealed interface Outcome {

		record Published(PostingEvent event) implements Outcome {

		}

		/** It passes now, and the job is already published as it is (a later run found it). */
		record AlreadyPublished() implements Outcome {

		}

		record Rejected(String reason) implements Outcome {

		}

	}

	public Outcome replay(RawPosting posting) {
		try {
			return this.transaction.execute((status) -> {
				PostingEvent event = this.processor.process(new ScrapeItem.Found(posting));
				if (event == null) {
					return new Outcome.AlreadyPublished();
				}
				try {
					this.publisher.write(Chunk.of(event));
				}
				catch (Exception ex) {
					throw new IllegalStateException("Kafka did not take the replayed posting: " + ex.getMessage(), ex);
				}
				return new Outcome.Published(event);
			});
		}
		catch (RejectedPostingException ex) {
			return new Outcome.Rejected(ex.getMessage());
		}
	}

}
