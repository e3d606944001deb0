package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListingParserTest {

	static final String JUNIPER = "https://careers.junipergrid.example";

	private final ListingParser parser = new ListingParser();

	@ParameterizedTest(name = "{0} with link-selector {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			page-1.html | /openings/         | a.job-card | /openings/jobs/tpm-grid-modernization /openings/jobs/senior-tpm-substation-automation /openings/jobs/program-manager-interconnection | /openings/?page=2
			page-1.html | /openings/         | -          | /openings/jobs/tpm-grid-modernization /openings/jobs/senior-tpm-substation-automation /openings/jobs/program-manager-interconnection /jobs-faq | /openings/?page=2
			page-2.html | /openings/?page=2  | a.job-card | /openings/jobs/tpm-der-integration /openings/jobs/tpm-outage-analytics /openings/jobs/tpm-grid-modernization | /openings/?page=3
			page-3.html | /openings/?page=3  | a.job-card | /openings/jobs/tpm-ev-charging-network | /openings/
			""")
	void shouldResolveDeduplicateAndKeepOnHostPostingLinksAndTheNextPage(String file, String path,
			String linkSelector, String expectedLinks, String expectedNext) {
		Map<String, String> options = new HashMap<>();
		if (linkSelector != null) {
			options.put("link-selector", linkSelector);
		}
		ListingPage page = this.parser.parseListing(juniper(options),
				TestDocuments.fetched("documents/listing/juniper/" + file, JUNIPER + path, "text/html"));

		assertThat(page.url()).isEqualTo(URI.create(JUNIPER + path));
		assertThat(page.postingLinks()).containsExactlyElementsOf(
				Arrays.stream(expectedLinks.split(" ")).map((link) -> URI.create(JUNIPER + link)).toList());
		assertThat(page.next()).contains(URI.create(JUNIPER + expectedNext));
	}

	@Test
	void shouldTakeTheLinkInsideASelectedRowAndANextLinkWithoutRelNext() {
		String url = "https://www.birchwayhealth.example/about/careers/openings";
		SourceDefinition birchway = new SourceDefinition("birchway-openings", SourceType.CAREER_LISTING,
				URI.create(url), true, null, Duration.ofSeconds(1), "Birchway Health",
				Map.of("link-selector", "tr.opening", "next-selector", "a.load-more"));

		ListingPage page = this.parser.parseListing(birchway,
				TestDocuments.fetched("documents/listing/birchway/openings.html", url, "text/html; charset=utf-8"));

		// The page's <base href> is what relative links resolve against.
		assertThat(page.postingLinks()).containsExactly(
				URI.create("https://www.birchwayhealth.example/about/careers/positions/4410"),
				URI.create("https://www.birchwayhealth.example/about/careers/positions/4417"));
		assertThat(page.next()).contains(URI.create(url + "?start=25"));
	}

	@Test
	void shouldIgnoreANextLinkToAnotherHost() {
		ListingPage toLinkedIn = this.parser.parseListing(juniper(Map.of("next-selector", "footer a[href*=linkedin]")),
				pageOne());
		ListingPage toFooter = this.parser.parseListing(juniper(Map.of("next-selector", "footer a")), pageOne());

		assertThat(toLinkedIn.next()).isEmpty();
		// The first on-host link the selector matches: LinkedIn and mailto: are skipped.
		assertThat(toFooter.next()).contains(URI.create(JUNIPER + "/jobs-faq"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|', textBlock = """
			max-pages     | ten   | option 'max-pages' must be a whole number of at least 1, not 'ten'
			max-postings  | 0     | option 'max-postings' must be a whole number of at least 1, not '0'
			link-selector | a.job[ | option 'link-selector' is not a valid CSS selector: 'a.job['
			""")
	void shouldRejectAMalformedOptionNamingTheSourceTheOptionAndTheValue(String option, String value, String message) {
		SourceDefinition source = juniper(Map.of(option, value));

		assertThatThrownBy(() -> this.parser.parseListing(source, pageOne())).isInstanceOf(SourceFormatException.class)
			.hasMessageStartingWith("Source 'juniper-openings' (career-listing): ")
			.hasMessageContaining(message);
	}

	private static FetchedDocument pageOne() {
		return TestDocuments.fetched("documents/listing/juniper/page-1.html", JUNIPER + "/openings/", "text/html");
	}

	static SourceDefinition juniper(Map<String, String> options) {
		return new SourceDefinition("juniper-openings", SourceType.CAREER_LISTING, URI.create(JUNIPER + "/openings/"),
				true, null, Duration.ofSeconds(1), "Juniper Grid Energy", options);
	}

}
