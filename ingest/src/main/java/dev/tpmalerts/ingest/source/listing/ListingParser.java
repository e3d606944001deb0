package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;

/**
 * Reads one page of a listing: the links to posting pages ({@code link-selector}) and to the next page
 * ({@code next-selector}). Links are resolved against the page, stripped of their fragment, de-duplicated, and kept
 * only when they stay on the host of the source's URL; the page itself and its next page are never posting links.
 * Without a {@code link-selector}, a link is a posting link when its path has "/job" or "/careers/" and is not the
 * listing's own path (its numbered pages, its filters).
 */
public class ListingParser {

	/**
	 * @throws dev.tpmalerts.ingest.source.SourceFormatException when an option of the source is malformed
	 */
	public ListingPage parseListing(SourceDefinition source, FetchedDocument document) {
		return parseListing(source, JsonLdPageParser.parseHtml(document));
	}

	/** A listing page already parsed with its URL as base URI. */
	public ListingPage parseListing(SourceDefinition source, Document page) {
		ListingOptions options = ListingOptions.of(source);
		String host = source.url().getHost();
		URI pageUrl = Links.toUri(page.location()).orElseGet(source::url);
		Elements nextLinks = page.select(options.next().evaluator());
		Set<Element> nextElements = Collections.newSetFromMap(new IdentityHashMap<>());
		nextElements.addAll(nextLinks);
		Optional<URI> next = nextLinks.stream()
			.map(Links::href)
			.flatMap(Optional::stream)
			.filter((url) -> Links.isOnHost(url, host))
			.findFirst();
		Set<URI> links = new LinkedHashSet<>();
		for (Element element : page.select(options.links().evaluator())) {
			if (nextElements.contains(element)) {
				continue;
			}
			Links.href(element)
				.filter((url) -> Links.isOnHost(url, host))
				.filter((url) -> !url.equals(pageUrl) && !next.map(url::equals).orElse(false))
				.filter((url) -> !options.defaultLinks() || looksLikePosting(url, pageUrl))
				.ifPresent(links::add);
		}
		return new ListingPage(pageUrl, List.copyOf(links), next);
	}

	/**
	 * The default link selector's test, on the resolved URL so that "jobs/tpm" relative to "/openings/" counts. The
	 * listing's own path is its numbered pages and filters, not a posting.
	 */
	private static boolean looksLikePosting(URI url, URI pageUrl) {
		String path = (url.getPath() != null) ? url.getPath() : "";
		return (path.contains("/job") || path.contains("/careers/")) && !Objects.equals(path, pageUrl.getPath());
	}

}
