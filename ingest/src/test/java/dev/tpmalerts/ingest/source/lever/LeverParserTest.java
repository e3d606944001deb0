package dev.tpmalerts.ingest.source.lever;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.JsonNodes;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeverParserTest {

	private static final String CONTOSO = "https://api.lever.co/v0/postings/contoso?mode=json";

	private static final String LARKSPUR = "https://api.lever.co/v0/postings/larkspur?mode=json";

	private final LeverParser parser = new LeverParser();

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			contoso  | Senior Technical Program Manager – Payments        | f1e97170-b614-5b6b-a802-28c171751c16 | Charlotte, NC | hybrid | 165000 | 195000 | per-year-salary | 2026-11-04T19:00:00.517Z
			contoso  | Technical Program Manager, Fraud & Risk Platform   | 2d54b870-0420-583c-9b76-e236efc804ca | Remote - US   | remote | 150000 | 180000 | per-year-salary | 2026-11-09T15:00:00.517Z
			contoso  | Product Manager, Merchant Onboarding               | 047d7c11-61a4-5ab2-9eec-f29d5b6ba6de | New York, NY  | hybrid | 155000 | 185000 | per-year-salary | 2026-10-30T20:00:00.517Z
			contoso  | Marketing Program Manager, Card Rewards            | 5c50f373-e0b6-5479-8240-e0d86302d7e8 | Charlotte, NC | hybrid | 105000 | 125000 | per-year-salary | 2026-11-16T16:00:00.517Z
			larkspur | Technical Program Manager, Fulfillment Systems     | cde806a6-7035-5f3f-986c-5b772631af4e | Columbus, OH  | hybrid | 135000 | 160000 | per-year-salary | 2026-11-06T18:00:00.517Z
			larkspur | Production Supervisor – PM Shift                   | 177a2e5c-f150-59db-85e2-0beeed208628 | Groveport, OH | onsite | 31     | 36     | per-hour-wage   | 2026-11-18T14:00:00.517Z
			larkspur | Lead Technical Program Manager, Supply Chain Data  | 8420ff81-f3ef-53fe-b1aa-cbb033c3cd4a | Remote - US   | remote | 160000 | 190000 | per-year-salary | 2026-10-26T19:00:00.517Z
			larkspur | IT Project Manager, Store Systems                  | 33f207fc-9ee6-5216-b3d2-58a22fd85256 | Columbus, OH  | onsite | 105000 | 125000 | per-year-salary | 2026-10-19T16:00:00.517Z
			""")
	void shouldReadEveryPostingOfTheSite(String site, String title, String id, String location, String workplace,
			double salaryMin, double salaryMax, String interval, String createdAt) {
		List<RawPosting> postings = parse(site);

		RawPosting posting = postings.stream()
			.filter((candidate) -> candidate.title().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No posting titled " + title));
		assertThat(posting.externalId()).isEqualTo("lever:" + site + ":" + id);
		assertThat(posting.url()).isEqualTo("https://jobs.lever.co/" + site + "/" + id);
		assertThat(posting.locationText()).isEqualTo(location);
		assertThat(posting.workplaceHint()).isEqualTo(workplace);
		assertThat(posting.salary()).isEqualTo(new RawSalary(salaryMin, salaryMax, "USD", interval));
		assertThat(posting.employmentType()).isEqualTo("Full-time");
		assertThat(posting.datePosted()).as("createdAt epoch millis as an instant").isEqualTo(createdAt);
		assertThat(posting.sourceType()).isEqualTo(SourceType.LEVER);
	}

	@Test
	void shouldReadFourPostingsFromEachSampleSite() {
		assertThat(parse("contoso")).hasSize(4).allSatisfy((posting) -> assertThat(posting.company()).isEqualTo("Contoso"));
		assertThat(parse("larkspur")).hasSize(4)
			.allSatisfy((posting) -> assertThat(posting.company()).isEqualTo("Larkspur"));
	}

	@Test
	void shouldJoinOpeningListsAndAdditionalIntoOneDescription() {
		RawPosting posting = parse("contoso").get(0);

		assertThat(posting.descriptionHtml())
			.startsWith("<div>Contoso Financial Technologies powers payments")
			.contains("<h3>What you'll do</h3><ul><li>", "<h3>Requirements</h3><ul>", "<h3>Nice to have</h3><ul>")
			.contains("Compensation: $165,000 - $195,000 per year base salary")
			.containsSubsequence("<h3>What you'll do</h3>", "<h3>Requirements</h3>", "Compensation:");
	}

	@Test
	void shouldNameTheCompanyAfterAHyphenatedSite() {
		assertThat(JsonNodes.companyFromSlug("blue-harbor-labs")).isEqualTo("Blue harbor labs");
	}

	@Test
	void shouldLeaveOutSalaryAndDescriptionWhenThePostingHasNone() {
		String json = """
				[{"id": "abc", "text": "Technical Program Manager", "hostedUrl": "https://jobs.lever.co/tern/abc",
				  "categories": {"location": "Austin, TX"}}]
				""";

		List<RawPosting> postings = this.parser.parse(source(),
				new FetchedDocument(URI.create("https://api.lever.co/v0/postings/tern?mode=json"), 200,
						"application/json", json.getBytes(StandardCharsets.UTF_8)));

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.externalId()).isEqualTo("lever:tern:abc");
			assertThat(posting.salary()).isNull();
			assertThat(posting.descriptionHtml()).isNull();
			assertThat(posting.datePosted()).isNull();
			assertThat(posting.workplaceHint()).isNull();
		});
	}

	@Test
	void shouldRejectAnObjectInsteadOfAnArrayNamingTheUrl() {
		FetchedDocument answer = TestDocuments.fetched("documents/lever/site-not-found.json",
				"https://api.lever.co/v0/postings/nosuchsite?mode=json", "application/json");

		assertThatThrownBy(() -> this.parser.parse(source(), answer)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("https://api.lever.co/v0/postings/nosuchsite?mode=json")
			.hasMessageContaining("JSON array");
	}

	@Test
	void shouldRejectAnAnswerThatIsNotJson() {
		FetchedDocument answer = new FetchedDocument(URI.create(CONTOSO), 200, "text/html",
				"<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> this.parser.parse(source(), answer)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining(CONTOSO)
			.hasMessageContaining("not valid JSON");
	}

	private List<RawPosting> parse(String site) {
		String url = site.equals("contoso") ? CONTOSO : LARKSPUR;
		return this.parser.parse(source(),
				TestDocuments.fetched("documents/lever/" + site + ".json", url, "application/json"));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("lever-site", SourceType.LEVER, CONTOSO);
	}

}
