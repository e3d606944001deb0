package dev.tpmalerts.ingest.source.microdata;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.shared.Location;

import static org.assertj.core.api.Assertions.assertThat;

class MicrodataExtractorTest {

	private static final String BASE = "https://careers.pages.example/jobs/";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			nested-place-and-salary.html | Senior Technical Program Manager, Autonomy Platform                  | Halcyon Robotics    | Pittsburgh, PA, US | 170000 | 205000 | USD | YEAR | 2026-11-02 | https://careers.pages.example/careers/jobs/senior-tpm-autonomy
			flat-text-values.html        | Technical Program Manager – Warehouse Systems (Contract)          | Tidewater Logistics | Savannah, GA, US   | 62     | 62     | USD | HOUR | 2026-10-28 | https://careers.pages.example/jobs/flat-text-values.html
			missing-fields.html          | Program Manager, Platform Reliability                              | -                   | -                  | -      | -      | -   | -    | -          | https://careers.pages.example/jobs/missing-fields.html
			remote-two-postings.html     | Staff Technical Program Manager, Data Infrastructure               | Lanternfish Data    | -                  | 190000 | -      | USD | YEAR | 2026-11-15 | https://careers.pages.example/roles/staff-tpm-data-infrastructure
			""")
	void shouldReadTheFirstMicrodataJobPostingOfEveryPage(String page, String title, String company,
			String location, Double salaryMin, Double salaryMax, String currency, String unit, String datePosted,
			String url) {
		List<RawPosting> postings = extract(page);

		assertThat(postings).isNotEmpty();
		RawPosting posting = postings.get(0);
		assertThat(posting.title()).isEqualTo(title);
		assertThat(posting.company()).isEqualTo(company);
		if (location == null) {
			assertThat(posting.locations()).isEmpty();
		}
		else {
			assertThat(posting.locations()).first().extracting(Location::display).isEqualTo(location);
		}
		assertThat(posting.salary()).isEqualTo(
				(currency == null) ? null : new RawSalary(salaryMin, salaryMax, currency, unit));
		assertThat(posting.datePosted()).isEqualTo(datePosted);
		assertThat(posting.url()).isEqualTo(url);
		assertThat(posting.source()).isEqualTo("microdata-pages");
		assertThat(posting.sourceType()).isEqualTo(SourceType.JSON_LD_PAGE);
		assertThat(posting.descriptionHtml()).contains("<p>");
	}

	@Test
	void shouldReadTheIdentifierValidThroughAndEmploymentTypeOfNestedItems() {
		RawPosting posting = extract("nested-place-and-salary.html").get(0);

		assertThat(posting.externalId()).isEqualTo("HR-1042");
		assertThat(posting.validThrough()).isEqualTo("2027-01-31T23:59:59-05:00");
		assertThat(posting.employmentType()).isEqualTo("FULL_TIME");
		assertThat(posting.workplaceHint()).isNull();
	}

	@Test
	void shouldNotTakeTheNamesOfOtherItemsOnThePageForThePostingsFields() {
		// The page header is an Organization item and the breadcrumb has "name"s: neither belongs to the posting.
		RawPosting posting = extract("nested-place-and-salary.html").get(0);

		assertThat(posting.company()).isEqualTo("Halcyon Robotics");
		assertThat(posting.locations()).containsExactly(Location.of("Pittsburgh", "PA", "US"));
		assertThat(posting.descriptionHtml()).contains("<h2>What you will do</h2>", "<li>")
			.doesNotContain("Apply now");
	}

	@Test
	void shouldKeepEveryLocationOfAPlaceWithAddressPartsAndOfPlainText() {
		RawPosting posting = extract("flat-text-values.html").get(0);

		assertThat(posting.locations()).containsExactly(Location.of("Savannah", "GA", "US"),
				Location.of("Charleston, SC", null, null));
		assertThat(posting.employmentType()).isEqualTo("Contract");
		assertThat(posting.externalId()).isNull();
	}

	@Test
	void shouldLeaveMissingFieldsEmptyForTheNormaliserToJudge() {
		RawPosting posting = extract("missing-fields.html").get(0);

		assertThat(posting.title()).isEqualTo("Program Manager, Platform Reliability");
		assertThat(posting).extracting(RawPosting::company, RawPosting::externalId, RawPosting::salary,
				RawPosting::datePosted, RawPosting::validThrough, RawPosting::employmentType,
				RawPosting::workplaceHint, RawPosting::locationText)
			.containsOnlyNulls();
	}

	@Test
	void shouldReadEveryPostingOfAPageWithTheEmployerTheyReferenceByItemref() {
		List<RawPosting> postings = extract("remote-two-postings.html");

		assertThat(postings).extracting(RawPosting::title)
			.containsExactly("Staff Technical Program Manager, Data Infrastructure",
					"Technical Program Manager, Customer Onboarding");
		assertThat(postings).extracting(RawPosting::company).containsOnly("Lanternfish Data");
		assertThat(postings).extracting(RawPosting::workplaceHint).containsOnly("TELECOMMUTE");
		assertThat(postings).extracting(RawPosting::locationText).containsExactly("US, Canada", "US");
		assertThat(postings).extracting(RawPosting::employmentType).containsExactly("FULL_TIME", "FULL_TIME,CONTRACTOR");
		assertThat(postings.get(1).url()).isEqualTo("https://lanternfish.example/roles/tpm-customer-onboarding");
		assertThat(postings.get(1).salary()).isNull();
	}

	@Test
	void shouldFindNothingOnAPageWhoseOnlyItemIsNotAJobPosting() {
		assertThat(extract("organization-only.html")).isEmpty();
	}

	@Test
	void shouldAttributeThePostingsToTheSourceTypeItIsGiven() {
		Document page = page("missing-fields.html");

		List<RawPosting> postings = MicrodataExtractor.extract(source(), SourceType.CAREER_LISTING, page);

		assertThat(postings).singleElement().extracting(RawPosting::sourceType).isEqualTo(SourceType.CAREER_LISTING);
	}

	private static List<RawPosting> extract(String file) {
		return MicrodataExtractor.extract(source(), SourceType.JSON_LD_PAGE, page(file));
	}

	private static Document page(String file) {
		return JsonLdPageParser.parseHtml(
				TestDocuments.fetched("documents/microdata/" + file, BASE + file, "text/html; charset=utf-8"));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("microdata-pages", SourceType.JSON_LD_PAGE, BASE);
	}

}
