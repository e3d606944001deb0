package dev.tpmalerts.ingest.source.greenhouse;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GreenhouseParserTest {

	private static final String NORTHWIND = "https://boards-api.greenhouse.io/v1/boards/northwind/jobs?content=true";

	private static final String MERIDIAN = "https://boards-api.greenhouse.io/v1/boards/meridianhealth/jobs?content=true";

	private final GreenhouseParser parser = new GreenhouseParser();

	@Test
	void shouldReadEveryJobOfTheBoardInOrder() {
		List<RawPosting> postings = parse("documents/greenhouse/northwind.json", NORTHWIND);

		assertThat(postings).extracting(RawPosting::title)
			.containsExactly("Senior Technical Program Manager, Cloud Infrastructure",
					"Technical Program Manager, Data Platform", "Technical Program Manager II, Security Engineering",
					"Technical Product Manager, Developer Platform", "IT Project Manager, Workplace Technology");
		assertThat(postings).allSatisfy((posting) -> {
			assertThat(posting.company()).isEqualTo("Northwind Cloud Systems");
			assertThat(posting.sourceType()).isEqualTo(SourceType.GREENHOUSE);
			assertThat(posting.source()).isEqualTo("northwind-greenhouse");
			assertThat(posting.salary()).isNull();
			assertThat(posting.locations()).isEmpty();
		});
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Senior Technical Program Manager, Cloud Infrastructure | greenhouse:northwind:4412087005 | https://boards.greenhouse.io/northwind/jobs/4412087005 | San Francisco, CA | 2026-11-03T09:00:00-05:00
			Technical Program Manager, Data Platform               | greenhouse:northwind:4412190005 | https://boards.greenhouse.io/northwind/jobs/4412190005 | Seattle, WA       | 2026-10-28T09:00:00-04:00
			Technical Program Manager II, Security Engineering     | greenhouse:northwind:4419302005 | https://boards.greenhouse.io/northwind/jobs/4419302005 | Remote (US)       | 2026-11-10T09:00:00-05:00
			Technical Product Manager, Developer Platform          | greenhouse:northwind:4415561005 | https://boards.greenhouse.io/northwind/jobs/4415561005 | San Francisco, CA | 2026-11-05T09:00:00-05:00
			IT Project Manager, Workplace Technology               | greenhouse:northwind:4407723005 | https://boards.greenhouse.io/northwind/jobs/4407723005 | San Francisco, CA | 2026-10-22T09:00:00-04:00
			""")
	void shouldReadIdUrlLocationAndFirstPublishedDate(String title, String externalId, String url, String location,
			String datePosted) {
		RawPosting posting = byTitle(parse("documents/greenhouse/northwind.json", NORTHWIND), title);

		assertThat(posting.externalId()).isEqualTo(externalId);
		assertThat(posting.url()).isEqualTo(url);
		assertThat(posting.locationText()).isEqualTo(location);
		assertThat(posting.datePosted()).isEqualTo(datePosted);
	}

	@Test
	void shouldUnescapeTheEntityEscapedContentOnceIntoHtml() {
		RawPosting posting = byTitle(parse("documents/greenhouse/northwind.json", NORTHWIND),
				"Technical Program Manager, Data Platform");

		assertThat(posting.descriptionHtml()).contains("<p>", "</p>", "Seattle is $150,000 - $180,000 per year")
			.doesNotContain("&lt;", "&gt;", "&quot;");
	}

	@Test
	void shouldKeepTheCustomDomainUrlAndTheBoardTokenInTheId() {
		List<RawPosting> postings = parse("documents/greenhouse/meridianhealth.json", MERIDIAN);

		assertThat(postings).hasSize(4);
		RawPosting staff = byTitle(postings, "Staff Technical Program Manager, Security & Compliance");
		assertThat(staff.externalId()).isEqualTo("greenhouse:meridianhealth:5561204");
		assertThat(staff.url()).isEqualTo("https://careers.meridianhealth.example/openings?gh_jid=5561204");
		assertThat(staff.company()).isEqualTo("Meridian Health Technologies");
		assertThat(staff.locationText()).isEqualTo("Remote (US)");
		assertThat(staff.datePosted()).isEqualTo("2026-11-12T09:00:00-05:00");
		assertThat(staff.descriptionHtml()).contains("<p>");
	}

	@Test
	void shouldFallBackToTheBoardTokenAndTheUpdateDateWhenTheJobOmitsThem() {
		String board = """
				{"jobs": [{"id": 99, "title": "Technical Program Manager", "absolute_url": "https://boards.greenhouse.io/ashfield/jobs/99",
				  "location": {"name": "Denver, CO"}, "updated_at": "2026-11-20T12:00:00-07:00"}]}
				""";

		List<RawPosting> postings = this.parser.parse(source(),
				document("https://boards-api.greenhouse.io/v1/boards/ashfield/jobs?content=true", board));

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.company()).isEqualTo("ashfield");
			assertThat(posting.externalId()).isEqualTo("greenhouse:ashfield:99");
			assertThat(posting.datePosted()).isEqualTo("2026-11-20T12:00:00-07:00");
			assertThat(posting.descriptionHtml()).isNull();
		});
	}

	@Test
	void shouldReadAnEmptyBoardAsNoPostings() {
		List<RawPosting> postings = this.parser.parse(source(),
				document(NORTHWIND, "{\"jobs\": [], \"meta\": {\"total\": 0}}"));

		assertThat(postings).isEmpty();
	}

	@Test
	void shouldRejectAnAnswerThatIsNotJsonNamingTheUrl() {
		FetchedDocument page = TestDocuments.fetched("documents/greenhouse/bad-gateway.html", NORTHWIND, "text/html");

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining(NORTHWIND)
			.hasMessageContaining("not valid JSON");
	}

	@Test
	void shouldRejectJsonWithoutAJobsArrayNamingTheUrl() {
		FetchedDocument answer = TestDocuments.fetched("documents/greenhouse/board-not-found.json", NORTHWIND,
				"application/json");

		assertThatThrownBy(() -> this.parser.parse(source(), answer)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining(NORTHWIND)
			.hasMessageContaining("\"jobs\"");
	}

	@Test
	void shouldTakeTheWorkplaceTypeMetadataAsTheStructuredWorkplace() {
		List<RawPosting> postings = parse("documents/greenhouse/meridianhealth.json", MERIDIAN);

		assertThat(byTitle(postings, "Technical Program Manager, EHR Interoperability").workplaceHint())
			.isEqualTo("Hybrid");
		assertThat(byTitle(postings, "Staff Technical Program Manager, Security & Compliance").workplaceHint())
			.isEqualTo("Remote");
		assertThat(byTitle(postings, "Program Manager, Community Health Outreach").workplaceHint())
			.isEqualTo("On-site");
		assertThat(postings).extracting(RawPosting::employmentType).containsOnly("Full-time");
	}

	private List<RawPosting> parse(String resource, String url) {
		return this.parser.parse(source(), TestDocuments.fetched(resource, url, "application/json; charset=utf-8"));
	}

	private static FetchedDocument document(String url, String json) {
		return new FetchedDocument(URI.create(url), 200, "application/json", json.getBytes(StandardCharsets.UTF_8));
	}

	private static RawPosting byTitle(List<RawPosting> postings, String title) {
		return postings.stream()
			.filter((posting) -> posting.title().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No posting titled " + title));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("northwind-greenhouse", SourceType.GREENHOUSE, NORTHWIND);
	}

}
