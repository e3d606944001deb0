package dev.tpmalerts.ingest.job;

import java.time.Clock;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.tpmalerts.ingest.dedupe.Deduplicator;
import dev.tpmalerts.ingest.fetch.PageFetcher;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.normalize.RejectedPostingException;
import dev.tpmalerts.ingest.publish.DeadLetters;
import dev.tpmalerts.ingest.publish.PostingPublisher;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.listing.ListingCrawler;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.PostingEvent;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The scrape job: one fault-tolerant, restartable chunk step from the sources to Kafka. */
@Configuration(proxyBeanMethods = false)
class ScrapeJobConfiguration {

	@Bean
	Job scrapeJob(JobRepository jobRepository, Step scrapeStep, MeterRegistry meters) {
		return new JobBuilder(ScrapeLauncher.JOB_NAME, jobRepository).listener(new RunOwnerListener(jobRepository))
			.listener(new RunCountersListener(meters))
			.start(scrapeStep)
			.build();
	}

	@Bean
	Step scrapeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			SourcePostingReader scrapeReader, ScrapeProcessor scrapeProcessor, PostingPublisher scrapeWriter,
			DeadLetters deadLetters, IngestProperties properties) {
		return new StepBuilder("scrapeStep", jobRepository).<ScrapeItem, PostingEvent>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(scrapeReader)
			.processor(scrapeProcessor)
			.writer(scrapeWriter)
			.faultTolerant()
			.skip(RejectedPostingException.class)
			.skipLimit(Long.MAX_VALUE)
			.skipListener(new SkipListener<ScrapeItem, PostingEvent>() {
				@Override
				public void onSkipInProcess(ScrapeItem item, Throwable reason) {
					// The raw posting as JSON, so that a replay can run it through the normaliser again.
					String payload = (item instanceof ScrapeItem.Found found) ? Json.mapper().writeValueAsString(found.posting())
							: null;
					deadLetters.rejectPosting(item.source(), item.url(), reason.getMessage(), payload);
				}
			})
			.listener(scrapeReader)
			.build();
	}

	@Bean
	@StepScope
	SourcePostingReader scrapeReader(@Value("#{jobParameters['source']}") String source, IngestProperties properties,
			PageFetcher fetcher, List<SourceParser> parsers, ListingCrawler listingCrawler, DeadLetters deadLetters,
			Deduplicator deduplicator) {
		List<SourceDefinition> selected = properties.sources()
			.stream()
			.filter((each) -> each.name().equals(source))
			.toList();
		if (selected.isEmpty()) {
			throw new IllegalArgumentException("No source is named '" + source + "'");
		}
		return new SourcePostingReader(selected, fetcher, parsers, listingCrawler, deadLetters, deduplicator);
	}

	@Bean
	@StepScope
	ScrapeProcessor scrapeProcessor(PostingNormalizer normalizer, Deduplicator deduplicator, Clock clock) {
		return new ScrapeProcessor(normalizer, deduplicator, clock);
	}

}
