package dev.tpmalerts.ingest.source.microdata;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The career-page parser ({@code json-ld-page}) reads microdata when a page has no JSON-LD JobPosting. */
class MicrodataPageFallbackTest {

	private final JsonLdPageParser parser = new JsonLdPageParser();

	@Test
	void shouldReadTheMicrodataOfAPageWithoutJsonLd() {
		List<RawPosting> postings = parse("nested-place-and-salary.html");

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Senior Technical Program Manager, Autonomy Platform");
			assertThat(posting.sourceType()).isEqualTo(SourceType.JSON_LD_PAGE);
			assertThat(posting.source()).isEqualTo("halcyon-careers");
		});
	}

	@Test
	void shouldPreferTheJsonLdOfAPageThatHasBoth() {
		List<RawPosting> postings = parse("json-ld-and-microdata.html");

		assertThat(postings).singleElement().satisfies((posting) -> {
			assertThat(posting.title()).isEqualTo("Technical Program Manager, Billing Platform");
			assertThat(posting.company()).isEqualTo("Marigold Systems");
		});
	}

	@Test
	void shouldNameBothFormatsAndTheUrlWhenAPageHasNeither() {
		FetchedDocument page = TestDocuments.fetched("documents/microdata/organization-only.html",
				"https://marigold.example/careers", "text/html");

		assertThatThrownBy(() -> this.parser.parse(source(), page)).isInstanceOf(SourceFormatException.class)
			.hasMessage("No schema.org JobPosting in the JSON-LD or microdata of https://marigold.example/careers");
	}

	@Test
	void shouldAcceptCareerPageAsAnotherNameOfTheType() {
		assertThat(SourceType.fromConfigName("career-page")).isEqualTo(SourceType.JSON_LD_PAGE);
		assertThat(SourceType.JSON_LD_PAGE.configName()).isEqualTo("json-ld-page");
	}

	private List<RawPosting> parse(String file) {
		return this.parser.parse(source(), TestDocuments.fetched("documents/microdata/" + file,
				"https://careers.halcyonrobotics.example/careers/jobs/" + file, "text/html; charset=utf-8"));
	}

	private static SourceDefinition source() {
		return TestDocuments.source("halcyon-careers", SourceType.JSON_LD_PAGE,
				"https://careers.halcyonrobotics.example/careers/");
	}

}
