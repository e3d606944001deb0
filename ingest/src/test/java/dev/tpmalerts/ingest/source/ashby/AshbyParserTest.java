package dev.tpmalerts.ingest.source.ashby;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.shared.Location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AshbyParserTest {

	private static final String QUILLON = "https://api.ashbyhq.com/posting-api/job-board/quillon?includeCompensation=true";

	private final AshbyParser parser = new AshbyParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Principal TPM, AI Platform                      | 8d929304-a363-5bcd-8efd-fefa37ee738b | New York, NY      | Hybrid | New York, New York, United States          | 230000 | 280000 | 2026-11-10T15:00:00.000+00:00
			Technical Program Manager, GPU Infrastructure   | a1dd77f1-f947-5292-9579-77d0a209edd9 | San Francisco, CA | OnSite | San Francisco, California, United States   | 185000 | 225000 | 2026-11-14T17:00:00.000+00:00
			Technical Product Manager, Model Evaluation     | b976518c-19a4-5582-844d-bb59eb25c0c5 | Remote (US)       | Remote | United States                              | 190000 | 230000 | 2026-11-19T14:00:00.000+00:00
			""")
	void shouldReadEveryListedJobOfTheBoard(String title, String id, String location, String workplace,
			String address, double salaryMin, double salaryMax, String publishedAt) {
		List<RawPosting> postings = parse("documents/ashby/quillon.json", QUILLON);

		RawPosting posting = postings.stream()
			.filter((candidate) -> candidate.title().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No posting titled " + title));
		assertThat(posting.externalId()).isEqualTo("ashby:quillon:" + id);
		assertThat(posting.url()).isEqualTo("https://jobs.ashbyhq.com/quillon/" + id);
		assertThat(posting.company()).isEqualTo("Quillon");
		assertThat(posting.locationText()).isEqualTo(location);
		assertThat(posting.workplaceHint()).isEqualTo(workplace);
		assertThat(posting.locations()).first().extracting(Location::display).isEqualTo(address);
		assertThat(posting.salary()).isEqualTo(new RawSalary(salaryMin, salaryMax, "USD", "1 YEAR"));
		assertThat(posting.employmentType()).isEqualTo("FullTime");
		assertThat(posting.datePosted()).isEqualTo(publishedAt);
		assertThat(posting.descriptionHtml()).contains("<p>");
		assertThat(posting.sourceType()).isEqualTo(SourceType.ASHBY);
	}

	@Test
	void shouldReadThreeJobsFromTheSampleBoard() {
		assertThat(parse("documents/ashby/quillon.json", QUILLON)).hasSize(3);
	}

	@Test
	void shouldLeaveOutUnlistedJobsAndReadIsRemoteWithoutWorkplaceType() {
		List<RawPosting> postings = parse("documents/ashby/unlisted-and-remote.json",
				"https://api.ashbyhq.com/posting-api/job-board/hollow-pine?includeCompensation=true");

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Senior Technical Program Manager, Data Residency");
			assertThat(posting.company()).isEqualTo("Hollow pine");
			assertThat(posting.workplaceHint()).isEqualTo("Remote");
			assertThat(posting.locations()).containsExactly(Location.of(null, null, "Germany"));
			assertThat(posting.salary()).as("the Salary component, not the equity one listed before it")
				.isEqualTo(new RawSalary(95000.0, 115000.0, "EUR", "1 YEAR"));
		});
	}

	@Test
	void shouldKeepTheSecondaryLocations() {
		RawPosting principal = parse("documents/ashby/quillon.json", QUILLON).get(0);

		assertThat(principal.locations()).extracting(Location::city).containsExactly("New York", "San Francisco");
	}

	@Test
	void shouldRejectJsonWithoutAJobsArrayNamingTheUrl() {
		FetchedDocument answer = new FetchedDocument(URI.create(QUILLON), 200, "application/json",
				"{\"success\": false, \"errors\": [\"Job board not found\"]}".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> this.parser.parse(source(), answer)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining(QUILLON)
			.hasMessageContaining("\"jobs\"");
	}

	@Test
	void shouldRejectAnAnswerThatIsNotJson() {
		FetchedDocument answer = new FetchedDocument(URI.create(QUILLON), 200, "text/html",
				"<!DOCTYPE html><title>Ashby</title>".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> this.parser.parse(source(), answer)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining(QUILLON)
			.hasMessageContaining("not valid JSON");
	}

	private List<RawPosting> parse(String resource, String url) {
		return this.parser.parse(source(), TestDocuments.fetched(resource, url, "application/json"));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("quillon-ashby", SourceType.ASHBY, QUILLON);
	}

}
