package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchException;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.listing.ListingCrawl.LinkFailure;
import dev.tpmalerts.shared.Location;

import static dev.tpmalerts.ingest.source.listing.ListingParserTest.JUNIPER;
import static dev.tpmalerts.ingest.source.listing.ListingParserTest.juniper;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingCrawlerTest {

	private static final URI PAGE_1 = URI.create(JUNIPER + "/openings/");

	private static final URI PAGE_2 = URI.create(JUNIPER + "/openings/?page=2");

	private static final URI PAGE_3 = URI.create(JUNIPER + "/openings/?page=3");

	private static final URI OUTAGE_ANALYTICS = URI.create(JUNIPER + "/openings/jobs/tpm-outage-analytics");

	private static final URI EV_CHARGING = URI.create(JUNIPER + "/openings/jobs/tpm-ev-charging-network");

	private final ListingCrawler crawler = new ListingCrawler();

	/** The saved site, one document per URL; a URL that is not saved answers 404, as the fetcher would report it. */
	private final Map<URI, String> site = new HashMap<>(Map.of(PAGE_1, "page-1.html", PAGE_2, "page-2.html", PAGE_3,
			"page-3.html", job("tpm-grid-modernization"), "jobs/tpm-grid-modernization.html",
			job("senior-tpm-substation-automation"), "jobs/senior-tpm-substation-automation.html",
			job("program-manager-interconnection"), "jobs/program-manager-interconnection.html",
			job("tpm-der-integration"), "jobs/tpm-der-integration.html", EV_CHARGING,
			"jobs/tpm-ev-charging-network.html"));

	private final List<URI> fetched = new ArrayList<>();

	private final Function<URI, FetchedDocument> fetch = (url) -> {
		this.fetched.add(url);
		String file = this.site.get(url);
		if (file == null) {
			throw new FetchException(url, "HTTP 404");
		}
		return TestDocuments.fetched("documents/listing/juniper/" + file, url.toString(), "text/html; charset=utf-8");
	};

	@Test
	void shouldFollowTheListingAndReadEveryLinkedPostingPage() {
		ListingCrawl crawl = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card")), this.fetch);

		assertThat(crawl.pagesRead()).containsExactly(PAGE_1, PAGE_2, PAGE_3);
		assertThat(crawl.postings()).extracting(RawPosting::title)
			.containsExactly("Technical Program Manager, Grid Modernization", "Senior TPM, Substation Automation",
					"Program Manager, Interconnection Queue", "Technical Program Manager, DER Integration");
		assertThat(crawl.postings()).extracting(RawPosting::url)
			.containsExactly(job("tpm-grid-modernization").toString(),
					job("senior-tpm-substation-automation").toString(),
					job("program-manager-interconnection").toString(), job("tpm-der-integration").toString());
		assertThat(crawl.postings()).allSatisfy((posting) -> {
			assertThat(posting.source()).isEqualTo("juniper-openings");
			assertThat(posting.sourceType()).isEqualTo(SourceType.CAREER_LISTING);
			assertThat(posting.company()).isEqualTo("Juniper Grid Energy");
		});
	}

	@Test
	void shouldReadJsonLdAndMicrodataPostingPagesAlike() {
		List<RawPosting> postings = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card")), this.fetch)
			.postings();

		assertThat(postings.get(0).externalId()).isEqualTo("JGE-2291");
		assertThat(postings.get(1).locations()).containsExactly(Location.of("Boise", "ID", "US"));
		assertThat(postings.get(1).datePosted()).isEqualTo("2026-11-10");
		assertThat(postings.get(2).workplaceHint()).isEqualTo("TELECOMMUTE");
	}

	@Test
	void shouldReportALinkThatCannotBeFetchedOrReadAndStillParseTheOthers() {
		ListingCrawl crawl = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card")), this.fetch);

		assertThat(crawl.failures()).extracting(LinkFailure::url).containsExactly(OUTAGE_ANALYTICS, EV_CHARGING);
		assertThat(crawl.failures().get(0).reason()).isEqualTo("Could not fetch " + OUTAGE_ANALYTICS + ": HTTP 404");
		assertThat(crawl.failures().get(1).reason()).contains("No schema.org JobPosting").contains(EV_CHARGING.toString());
		assertThat(crawl.postings()).hasSize(4);
	}

	@Test
	void shouldFetchEveryPageAndPostingOnceAndNeverLeaveTheHost() {
		this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card")), this.fetch);

		// page 3 links back to page 1; page 2 repeats a posting of page 1; both have links to other hosts.
		assertThat(this.fetched).doesNotHaveDuplicates().hasSize(9).allSatisfy((url) -> assertThat(url.getHost())
			.isEqualTo("careers.junipergrid.example"));
	}

	@ParameterizedTest(name = "max-pages={0}")
	@CsvSource(textBlock = """
			1, 1, 3
			2, 2, 5
			3, 3, 6
			10, 3, 6
			""")
	void shouldReadNoMoreListingPagesThanMaxPages(String maxPages, int pages, int links) {
		ListingCrawl crawl = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card", "max-pages", maxPages)),
				this.fetch);

		assertThat(crawl.pagesRead()).hasSize(pages);
		assertThat(crawl.postings().size() + crawl.failures().size()).isEqualTo(links);
	}

	@Test
	void shouldStopCollectingLinksAtMaxPostings() {
		ListingCrawl crawl = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card", "max-postings", "4")),
				this.fetch);

		assertThat(crawl.pagesRead()).containsExactly(PAGE_1, PAGE_2);
		assertThat(crawl.postings()).hasSize(4);
		assertThat(crawl.failures()).isEmpty();
		assertThat(this.fetched).doesNotContain(PAGE_3, OUTAGE_ANALYTICS);
	}

	@Test
	void shouldReportALaterListingPageThatFailsAndKeepWhatEarlierPagesLinked() {
		this.site.remove(PAGE_2);

		ListingCrawl crawl = this.crawler.crawl(juniper(Map.of("link-selector", "a.job-card")), this.fetch);

		assertThat(crawl.pagesRead()).containsExactly(PAGE_1);
		assertThat(crawl.failures()).containsExactly(new LinkFailure(PAGE_2, "Could not fetch " + PAGE_2 + ": HTTP 404"));
		assertThat(crawl.postings()).hasSize(3);
	}

	@Test
	void shouldFailTheSourceWhenItsFirstPageCannotBeFetched() {
		this.site.remove(PAGE_1);

		assertThatThrownBy(() -> this.crawler.crawl(juniper(Map.of()), this.fetch)).isInstanceOf(FetchException.class)
			.hasMessage("Could not fetch " + PAGE_1 + ": HTTP 404");
	}

	@Test
	void shouldRejectAMalformedOptionBeforeFetchingAnything() {
		assertThatThrownBy(() -> this.crawler.crawl(juniper(Map.of("max-pages", "-1")), this.fetch))
			.isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("juniper-openings")
			.hasMessageContaining("max-pages");
		assertThat(this.fetched).isEmpty();
	}

	private static URI job(String slug) {
		return URI.create(JUNIPER + "/openings/jobs/" + slug);
	}

}
