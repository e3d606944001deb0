package dev.tpmalerts.ingest.source.html;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.TestDocuments;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.normalize.RejectedPostingException;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.shared.Posting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlSelectorParserTest {

	private static final String TABLE_URL = "https://jobs.harborviewcounty.example/departments/it/";

	private static final String CARDS_URL = "https://northstartechjobs.example/search?q=technical+program+manager";

	private static final Map<String, String> TABLE_OPTIONS = Map.of("item-selector", "table.jobs tbody tr",
			"title-selector", "td.title", "location-selector", "td.location", "salary-selector", "td.salary",
			"date-selector", "td.posted");

	private static final Map<String, String> CARD_OPTIONS = Map.of("item-selector", "article.job-card",
			"title-selector", ".job-card__title", "link-selector", "a.job-card__link", "company-selector",
			".job-card__company", "location-selector", ".job-card__location", "date-selector", ".job-card__date",
			"description-selector", ".job-card__summary", "salary-selector", ".job-card__salary");

	private final HtmlSelectorParser parser = new HtmlSelectorParser();

	@ParameterizedTest(name = "{0} #{1}: {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			table | 0 | IT Program Manager – Public Safety Radio             | Harborview County | https://jobs.harborviewcounty.example/postings/2026-0412                             | Harborview, WA          | 11/03/2026
			table | 1 | Senior Technical Program Manager – ERP Replacement   | Harborview County | https://jobs.harborviewcounty.example/postings/2026-0419                             | Harborview, WA (Hybrid) | 11/07/2026
			table | 2 | -                                                    | Harborview County | https://jobs.harborviewcounty.example/postings/2026-0423                             | Port Ellis, WA          | 11/12/2026
			table | 3 | GIS Project Manager                                  | Harborview County | https://jobs.harborviewcounty.example/departments/it/postings/2026-0431?ref=it-list | Harborview, WA          | 11/14/2026
			cards | 0 | Staff TPM, Payments                                  | Orchard Pay       | https://northstartechjobs.example/jobs/88123-staff-tpm-payments-at-orchard-pay       | Remote – US             | 2026-11-18T08:00:00Z
			cards | 1 | Technical Program Manager, ML Infrastructure         | Fathom AI         | https://northstartechjobs.example/jobs/88140-technical-program-manager-ml-at-fathom-ai | Seattle, WA            | Posted 5 days ago
			cards | 2 | Program Manager II                                   | -                 | https://northstartechjobs.example/jobs/88151-program-manager-ii-at-a-stealth-startup | Austin, TX              | 2026-11-19
			""")
	void shouldReadEveryItemOfTheBoardThroughItsSelectors(String board, int index, String title, String company,
			String url, String location, String date) {
		List<RawPosting> postings = board.equals("table") ? tableBoard() : cardBoard();

		RawPosting posting = postings.get(index);
		assertThat(posting.title()).isEqualTo(title);
		assertThat(posting.company()).isEqualTo(company);
		assertThat(posting.url()).isEqualTo(url);
		assertThat(posting.locationText()).isEqualTo(location);
		assertThat(posting.datePosted()).isEqualTo(date);
		assertThat(posting.sourceType()).isEqualTo(SourceType.HTML);
		assertThat(posting.locations()).isEmpty();
		assertThat(posting.salary()).isNull();
	}

	@Test
	void shouldReturnEveryMatchedItemIncludingOneWithoutTitle() {
		List<RawPosting> postings = tableBoard();

		assertThat(postings).hasSize(4);
		assertThat(postings.get(2).title()).isNull();
		assertThat(postings.get(2).source()).isEqualTo("harborview-it");
	}

	@Test
	void shouldHandAnItemWithoutTitleToTheNormaliserWhichRejectsItWithItsReason() {
		PostingNormalizer normalizer = new PostingNormalizer(
				Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

		RawPosting withoutTitle = tableBoard().get(2);

		assertThatThrownBy(() -> normalizer.normalize(withoutTitle)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("title is missing")
			.hasMessageContaining("https://jobs.harborviewcounty.example/postings/2026-0423");
	}

	@Test
	void shouldKeepTheSalaryTextInTheDescriptionSoTheNormaliserReadsThePay() {
		List<RawPosting> cards = cardBoard();
		PostingNormalizer normalizer = new PostingNormalizer(
				Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC));

		assertThat(cards.get(0).descriptionHtml()).startsWith("Own the <b>cross-border payments</b> program")
			.endsWith("<p>$185,000 – $215,000 a year</p>");
		// Already stated in the summary: not repeated.
		assertThat(cards.get(1).descriptionHtml()).containsOnlyOnce("$190,000 – $230,000");
		assertThat(cards.get(2).descriptionHtml())
			.isEqualTo("Stealth climate startup; company name shared after the first call.");
		assertThat(tableBoard().get(0).descriptionHtml()).isEqualTo("<p>$98,500.00 - $121,000.00 Annually</p>");
		assertThat(tableBoard().get(3).descriptionHtml()).isNull();
		Posting posting = normalizer.normalize(cards.get(0));
		assertThat(posting.salary()).isNotNull();
		assertThat(posting.salary().min()).isEqualTo(185000.0);
	}

	@Test
	void shouldPreferTheCompanyOfTheItemToTheCompanyOfTheSource() {
		SourceDefinition source = source("northstar", CARD_OPTIONS, "Northstar Tech Jobs");

		List<RawPosting> postings = this.parser.parse(source, cards());

		assertThat(postings).extracting(RawPosting::company)
			.containsExactly("Orchard Pay", "Fathom AI", "Northstar Tech Jobs");
	}

	@Test
	void shouldTakeTheFirstLinkOfTheItemByDefaultAndLeaveTheUrlEmptyWithoutOne() {
		Map<String, String> options = new HashMap<>(CARD_OPTIONS);
		options.remove("link-selector");
		options.put("item-selector", "article.job-card, div.promo");

		List<RawPosting> postings = this.parser.parse(source("northstar", options, null), cards());
		List<RawPosting> withoutLinks = this.parser
			.parse(source("northstar", withOption(CARD_OPTIONS, "link-selector", "a.apply"), null), cards());

		assertThat(postings).hasSize(4);
		assertThat(postings.get(0).title()).isEqualTo("Hiring? Reach 40,000 program managers");
		assertThat(postings.get(0).url()).isEqualTo("https://northstartechjobs.example/post-a-job");
		assertThat(postings.get(1).url())
			.isEqualTo("https://northstartechjobs.example/jobs/88123-staff-tpm-payments-at-orchard-pay");
		assertThat(withoutLinks).extracting(RawPosting::url).containsOnlyNulls();
	}

	@ParameterizedTest(name = "without {0}")
	@CsvSource(delimiter = '|', textBlock = """
			item-selector  | Source 'northstar' (html) needs the option 'item-selector': a CSS selector matching one element per posting
			title-selector | Source 'northstar' (html) needs the option 'title-selector': a CSS selector matching the title inside a posting's element
			""")
	void shouldRejectASourceWithoutARequiredOptionNamingTheSourceAndTheOption(String option, String message) {
		Map<String, String> options = new HashMap<>(CARD_OPTIONS);
		options.remove(option);

		assertThatThrownBy(() -> this.parser.parse(source("northstar", options, null), cards()))
			.isInstanceOf(SourceFormatException.class)
			.hasMessage(message);
	}

	@Test
	void shouldRejectABlankRequiredOptionAsMissing() {
		SourceDefinition source = source("northstar", withOption(CARD_OPTIONS, "item-selector", "  "), null);

		assertThatThrownBy(() -> this.parser.parse(source, cards())).isInstanceOf(SourceFormatException.class)
			.hasMessageContaining("needs the option 'item-selector'");
	}

	@Test
	void shouldRejectAnInvalidSelectorNamingTheOptionAndTheValue() {
		SourceDefinition source = source("northstar", withOption(CARD_OPTIONS, "date-selector", "time[datetime"), null);

		assertThatThrownBy(() -> this.parser.parse(source, cards())).isInstanceOf(SourceFormatException.class)
			.hasMessageStartingWith(
					"Source 'northstar' (html): option 'date-selector' is not a valid CSS selector: 'time[datetime'");
	}

	@Test
	void shouldRejectAPageWhereTheItemSelectorMatchesNothingNamingTheSelectorAndTheUrl() {
		// As after a redesign of the board: the configured selector no longer matches its markup.
		SourceDefinition source = source("northstar", withOption(CARD_OPTIONS, "item-selector", "li.result"), null);

		assertThatThrownBy(() -> this.parser.parse(source, cards())).isInstanceOf(SourceFormatException.class)
			.hasMessage("Source 'northstar' (html): no element matches item-selector 'li.result' on " + CARDS_URL);
	}

	private List<RawPosting> tableBoard() {
		return this.parser.parse(source("harborview-it", TABLE_OPTIONS, "Harborview County"),
				TestDocuments.fetched("documents/html/table-board.html", TABLE_URL, "text/html; charset=UTF-8"));
	}

	private List<RawPosting> cardBoard() {
		return this.parser.parse(source("northstar", CARD_OPTIONS, null), cards());
	}

	private static FetchedDocument cards() {
		return TestDocuments.fetched("documents/html/card-board.html", CARDS_URL, "text/html");
	}

	private static Map<String, String> withOption(Map<String, String> options, String key, String value) {
		Map<String, String> changed = new HashMap<>(options);
		changed.put(key, value);
		return changed;
	}

	private static SourceDefinition source(String name, Map<String, String> options, String company) {
		return new SourceDefinition(name, SourceType.HTML, URI.create("https://boards.example/" + name), true, null,
				Duration.ofSeconds(1), company, options);
	}

}
