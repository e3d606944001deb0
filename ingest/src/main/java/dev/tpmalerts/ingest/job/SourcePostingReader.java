package dev.tpmalerts.ingest.job;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.dedupe.Deduplicator;
import dev.tpmalerts.ingest.fetch.FetchException;
import dev.tpmalerts.ingest.fetch.FetchResult;
import dev.tpmalerts.ingest.fetch.PageFetcher;
import dev.tpmalerts.ingest.publish.DeadLetters;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.listing.ListingCrawl;
import dev.tpmalerts.ingest.source.listing.ListingCrawler;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the postings of the run's source. A document unchanged since the last run (conditional GET) is not parsed
 * again; a posting page that is gone becomes a {@link ScrapeItem.Vanished}; a source that cannot be fetched or
 * parsed goes to the dead-letter topic with its reason. On restart the documents are fetched unconditionally and
 * the postings of the committed chunks skipped (the read count is in the step's execution context); when a run
 * does not complete, the stored validators are forgotten so the next run reads everything again.
 */
class SourcePostingReader extends AbstractItemCountingItemStreamItemReader<ScrapeItem>
		implements StepExecutionListener {

	private static final Logger logger = LoggerFactory.getLogger(SourcePostingReader.class);

	/** The execution-context key of the number of postings the run has to read. */
	static final String TOTAL = "sourcePostingReader.total";

	private final List<SourceDefinition> sources;

	private final PageFetcher fetcher;

	private final Map<SourceType, SourceParser> parsers;

	private final ListingCrawler listingCrawler;

	private final DeadLetters deadLetters;

	private final Deduplicator deduplicator;

	private final List<URI> fetched = new ArrayList<>();

	private List<ScrapeItem> items = List.of();

	private boolean restart;

	SourcePostingReader(List<SourceDefinition> sources, PageFetcher fetcher, List<SourceParser> parsers,
			ListingCrawler listingCrawler, DeadLetters deadLetters, Deduplicator deduplicator) {
		this.sources = sources;
		this.fetcher = fetcher;
		this.parsers = parsers.stream().collect(Collectors.toMap(SourceParser::type, Function.identity()));
		this.listingCrawler = listingCrawler;
		this.deadLetters = deadLetters;
		this.deduplicator = deduplicator;
		setName("sourcePostingReader");
	}

	@Override
	public void open(ExecutionContext context) {
		this.restart = context.containsKey(getExecutionContextKey("read.count"));
		super.open(context);
	}

	@Override
	protected void doOpen() {
		List<ScrapeItem> all = new ArrayList<>();
		for (SourceDefinition source : this.sources) {
			if (!source.enabled()) {
				continue;
			}
			try {
				all.addAll(read(source));
			}
			catch (FetchException | SourceFormatException ex) {
				this.fetcher.forget(source.url());
				this.deadLetters.rejectSource(source.name(), source.url().toString(), ex.getMessage());
			}
		}
		this.items = all;
	}

	private List<ScrapeItem> read(SourceDefinition source) {
		if (source.type() == SourceType.CAREER_LISTING) {
			ListingCrawl crawl = this.listingCrawler.crawl(source, (url) -> this.fetcher.fetch(url, source.minInterval()));
			logger.info("Source {} (career-listing) listed {} posting(s) on {} page(s)", source.name(),
					crawl.postings().size(), crawl.pagesRead().size());
			crawl.failures()
				.forEach((failure) -> this.deadLetters.rejectSource(source.name(), failure.url().toString(), failure.reason()));
			return crawl.postings().stream().map((posting) -> (ScrapeItem) new ScrapeItem.Found(posting)).toList();
		}
		FetchResult result = this.restart ? new FetchResult.Fetched(this.fetcher.fetch(source.url(), source.minInterval()))
				: this.fetcher.fetchIfChanged(source.url(), source.minInterval());
		this.fetched.add(source.url());
		if (result instanceof FetchResult.NotModified) {
			int stillListed = this.deduplicator.stillListed(source.name());
			logger.info("Source {} is unchanged since its last run: nothing to read, its {} posting(s) still listed",
					source.name(), stillListed);
			return List.of();
		}
		if (result instanceof FetchResult.Gone gone) {
			if (source.type() == SourceType.JSON_LD_PAGE) {
				logger.info("Source {} answers HTTP {}: its posting is gone", source.name(), gone.status());
				return List.of(new ScrapeItem.Vanished(source.name(), source.url().toString(), gone.status()));
			}
			throw new FetchException(source.url(), "HTTP " + gone.status());
		}
		List<ScrapeItem> found = this.parsers.get(source.type())
			.parse(source, ((FetchResult.Fetched) result).document())
			.stream()
			.map((posting) -> (ScrapeItem) new ScrapeItem.Found(posting))
			.toList();
		logger.info("Source {} ({}) listed {} posting(s)", source.name(), source.type().configName(), found.size());
		return found;
	}

	/** At each commit: how many postings this run has to read, for the progress operators see. */
	@Override
	public void update(ExecutionContext context) {
		super.update(context);
		context.putInt(TOTAL, this.items.size());
	}

	@Override
	protected ScrapeItem doRead() {
		int index = getCurrentItemCount() - 1;
		return (index < this.items.size()) ? this.items.get(index) : null;
	}

	@Override
	protected void doClose() {
		this.items = List.of();
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (!ExitStatus.COMPLETED.getExitCode().equals(stepExecution.getExitStatus().getExitCode())) {
			this.fetched.forEach(this.fetcher::forget);
		}
		return stepExecution.getExitStatus();
	}

}
