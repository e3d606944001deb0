package dev.tpmalerts.ingest.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.fetch.FetchException;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.fetch.PageFetcher;
import dev.tpmalerts.ingest.publish.DeadLetters;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;

import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Reads the raw postings of every enabled source, in configuration order. A source that cannot be fetched or
 * parsed goes to the dead-letter topic with its reason and the others go on. On restart the reader skips the
 * postings of the committed chunks (its read count is in the step's execution context).
 */
class SourcePostingReader extends AbstractItemCountingItemStreamItemReader<RawPosting> {

	private static final Logger logger = LoggerFactory.getLogger(SourcePostingReader.class);

	private final List<SourceDefinition> sources;

	private final PageFetcher fetcher;

	private final Map<SourceType, SourceParser> parsers;

	private final DeadLetters deadLetters;

	private List<RawPosting> postings = List.of();

	SourcePostingReader(List<SourceDefinition> sources, PageFetcher fetcher, List<SourceParser> parsers,
			DeadLetters deadLetters) {
		this.sources = sources;
		this.fetcher = fetcher;
		this.parsers = parsers.stream().collect(Collectors.toMap(SourceParser::type, Function.identity()));
		this.deadLetters = deadLetters;
		setName("sourcePostingReader");
	}

	@Override
	protected void doOpen() {
		List<RawPosting> all = new ArrayList<>();
		for (SourceDefinition source : this.sources) {
			if (!source.enabled()) {
				continue;
			}
			try {
				FetchedDocument document = this.fetcher.fetch(source.url());
				List<RawPosting> found = this.parsers.get(source.type()).parse(source, document);
				logger.info("Source {} ({}) listed {} posting(s)", source.name(), source.type().configName(),
						found.size());
				all.addAll(found);
			}
			catch (FetchException | SourceFormatException ex) {
				this.deadLetters.reject(source.name(), source.url().toString(), ex.getMessage(), null);
			}
		}
		this.postings = all;
	}

	@Override
	protected RawPosting doRead() {
		int index = getCurrentItemCount() - 1;
		return (index < this.postings.size()) ? this.postings.get(index) : null;
	}

	@Override
	protected void doClose() {
		this.postings = List.of();
	}

}
