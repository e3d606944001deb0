package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.ingest.source.listing.ListingCrawl.LinkFailure;

import org.springframework.stereotype.Component;

/**
 * Crawls a {@code career-listing} source: follows the listing from the source's URL through its next pages (at most
 * {@code max-pages}, never a page twice), collects the posting links (at most {@code max-postings}), then reads
 * every linked page as a career page (JSON-LD, else microdata). A posting page or later listing page that fails is
 * reported in {@link ListingCrawl#failures()} and the crawl goes on; only the first page failing fails the source.
 * The fetch function does the HTTP work (and the politeness: one host gets all these requests).
 */
@Component
public class ListingCrawler {

	private static final Logger logger = LoggerFactory.getLogger(ListingCrawler.class);

	private final ListingParser parser = new ListingParser();

	/**
	 * @param fetch fetches one URL; it may throw (a {@code FetchException} for an HTTP error) and that link is
	 * reported as failed
	 * @throws dev.tpmalerts.ingest.source.SourceFormatException when an option of the source is malformed
	 * @throws RuntimeException what {@code fetch} throws for the listing's first page
	 */
	public ListingCrawl crawl(SourceDefinition source, Function<URI, FetchedDocument> fetch) {
		ListingOptions options = ListingOptions.of(source);
		List<URI> pagesRead = new ArrayList<>();
		List<LinkFailure> failures = new ArrayList<>();
		Set<URI> links = new LinkedHashSet<>();
		Set<URI> seenPages = new HashSet<>();
		Optional<URI> pageUrl = Links.toUri(source.url().toString()).or(() -> Optional.of(source.url()));
		while (pageUrl.isPresent() && links.size() < options.maxPostings()) {
			URI url = pageUrl.get();
			if (!seenPages.add(url)) {
				logger.info("Listing {} links back to {}, already read; stopped following its pages", source.name(),
						url);
				break;
			}
			if (pagesRead.size() >= options.maxPages()) {
				logger.info("Listing {} has more than {} page(s) (max-pages); {} and later pages were not read",
						source.name(), options.maxPages(), url);
				break;
			}
			ListingPage page;
			try {
				page = this.parser.parseListing(source, fetch.apply(url));
			}
			catch (RuntimeException ex) {
				if (pagesRead.isEmpty()) {
					throw ex;
				}
				failures.add(new LinkFailure(url, reason(ex)));
				break;
			}
			pagesRead.add(url);
			for (URI link : page.postingLinks()) {
				if (links.size() >= options.maxPostings()) {
					logger.info("Listing {} links to more than {} posting(s) (max-postings); the rest were not read",
							source.name(), options.maxPostings());
					break;
				}
				links.add(link);
			}
			pageUrl = page.next();
		}
		if (links.isEmpty()) {
			logger.info("Listing {} links to no posting page on {} page(s); check its link-selector if it has openings",
					source.name(), pagesRead.size());
		}
		List<RawPosting> postings = new ArrayList<>();
		for (URI link : links) {
			try {
				postings.addAll(JsonLdPageParser.postingsOnPage(source, SourceType.CAREER_LISTING, fetch.apply(link)));
			}
			catch (RuntimeException ex) {
				failures.add(new LinkFailure(link, reason(ex)));
			}
		}
		return new ListingCrawl(pagesRead, postings, failures);
	}

	private static String reason(RuntimeException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
