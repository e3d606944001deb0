package dev.tpmalerts.notifier.alert;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.shared.Evidence;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

class AlertCriteriaTest {

	private static final PostingMatched TPM = matched("Senior Technical Program Manager, C++ Platform",
			"Lead programs across Kubernetes infrastructure teams. PMP preferred.", "senior", Workplace.HYBRID,
			Location.of("Austin", "TX", "US"), Salary.of(80.0, 95.0, "USD", SalaryPeriod.HOUR), 82,
			List.of(tag("certifications", "pmp"), tag("technical", "infrastructure"), tag("industries", "technology")));

	@Test
	void shouldMatchEverythingWhenNothingIsSet() {
		assertThat(AlertCriteria.any().matches(TPM)).isTrue();
		assertThat(AlertCriteria.any().problems()).isEmpty();
	}

	@Test
	void shouldNeverMatchAnExpiredPosting() {
		assertThat(AlertCriteria.any().matches(PostingMatched.expired("p-1", Instant.EPOCH))).isFalse();
	}

	@Test
	void shouldMatchKeywordsAsWholeWordsInAnyCase() {
		assertThat(AlertCriteria.of(List.of("KUBERNETES", "program manager"), null, null).matches(TPM)).isTrue();
		assertThat(AlertCriteria.of(List.of("c++"), null, null).matches(TPM)).isTrue();
		// "kube" is only part of a word; "program lead" is not a phrase of the posting.
		assertThat(AlertCriteria.of(List.of("kube"), null, null).matches(TPM)).isFalse();
		assertThat(AlertCriteria.of(List.of("program lead"), null, null).matches(TPM)).isFalse();
	}

	@Test
	void shouldTakeAnyValueWithinAFacetAndRequireEveryFacet() {
		AlertCriteria pmpOrCsmInInfrastructure = new AlertCriteria(null, null, null, List.of("pmp", "csm"), null, null,
				List.of("infrastructure"), null, null, null, null, null, null);
		AlertCriteria pmpInData = new AlertCriteria(null, null, null, List.of("pmp"), null, null, List.of("data"), null,
				null, null, null, null, null);
		assertThat(pmpOrCsmInInfrastructure.matches(TPM)).isTrue();
		assertThat(pmpInData.matches(TPM)).isFalse();
	}

	@Test
	void shouldCompareRoleSeniorityWorkplaceLocationAndScore() {
		assertThat(new AlertCriteria(null, List.of("technical-program-manager"), List.of("senior", "staff"), null, null,
				null, null, null, null, List.of("austin"), List.of(Workplace.HYBRID, Workplace.REMOTE), null, 80)
			.matches(TPM)).isTrue();
		assertThat(AlertCriteria.of(null, List.of("product-manager"), null).matches(TPM)).isFalse();
		assertThat(AlertCriteria.of(null, null, 83).matches(TPM)).isFalse();
		assertThat(new AlertCriteria(null, null, null, null, null, null, null, null, null, List.of("DE"), null, null,
				null).matches(TPM)).isFalse();
		assertThat(new AlertCriteria(null, null, null, null, null, null, null, null, null, null,
				List.of(Workplace.REMOTE), null, null).matches(TPM)).isFalse();
	}

	@Test
	void shouldCompareTheMinimumSalaryOnTheAnnualValueInTheSameCurrency() {
		// 95 USD an hour is 197,600 USD a year.
		assertThat(salary(190_000.0, "USD").matches(TPM)).isTrue();
		assertThat(salary(200_000.0, "USD").matches(TPM)).isFalse();
		assertThat(salary(100_000.0, "EUR").matches(TPM)).isFalse();
	}

	@Test
	void shouldNameEveryBadFieldAndValue() {
		AlertCriteria bad = new AlertCriteria(List.of("  "), List.of("pm"), List.of("guru"), List.of("pmp", "mba"), null,
				null, null, List.of("space"), null, List.of(""), List.of(Workplace.UNKNOWN),
				new MinimumSalary(-5.0, "dollars"), 101);
		assertThat(bad.problems()).containsExactlyInAnyOrder(
				"criteria.keywords[0] must contain at least one letter or digit",
				"criteria.roles has unknown value 'pm'; expected one of [technical-program-manager, program-manager, "
						+ "project-manager, product-manager, other]",
				"criteria.seniorities has unknown value 'guru'; expected one of [entry, mid, senior, staff, manager, "
						+ "director]",
				"criteria.certifications has unknown value 'mba'; expected one of [pmp, pgmp, capm, pmi-acp, csm, psm, "
						+ "safe, prince2, itil, six-sigma, cissp, security-plus, aws, azure, gcp, other]",
				"criteria.industries has unknown value 'space'; expected one of [technology, finance, healthcare, "
						+ "government, defense-aerospace, telecommunications, consulting, nonprofit, education, retail, "
						+ "manufacturing, construction, legal, other]",
				"criteria.locations[0] must be a place name of 1 to 100 characters",
				"criteria.workplaces[0] must be one of remote, hybrid, onsite",
				"criteria.minSalary.amount must be a yearly amount above 0 and at most 10000000, was -5.0",
				"criteria.minSalary.currency must be an ISO 4217 code such as USD or EUR, was 'dollars'",
				"criteria.minScore must be between 0 and 100, was 101");
	}

	@Test
	void shouldQuoteABadValueWithoutItsLineBreaks() {
		AlertCriteria bad = AlertCriteria.of(null, List.of("x\r\nBcc: someone"), null);
		assertThat(bad.problems()).singleElement().asString().doesNotContain("\r", "\n").contains("x??Bcc: someone");
	}

	@Test
	void shouldReadCriteriaSavedBeforeTheFacetsExisted() throws Exception {
		AlertCriteria old = Json.mapper().readValue("{\"keywords\":[\"kubernetes\"],\"roles\":[],\"minScore\":50}",
				AlertCriteria.class);
		assertThat(old.keywords()).containsExactly("kubernetes");
		assertThat(old.certifications()).isEmpty();
		assertThat(old.minScore()).isEqualTo(50);
		assertThat(Json.mapper().readValue(Json.mapper().writeValueAsString(TPM_CRITERIA), AlertCriteria.class))
			.isEqualTo(TPM_CRITERIA);
	}

	private static final AlertCriteria TPM_CRITERIA = new AlertCriteria(List.of("kubernetes"),
			List.of("technical-program-manager"), List.of("senior"), List.of("pmp"), List.of("engineering"),
			List.of("scrum"), List.of("cloud"), List.of("finance"), List.of("leadership"), List.of("US"),
			List.of(Workplace.REMOTE), new MinimumSalary(150_000.0, "USD"), 60);

	private static AlertCriteria salary(double amount, String currency) {
		return new AlertCriteria(null, null, null, null, null, null, null, null, null, null, null,
				new MinimumSalary(amount, currency), null);
	}

	private static Tag tag(String facet, String id) {
		return new Tag(facet, id, id, List.of(new Evidence(id, 0, id.length())));
	}

	static PostingMatched matched(String title, String text, String seniority, Workplace workplace, Location location,
			Salary salary, int score, List<Tag> tags) {
		Posting posting = new Posting("p-1", title, seniority, "Acme", List.of(location), workplace, null, salary,
				"FULL_TIME", LocalDate.of(2026, 11, 20), null, "https://jobs.example/p-1", null, text, List.of(),
				Instant.EPOCH);
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, "p-1", posting, "technical-program-manager", score,
				Map.of(), tags, "test", false, Instant.EPOCH);
	}

}
