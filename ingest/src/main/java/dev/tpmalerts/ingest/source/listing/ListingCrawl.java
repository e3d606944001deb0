package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.List;

import dev.tpmalerts.ingest.source.RawPosting;

/**
 * What a crawl of a listing found: the listing pages read, the postings of the linked pages, and each link (posting
 * page or later listing page) that could not be fetched or read, with the reason, to be dead-lettered.
 */
public record ListingCrawl(List<URI> pagesRead, List<RawPosting> postings, List<LinkFailure> failures) {

	public ListingCrawl {
		pagesRead = List.copyOf(pagesRead);
		postings = List.copyOf(postings);
		failures = List.copyOf(failures);
	}

	/** A page of the listing that was not read, or a posting page that gave no posting. */
	public record LinkFailure(URI url, String reason) {

	}

}
