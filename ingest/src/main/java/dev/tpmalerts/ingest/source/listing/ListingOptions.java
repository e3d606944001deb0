package dev.tpmalerts.ingest.source.listing;

import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.html.SelectorOptions;
import dev.tpmalerts.ingest.source.html.SelectorOptions.CssSelector;

/**
 * The options of a {@code career-listing} source, with their defaults.
 *
 * @param defaultLinks true when {@code link-selector} is not set: every link is a candidate and those whose path
 * has "/job" or "/careers/" (and is not the listing's own path) are kept
 */
record ListingOptions(CssSelector links, boolean defaultLinks, CssSelector next, int maxPages, int maxPostings) {

	static final String DEFAULT_LINK_SELECTOR = "a[href]";

	static final String DEFAULT_NEXT_SELECTOR = "a[rel=next], link[rel=next]";

	static final int DEFAULT_MAX_PAGES = 10;

	static final int DEFAULT_MAX_POSTINGS = 200;

	static ListingOptions of(SourceDefinition source) {
		return new ListingOptions(SelectorOptions.orDefault(source, "link-selector", DEFAULT_LINK_SELECTOR),
				source.option("link-selector").isEmpty(),
				SelectorOptions.orDefault(source, "next-selector", DEFAULT_NEXT_SELECTOR),
				SelectorOptions.positiveNumber(source, "max-pages", DEFAULT_MAX_PAGES),
				SelectorOptions.positiveNumber(source, "max-postings", DEFAULT_MAX_POSTINGS));
	}

}
