package dev.tpmalerts.ingest.source.feed;

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

class FeedParserTest {

	private final FeedParser parser = new FeedParser();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Technical Program Manager, 5G Network Rollout                | pmcd-88213 | https://jobs.bluewatertelecom.example/job/technical-program-manager-5g-network-rollout/R-30917?utm_source=pmcareersdigest&utm_medium=rss&utm_campaign=daily | Tue, 27 Oct 2026 15:00:00 GMT
			Technical Program Manager, Clinical Data Systems             | pmcd-88240 | https://pmcareersdigest.example/jobs/88240-technical-program-manager-clinical-data-systems-cobalt-genomics                                                 | Thu, 12 Nov 2026 11:00:00 GMT
			Senior Technical Program Manager, Enterprise Transformation  | pmcd-88301 | https://pmcareersdigest.example/jobs/88301-senior-technical-program-manager-enterprise-transformation-ashgrove-partners                                    | Wed, 18 Nov 2026 18:00:00 GMT
			Project Manager, Data Center Construction                    | pmcd-88177 | https://pmcareersdigest.example/jobs/88177-project-manager-data-center-construction-summit-ridge                                                          | Wed, 04 Nov 2026 08:00:00 GMT
			Product Manager, Mobile Banking                              | pmcd-88129 | https://pmcareersdigest.example/jobs/88129-product-manager-mobile-banking-tidewater-credit-union                                                         | Thu, 29 Oct 2026 13:00:00 GMT
			""")
	void shouldReadTheItemsOfAnRssFeed(String title, String guid, String link, String pubDate) {
		RawPosting item = byTitle(parse("pm-careers-digest.xml"), title);

		assertThat(item.externalId()).isEqualTo(guid);
		assertThat(item.url()).isEqualTo(link);
		assertThat(item.datePosted()).isEqualTo(pubDate);
		assertThat(item.descriptionHtml()).startsWith("<p><strong>Company:</strong>").contains("</h4>");
		assertThat(item.sourceType()).isEqualTo(SourceType.FEED);
	}

	@Test
	void shouldReadFiveItemsFromEachSampleFeed() {
		assertThat(parse("pm-careers-digest.xml")).hasSize(5);
		assertThat(parse("civic-tech-jobs.xml")).hasSize(5);
		assertThat(parse("remote-tpm-roles.xml")).hasSize(5);
	}

	@Test
	void shouldUseTheLinkAsIdWhenTheGuidIsThePermalink() {
		RawPosting item = byTitle(parse("civic-tech-jobs.xml"), "Technical Program Manager, Benefits Modernization");

		assertThat(item.externalId()).isEqualTo(item.url())
			.isEqualTo("https://civictechjobs.example/jobs/civic-stack-digital-services/"
					+ "technical-program-manager-benefits-modernization");
		assertThat(item.datePosted()).isEqualTo("Fri, 06 Nov 2026 10:00:00 +0000");
		assertThat(item.descriptionHtml()).contains("<p>Salary range: $145,000 - $175,000 per year.</p>");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Staff Technical Program Manager, Security & Compliance | Meridian Health Technologies  | tag:remotetpmroles.example,2026:job-31877 | https://careers.meridianhealth.example/openings?gh_jid=5561204&utm_source=remotetpmroles&utm_medium=atom | 2026-11-12T14:00:00Z
			Technical Program Manager, Platform Reliability        | Stratus Nine                  | tag:remotetpmroles.example,2026:job-31902 | https://remotetpmroles.example/jobs/31902/technical-program-manager-platform-reliability                  | 2026-11-16T17:00:00Z
			Senior Technical Program Manager, Hardware NPI         | Obsidian Devices              | tag:remotetpmroles.example,2026:job-31855 | https://remotetpmroles.example/jobs/31855/senior-technical-program-manager-hardware-npi                   | 2026-11-09T12:00:00Z
			Technical Product Manager, Observability               | Stratus Nine                  | tag:remotetpmroles.example,2026:job-31940 | https://remotetpmroles.example/jobs/31940/technical-product-manager-observability                        | 2026-11-20T10:00:00Z
			Program Manager, Online Learning Programs              | Brightpath Learning Collective | tag:remotetpmroles.example,2026:job-31969 | https://remotetpmroles.example/jobs/31969/program-manager-online-learning-programs                       | 2026-11-22T19:00:00Z
			""")
	void shouldReadTheEntriesOfAnAtomFeedWithTheAuthorAsCompany(String title, String company, String id, String link,
			String published) {
		RawPosting entry = byTitle(parse("remote-tpm-roles.xml"), title);

		assertThat(entry.company()).isEqualTo(company);
		assertThat(entry.externalId()).isEqualTo(id);
		assertThat(entry.url()).isEqualTo(link);
		assertThat(entry.datePosted()).as("published wins over updated").isEqualTo(published);
		assertThat(entry.descriptionHtml()).isNotBlank();
	}

	@Test
	void shouldUnescapeHtmlContentAndFallBackToThePlainSummary() {
		List<RawPosting> entries = parse("remote-tpm-roles.xml");

		assertThat(entries.get(0).descriptionHtml()).startsWith("<p><b>Meridian Health Technologies</b>")
			.contains("<h3>Who we are</h3>")
			.doesNotContain("&lt;");
		assertThat(entries.get(4).descriptionHtml())
			.startsWith("Brightpath Learning Collective — Remote (US). Manage our online learning programs")
			.doesNotContain("<p>");
	}

	@Test
	void shouldReadNamespacedCompanyLocationJobTypeAndFullContent() {
		List<RawPosting> items = this.parser.parse(source(), TestDocuments.fetched("documents/feeds/job-namespace.xml",
				"https://jobs.harborview.example/feed.rss", "application/rss+xml"));

		assertThat(items).hasSize(2);
		RawPosting first = items.get(0);
		assertThat(first.company()).isEqualTo("Harborview Logistics");
		assertThat(first.locationText()).isEqualTo("Reno, NV");
		assertThat(first.employmentType()).isEqualTo("Full-time");
		assertThat(first.descriptionHtml()).as("content:encoded wins over the teaser")
			.isEqualTo("<p>Lead the robotics rollout across four warehouses.</p><p>This is an on-site role in Reno.</p>");
		assertThat(first.externalId()).as("no guid: the link")
			.isEqualTo("https://jobs.harborview.example/roles/5521?src=rss");
		RawPosting second = items.get(1);
		assertThat(second.company()).as("no company element: the feed's title").isEqualTo("Harborview Jobs");
		assertThat(second.descriptionHtml()).isEqualTo("<p>Grow our carrier network.</p>");
	}

	@Test
	void shouldTakeTheAlternateLinkOfAnAtomEntryAndSkipOtherRelations() {
		String atom = """
				<?xml version="1.0" encoding="utf-8"?>
				<feed xmlns="http://www.w3.org/2005/Atom">
				  <title>Quarry Jobs</title>
				  <entry>
				    <title>Technical Program Manager</title>
				    <link rel="enclosure" type="application/pdf" href="https://quarry.example/jobs/7.pdf"/>
				    <link href="https://quarry.example/jobs/7"/>
				    <id>urn:quarry:7</id>
				    <updated>2026-11-30T08:00:00Z</updated>
				    <summary>Run our release trains.</summary>
				  </entry>
				</feed>
				""";

		List<RawPosting> entries = this.parser.parse(source(), document("https://quarry.example/jobs.atom", atom));

		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.url()).isEqualTo("https://quarry.example/jobs/7");
			assertThat(entry.company()).as("no author: the feed's title").isEqualTo("Quarry Jobs");
			assertThat(entry.datePosted()).as("no published: updated").isEqualTo("2026-11-30T08:00:00Z");
		});
	}

	@Test
	void shouldRejectADocumentThatIsNeitherRssNorAtomNamingTheUrl() {
		FetchedDocument sitemap = TestDocuments.fetched("documents/feeds/sitemap.xml",
				"https://careers.alderbrook.example/sitemap.xml", "application/xml");

		assertThatThrownBy(() -> this.parser.parse(source(), sitemap)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("https://careers.alderbrook.example/sitemap.xml")
			.hasMessageContaining("neither RSS 2.0")
			.hasMessageContaining("nor Atom");
	}

	@Test
	void shouldRejectAnHtmlPageGivenAsAFeed() {
		FetchedDocument page = TestDocuments.fetched("documents/career/contoso/senior-tpm-payments.html",
				"https://careers.contosofinancial.example/jobs/feed", "text/html");

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("https://careers.contosofinancial.example/jobs/feed");
	}

	@Test
	void shouldTakeTheCompanyOfAnRssItemFromDcCreator() {
		List<RawPosting> items = parse("civic-tech-jobs.xml");

		assertThat(items).extracting(RawPosting::company)
			.containsExactly("Civic Stack Digital Services", "Lighthouse Youth Foundation",
					"Ironbridge Defense Systems", "Open Harbor Fund", "Metro Harbor Transit Authority");
	}

	@Test
	void shouldTakeTheCompanyOfAnRssItemFromItsCompanyLine() {
		List<RawPosting> items = parse("pm-careers-digest.xml");

		assertThat(items).extracting(RawPosting::company)
			.containsExactly("Bluewater Telecom", "Cobalt Genomics", "Ashgrove Partners", "Summit Ridge Constructors",
					"Tidewater Credit Union");
	}

	@Test
	void shouldDecodeAFeedByItsXmlDeclarationWhenTheHeaderNamesNoCharset() {
		// Built here rather than saved: the repository keeps every text file in UTF-8 (.editorconfig).
		String rss = """
				<?xml version="1.0" encoding="ISO-8859-1"?>
				<rss version="2.0"><channel><title>Emplois</title>
				<item><title>Chef de programme technique</title><link>https://emplois.sgl.example/1</link>
				<company>Société Générale des Logiciels</company></item>
				</channel></rss>
				""";
		FetchedDocument feed = new FetchedDocument(URI.create("https://emplois.sgl.example/feed.rss"), 200,
				"application/rss+xml", rss.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(this.parser.parse(source(), feed)).singleElement()
			.extracting(RawPosting::company)
			.isEqualTo("Société Générale des Logiciels");
	}

	private List<RawPosting> parse(String feed) {
		return this.parser.parse(source(), TestDocuments.fetched("documents/feeds/" + feed,
				"https://samples.example/feeds/" + feed, "application/xml"));
	}

	private static FetchedDocument document(String url, String xml) {
		return new FetchedDocument(URI.create(url), 200, "application/atom+xml", xml.getBytes(StandardCharsets.UTF_8));
	}

	private static RawPosting byTitle(List<RawPosting> postings, String title) {
		return postings.stream()
			.filter((posting) -> posting.title().equals(title))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No posting titled " + title));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("feed", SourceType.FEED, "https://samples.example/feeds/");
	}

}
