package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * What one page of a listing links to: posting pages (absolute, on the listing's host, without duplicates, in page
 * order) and the next page of the listing, if any.
 */
public record ListingPage(URI url, List<URI> postingLinks, Optional<URI> next) {

	public ListingPage {
		postingLinks = List.copyOf(postingLinks);
	}

}
