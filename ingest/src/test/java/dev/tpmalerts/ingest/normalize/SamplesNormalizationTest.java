package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tpmalerts.ingest.SampleDocuments;
import dev.tpmalerts.ingest.SampleDocuments.Expected;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parses and normalises every bundled sample document and checks each posting
 * against the expectations copied from {@code samples/expected.json} into {@code documents/samples-expected.json}.
 */
class SamplesNormalizationTest {

	/** Before every sample's validThrough date (the earliest is 2027-01-05) except the expired pinecrest page. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC);

	private static final List<Expected> EXPECTED = SampleDocuments.expected();

	private static final Map<String, List<Posting>> NORMALISED = new ConcurrentHashMap<>();

	private static final PostingNormalizer NORMALIZER = new PostingNormalizer(CLOCK);

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@MethodSource("expectedPostings")
	void shouldDetectTheWorkplaceTheSampleExpects(String source, String title, Workplace workplace,
			Expected expected) {
		Posting posting = normalised(expected, title);

		assertThat(posting.workplace()).as("workplace of %s (evidence: %s)", title, posting.workplaceEvidence())
			.isEqualTo(workplace);
	}

	@Test
	void shouldReadAllFiftySamplePostingsWithoutRejectingAny() {
		List<Posting> all = EXPECTED.stream()
			.map(Expected::source)
			.distinct()
			.flatMap((source) -> normalised(row(source)).stream())
			.toList();

		assertThat(EXPECTED).hasSize(50);
		assertThat(all).hasSize(50);
		assertThat(all).allSatisfy((posting) -> {
			assertThat(posting.title()).isNotBlank();
			assertThat(posting.canonicalUrl()).startsWith("https://").doesNotContain("utm_", "#");
			assertThat(posting.descriptionText()).isNotBlank();
			assertThat(posting.datePosted()).isNotNull();
		});
		assertThat(all.stream().map(Posting::workplace)).filteredOn(Workplace.REMOTE::equals).hasSize(15);
		assertThat(all.stream().map(Posting::workplace)).filteredOn(Workplace.HYBRID::equals).hasSize(21);
		assertThat(all.stream().map(Posting::workplace)).filteredOn(Workplace.ONSITE::equals).hasSize(13);
		assertThat(all.stream().map(Posting::workplace)).filteredOn(Workplace.UNKNOWN::equals).hasSize(1);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@MethodSource("postingsWhoseDocumentNamesTheCompany")
	void shouldKeepTheHiringCompany(String source, String title, String company, Expected expected) {
		assertThat(normalised(expected, title).company()).isEqualTo(company);
	}

	@Test
	void shouldFindOnlyThePinecrestPostingExpired() {
		List<String> expired = EXPECTED.stream()
			.map((row) -> normalised(row, row.title()))
			.filter(NORMALIZER::isExpired)
			.map(Posting::title)
			.toList();

		assertThat(expired).containsExactly("Staff Technical Program Manager, Storefront Platform");
	}

	@Test
	void shouldGiveTheFeedCopyOfACareerPageTheCareerPagesId() {
		Posting page = normalised(row("bluewater-careers-tpm-5g-rollout"), "Technical Program Manager, 5G Network Rollout");
		Posting feedCopy = normalised(row("pm-careers-digest-rss"), "Technical Program Manager, 5G Network Rollout");

		assertThat(feedCopy.id()).isEqualTo(page.id());
		assertThat(feedCopy.canonicalUrl()).isEqualTo(
				"https://jobs.bluewatertelecom.example/job/technical-program-manager-5g-network-rollout/R-30917");
	}

	@Test
	void shouldReadTheSalaryOfTheHourlyAndTheMaxOnlySamples() {
		Posting redwood = normalised(row("redwood-crest-careers-tpm-contract"), "Technical Program Manager (Contract)");
		Posting vireo = normalised(row("vireo-careers-tpm-cloud-migration"),
				"Technical Program Manager – Cloud Migration");

		assertThat(redwood.salary().annualMax()).isEqualTo(156000.0);
		assertThat(vireo.salary().min()).isNull();
		assertThat(vireo.salary().max()).isEqualTo(90000.0);
		assertThat(vireo.salary().currency()).isEqualTo("GBP");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			northwind-greenhouse | Technical Program Manager, Data Platform
			northwind-greenhouse | Technical Program Manager II, Security Engineering
			""")
	void shouldReadUsDollarsOfTheUsGreenhouseSamples(String source, String title) {
		assertThat(normalised(row(source), title).salary().currency()).isEqualTo("USD");
	}

	static Stream<Arguments> expectedPostings() {
		return EXPECTED.stream()
			.map((row) -> Arguments.of(row.source(), row.title(), Workplace.valueOf(row.workplace().toUpperCase()),
					row));
	}

	/**
	 * Lever and Ashby answers carry no company name (the parsers name it after the site slug), and RSS items are
	 * covered by the disabled company tests in FeedParserTest.
	 */
	static Stream<Arguments> postingsWhoseDocumentNamesTheCompany() {
		return EXPECTED.stream()
			.filter((row) -> List.of("json-ld-page", "greenhouse").contains(row.type())
					|| row.source().equals("remote-tpm-roles-atom"))
			.map((row) -> Arguments.of(row.source(), row.title(), row.company(), row));
	}

	private static Posting normalised(Expected row, String title) {
		return normalised(row).stream()
			.filter((posting) -> posting.title().equals(Titles.clean(title)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No posting titled " + title + " in " + row.document()));
	}

	private static List<Posting> normalised(Expected row) {
		return NORMALISED.computeIfAbsent(row.source(),
				(source) -> SampleDocuments.raw(row).stream().map(NORMALIZER::normalize).toList());
	}

	private static Expected row(String source) {
		return EXPECTED.stream()
			.filter((row) -> row.source().equals(source))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No expected row for source " + source));
	}

}
