package dev.tpmalerts.ingest.source.jsonld;

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

class JsonLdPageParserTest {

	private static final String BASE = "https://samples.example/career/";

	private final JsonLdPageParser parser = new JsonLdPageParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			bluewater-telecom/technical-program-manager-5g-network-rollout.html        | Technical Program Manager, 5G Network Rollout                   | Bluewater Telecom              | Plano, TX, US                  | 140000  | 170000  | USD | YEAR | 2026-10-27
			contoso/senior-tpm-payments.html                                           | Senior Technical Program Manager – Payments                    | Contoso Financial Technologies | Charlotte, NC, United States   | 165000  | 195000  | USD | YEAR | 2026-11-04T09:00:00-05:00
			copperleaf/senior-technical-product-manager-developer-apis.html            | Senior Technical Product Manager, Developer APIs               | Copperleaf Software            | Austin, TX, United States      | 160000  | 190000  | USD | YEAR | 2026-11-24
			granite-peak-builders/project-manager-commercial-construction.html         | Project Manager – Commercial Construction                      | Granite Peak Builders          | Denver, CO, US                 | 105000  | 130000  | USD | YEAR | 2026-10-21
			ironbridge/technical-program-manager-mission-systems.html                  | Technical Program Manager – Mission Systems                    | Ironbridge Defense Systems     | Huntsville, AL, US             | 140000  | 175000  | USD | YEAR | 2026-10-14
			kestrel-mobility/technical-program-manager-vehicle-software-platform.html  | Technical Program Manager (m/w/d) – Vehicle Software Platform  | Kestrel Mobility GmbH          | Berlin, Berlin, DE             | 70000   | 85000   | EUR | YEAR | 2026-11-07
			lakeview-health/it-project-manager-ehr-upgrade.html                        | IT Project Manager – EHR Upgrade                               | Lakeview Regional Health       | Milwaukee, WI, US              | 95000   | 118000  | USD | YEAR | 2026-11-08
			northlight-freight/program-manager-ii-engineering.html                     | Program Manager II, Engineering                                | Northlight Freight Technologies | Toronto, ON, Canada           | 140000  | 165000  | CAD | YEAR | 2026-11-05
			northwind/senior-tpm-cloud-infrastructure.html                             | Senior Technical Program Manager, Cloud Infrastructure         | Northwind Cloud Systems        | San Francisco, CA, US          | 185000  | 225000  | USD | YEAR | 2026-11-03
			pinecrest-outfitters/staff-technical-program-manager-storefront-platform.html | Staff Technical Program Manager, Storefront Platform        | Pinecrest Outfitters           | -                              | 175000  | 205000  | USD | YEAR | 2026-10-01T09:00:00-04:00
			quillon/principal-tpm-ai-platform.html                                     | Principal TPM, AI Platform                                     | Quillon Labs                   | New York, NY, US               | 230000  | 280000  | USD | YEAR | 2026-11-10T09:00:00-05:00
			redwood-crest/technical-program-manager-contract.html                      | Technical Program Manager (Contract)                           | Redwood Crest Insurance        | -                              | 75      | 75      | USD | HOUR | 2026-11-20
			riverbend-alliance/program-manager-community-food-access.html              | Program Manager, Community Food Access (Part-Time)             | Riverbend Community Alliance   | Portland, OR, US               | 28      | 32      | USD | HOUR | 2026-11-21
			tesseract-analytics/senior-tpm-data-platform.html                          | Sr. TPM – Data Platform                                        | Tesseract Analytics            | Bengaluru, Karnataka, IN       | 4500000 | 6000000 | INR | YEAR | 2026-11-13T09:00:00+05:30
			vireo-consulting/technical-program-manager-cloud-migration.html            | Technical Program Manager – Cloud Migration                    | Vireo Consulting               | London, England, GB            | -       | 90000   | GBP | YEAR | 2026-11-11
			""")
	void shouldReadTheJobPostingOfEverySampleCareerPage(String page, String title, String company, String location,
			Double salaryMin, Double salaryMax, String currency, String unit, String datePosted) {
		List<RawPosting> postings = parse("documents/career/" + page, "text/html; charset=utf-8");

		assertThat(postings).hasSize(1);
		RawPosting posting = postings.get(0);
		assertThat(posting.title()).isEqualTo(title);
		assertThat(posting.company()).isEqualTo(company);
		if (location == null) {
			assertThat(posting.locations()).isEmpty();
		}
		else {
			assertThat(posting.locations()).first().extracting(Location::display).isEqualTo(location);
		}
		assertThat(posting.salary()).isEqualTo(new RawSalary(salaryMin, salaryMax, currency, unit));
		assertThat(posting.datePosted()).isEqualTo(datePosted);
		assertThat(posting.sourceType()).isEqualTo(SourceType.JSON_LD_PAGE);
		assertThat(posting.source()).isEqualTo("career-page");
		assertThat(posting.descriptionHtml()).isNotBlank();
		assertThat(posting.url()).startsWith("https://");
	}

	@Test
	void shouldKeepTheTrackingParametersOfTheJsonLdUrlForTheNormaliserToRemove() {
		RawPosting posting = parseOne("documents/career/contoso/senior-tpm-payments.html");

		assertThat(posting.url()).isEqualTo("https://careers.contosofinancial.example/jobs/senior-tpm-payments"
				+ "?utm_source=linkedin&utm_medium=job_post&utm_campaign=payments_q4");
		assertThat(posting.validThrough()).isEqualTo("2027-02-04T23:59:59-05:00");
	}

	@Test
	void shouldReadTheJobPostingNodeOutOfAGraph() {
		RawPosting posting = parseOne("documents/career/quillon/principal-tpm-ai-platform.html");

		assertThat(posting.title()).isEqualTo("Principal TPM, AI Platform");
		assertThat(posting.externalId()).isEqualTo("8d929304-a363-5bcd-8efd-fefa37ee738b");
		assertThat(posting.locations()).extracting(Location::display)
			.containsExactly("New York, NY, US", "San Francisco, CA, US");
		assertThat(posting.url()).isEqualTo("https://quillonlabs.example/careers/principal-tpm-ai-platform");
		assertThat(posting.validThrough()).isEqualTo("2027-03-01");
	}

	@Test
	void shouldTakeTheIdentifierValueAndEveryPlaceOfAnArrayOfLocations() {
		RawPosting posting = parseOne(
				"documents/career/bluewater-telecom/technical-program-manager-5g-network-rollout.html");

		assertThat(posting.externalId()).isEqualTo("R-30917");
		assertThat(posting.locations()).extracting(Location::display).containsExactly("Plano, TX, US", "Atlanta, GA, US");
		assertThat(posting.employmentType()).isEqualTo("FULL_TIME");
		assertThat(posting.validThrough()).isEqualTo("2027-01-15");
	}

	@Test
	void shouldGiveTheTelecommuteStatementAndTheApplicantCountryOfARemoteJob() {
		RawPosting pinecrest = parseOne(
				"documents/career/pinecrest-outfitters/staff-technical-program-manager-storefront-platform.html");
		RawPosting northlight = parseOne("documents/career/northlight-freight/program-manager-ii-engineering.html");

		assertThat(pinecrest.workplaceHint()).isEqualTo("TELECOMMUTE");
		assertThat(pinecrest.locationText()).isEqualTo("US");
		assertThat(pinecrest.validThrough()).isEqualTo("2026-11-01T23:59:59-05:00");
		assertThat(northlight.workplaceHint()).isEqualTo("TELECOMMUTE");
		assertThat(northlight.locationText()).isEqualTo("Canada");
		assertThat(northlight.locations()).extracting(Location::display).containsExactly("Toronto, ON, Canada");
	}

	@Test
	void shouldReadASingleHourlyValueAndTheContractorEmploymentType() {
		RawPosting posting = parseOne("documents/career/redwood-crest/technical-program-manager-contract.html");

		assertThat(posting.salary()).isEqualTo(new RawSalary(75.0, 75.0, "USD", "HOUR"));
		assertThat(posting.employmentType()).isEqualTo("CONTRACTOR");
		assertThat(posting.externalId()).isEqualTo("4471");
	}

	@Test
	void shouldDecodeUnicodeEscapesAndEscapedSlashes() {
		RawPosting ironbridge = parseOne("documents/career/ironbridge/technical-program-manager-mission-systems.html");
		RawPosting riverbend = parseOne(
				"documents/career/riverbend-alliance/program-manager-community-food-access.html");

		assertThat(ironbridge.title()).isEqualTo("Technical Program Manager – Mission Systems");
		assertThat(riverbend.url())
			.isEqualTo("https://riverbendalliance.example/jobs/program-manager-community-food-access/");
		assertThat(riverbend.descriptionHtml()).contains("</p>").doesNotContain("\\/");
	}

	@Test
	void shouldUseTheGoodBlockWhenAnotherBlockOnThePageIsBroken() {
		List<RawPosting> postings = parse("documents/career/malformed/broken-and-good-json-ld.html", "text/html");

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Technical Program Manager, Billing");
			assertThat(posting.company()).isEqualTo("Alderbrook Software");
			assertThat(posting.url()).isEqualTo("https://careers.alderbrook.example/jobs/tpm-billing");
			assertThat(posting.locations()).extracting(Location::display).containsExactly("Raleigh, NC, US");
		});
	}

	@Test
	void shouldRejectAPageWhoseOnlyJsonLdBlockIsBrokenNamingTheUrl() {
		FetchedDocument page = TestDocuments.fetched("documents/career/malformed/only-broken-json-ld.html",
				"https://careers.alderbrook.example/jobs/tpm", "text/html");

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("https://careers.alderbrook.example/jobs/tpm")
			.hasMessageContaining("broken JSON-LD");
	}

	@Test
	void shouldRejectAPageWithoutJobPostingNamingTheUrl() {
		FetchedDocument page = TestDocuments.fetched("documents/career/malformed/no-job-posting.html",
				"https://careers.alderbrook.example/", "text/html");

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("No schema.org JobPosting")
			.hasMessageContaining("https://careers.alderbrook.example/")
			.hasMessageNotContaining("broken");
	}

	@Test
	void shouldRejectAPageWithoutAnyJsonLd() {
		FetchedDocument page = new FetchedDocument(URI.create("https://careers.alderbrook.example/about"), 200,
				"text/html", "<html><body><h1>About us</h1></body></html>".getBytes(StandardCharsets.UTF_8));

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("https://careers.alderbrook.example/about");
	}

	@Test
	void shouldFindTheJobPostingInATopLevelArray() {
		RawPosting posting = parseOne("documents/career/shapes/array-form.html");

		assertThat(posting.title()).isEqualTo("Staff TPM, Search");
		assertThat(posting.company()).isEqualTo("Fernhill Media");
		assertThat(posting.externalId()).isEqualTo("FH-2231");
		assertThat(posting.workplaceHint()).isEqualTo("TELECOMMUTE");
		assertThat(posting.locationText()).isEqualTo("US, CA");
		assertThat(posting.employmentType()).isEqualTo("FULL_TIME,CONTRACTOR");
		assertThat(posting.salary()).isEqualTo(new RawSalary(210000.0, 210000.0, "USD", null));
		assertThat(posting.validThrough()).isEqualTo("2027-01-19");
	}

	@Test
	void shouldAcceptTypeAsAnArrayWithAFullIriAndFallBackToThePageUrl() {
		String pageUrl = "https://gallant.example/careers/tpm-payments-risk";
		List<RawPosting> postings = this.parser.parse(source(),
				TestDocuments.fetched("documents/career/shapes/type-array.html", pageUrl, "text/html"));

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Technical Program Manager, Payments Risk");
			assertThat(posting.company()).isEqualTo("Gallant Payments");
			assertThat(posting.url()).isEqualTo(pageUrl);
			assertThat(posting.externalId()).isEqualTo("GP-771");
			assertThat(posting.locations()).first().isEqualTo(Location.of("Dublin", null, "IE"));
			assertThat(posting.salary()).isEqualTo(new RawSalary(85000.0, 100000.0, "EUR", "YEAR"));
			assertThat(posting.datePosted()).isEqualTo("2026-11-12T10:00:00+00:00");
		});
	}

	@Test
	void shouldKeepAnAddressGivenAsPlainText() {
		RawPosting posting = parseOne("documents/career/shapes/type-array.html");

		assertThat(posting.locations()).hasSize(2);
		assertThat(posting.locations().get(1).display()).contains("Cork");
	}

	@Test
	void shouldDecodeAPageByTheCharsetOfItsMetaTagWhenTheHeaderNamesNone() {
		// Built here rather than saved: the repository keeps every text file in UTF-8 (.editorconfig).
		String html = """
				<!DOCTYPE html>
				<html><head><meta charset="ISO-8859-1"><title>Chef de programme technique</title>
				<script type="application/ld+json">
				{"@context": "https://schema.org", "@type": "JobPosting", "title": "Technical Program Manager",
				 "hiringOrganization": {"@type": "Organization", "name": "Société Générale des Logiciels"},
				 "description": "<p>Rejoignez l'équipe à Montréal.</p>"}
				</script></head><body></body></html>
				""";
		FetchedDocument page = new FetchedDocument(URI.create("https://emplois.sgl.example/tpm"), 200, "text/html",
				html.getBytes(StandardCharsets.ISO_8859_1));

		RawPosting posting = this.parser.parse(source(), page).get(0);

		assertThat(posting.company()).isEqualTo("Société Générale des Logiciels");
		assertThat(posting.descriptionHtml()).contains("l'équipe à Montréal");
	}

	@Test
	void shouldStillParseATenMegabytePage() {
		// The size cap belongs to the fetcher; a parser handed a big page must still find the posting.
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
		String filler = "<div class=\"teaser\"><p>Explore our teams, benefits and offices around the world.</p></div>\n";
		while (html.length() < 10 * 1024 * 1024) {
			html.append(filler);
		}
		html.append("""
				<script type="application/ld+json">
				{"@context": "https://schema.org", "@type": "JobPosting", "title": "Technical Program Manager, Ads",
				 "hiringOrganization": "Big Page Inc.", "url": "https://bigpage.example/jobs/1"}
				</script></body></html>
				""");
		byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
		FetchedDocument page = new FetchedDocument(URI.create("https://bigpage.example/jobs/1"), 200,
				"text/html; charset=utf-8", body);

		List<RawPosting> postings = this.parser.parse(source(), page);

		assertThat(body.length).isGreaterThanOrEqualTo(10 * 1024 * 1024);
		assertThat(postings).singleElement()
			.extracting(RawPosting::title)
			.isEqualTo("Technical Program Manager, Ads");
	}

	@Test
	void shouldEndTheReadAfterTheScriptOfTheLastJsonLdMentionWhateverItsCase() {
		String page = "<html><head><script type=\"application/LD+JSON\">{}</SCRIPT><title>t</title></head>"
				+ "<body><p>Jobs</p></body></html>";
		int end = JsonLdPageParser.endOfLastJsonLdBlock(page.getBytes(StandardCharsets.US_ASCII));

		assertThat(page.substring(0, end)).endsWith("{}</SCRIPT>");
		assertThat(JsonLdPageParser.endOfLastJsonLdBlock("<p>No structured data</p>".getBytes(StandardCharsets.US_ASCII)))
			.isEqualTo(-1);
		assertThat(JsonLdPageParser.endOfLastJsonLdBlock("<script type=\"application/ld+json\">{".getBytes(
				StandardCharsets.US_ASCII))).as("a block the page never closes").isEqualTo(-1);
	}

	@Test
	void shouldFindEveryJobPostingWhenTheBodyHoldsAnotherBlockAfterTheHeadOne() {
		String html = """
				<html><head><script type="application/ld+json">{"@type": "Organization", "name": "Alderbrook"}</script>
				</head><body><h1>Open roles</h1><p>Two roles are open.</p>
				<script type="application/ld+json">[{"@type": "JobPosting", "title": "TPM, Billing",
				 "url": "https://alderbrook.example/jobs/1"}, {"@type": "JobPosting", "title": "TPM, Ledger",
				 "url": "https://alderbrook.example/jobs/2"}]</script>
				<footer>About us</footer></body></html>
				""";

		List<RawPosting> postings = this.parser.parse(source(), html("https://alderbrook.example/jobs", html));

		assertThat(postings).extracting(RawPosting::title).containsExactly("TPM, Billing", "TPM, Ledger");
	}

	@Test
	void shouldReadTheWholePageForMicrodataWhenItsJsonLdHoldsNoPosting() {
		// The JSON-LD block ends early, and holds no posting: the microdata after it must still be read.
		String html = """
				<html><head><script type="application/ld+json">{"@type": "WebSite", "name": "Fernhill Careers"}</script>
				</head><body><div itemscope itemtype="https://schema.org/JobPosting">
				<h1 itemprop="title">Technical Program Manager, Search</h1>
				<div itemprop="hiringOrganization" itemscope itemtype="https://schema.org/Organization">
				<span itemprop="name">Fernhill Media</span></div>
				<div itemprop="description"><p>Lead the search programs.</p></div></div></body></html>
				""";

		List<RawPosting> postings = this.parser.parse(source(), html("https://fernhill.example/jobs/7", html));

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Technical Program Manager, Search");
			assertThat(posting.company()).isEqualTo("Fernhill Media");
		});
	}

	private static FetchedDocument html(String url, String html) {
		return new FetchedDocument(URI.create(url), 200, "text/html; charset=utf-8",
				html.getBytes(StandardCharsets.UTF_8));
	}

	private RawPosting parseOne(String resource) {
		List<RawPosting> postings = parse(resource, "text/html; charset=utf-8");
		assertThat(postings).hasSize(1);
		return postings.get(0);
	}

	private List<RawPosting> parse(String resource, String contentType) {
		String url = BASE + resource.substring(resource.lastIndexOf('/') + 1);
		return this.parser.parse(source(), TestDocuments.fetched(resource, url, contentType));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("career-page", SourceType.JSON_LD_PAGE, "https://samples.example/career/");
	}

}
