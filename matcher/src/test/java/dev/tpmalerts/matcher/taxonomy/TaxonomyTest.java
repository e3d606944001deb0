package dev.tpmalerts.matcher.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.shared.TaxonomyIds;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyTest {

	private final Taxonomy taxonomy = Taxonomy.load();

	/** These ids are a contract with alerts, the API and the score command: they must exist and never change. */
	@Test
	void shouldKeepTheContractIds() {
		Map<String, List<String>> ids = this.taxonomy.concepts()
			.stream()
			.collect(Collectors.groupingBy(Concept::facet, Collectors.mapping(Concept::id, Collectors.toList())));
		assertThat(this.taxonomy.roles()).containsExactly("technical-program-manager", "program-manager",
				"project-manager", "product-manager", "other");
		assertThat(this.taxonomy.seniorities()).containsExactly("entry", "mid", "senior", "staff", "manager", "director");
		assertThat(ids.get("certifications")).contains("pmp", "pgmp", "capm", "pmi-acp", "csm", "psm", "safe", "prince2",
				"itil", "six-sigma", "cissp", "security-plus", "aws", "azure", "gcp", "other");
		assertThat(ids.get("degrees")).contains("computer-science", "engineering", "information-technology", "business",
				"other");
		assertThat(ids.get("degree-level")).contains("none", "bachelor", "master", "phd");
		assertThat(ids.get("methodologies")).contains("agile", "scrum", "kanban", "waterfall", "lean", "safe");
		assertThat(ids.get("technical")).contains("software-development", "infrastructure", "cloud", "data", "security",
				"hardware", "ai-ml");
		assertThat(ids.get("industries")).contains("technology", "finance", "healthcare", "government",
				"defense-aerospace", "telecommunications", "consulting", "nonprofit", "education", "retail",
				"manufacturing", "construction", "legal", "other");
		assertThat(ids.get("skills")).contains("communication", "collaboration", "leadership", "strategic-thinking",
				"problem-solving", "risk-management", "stakeholder-management", "conflict-resolution", "influence");
		assertThat(this.taxonomy.version()).isNotBlank();
	}

	/** Alerts and search filters validate ids against the shared list: it must be the file's, no more, no less. */
	@Test
	void shouldListTheSameIdsAsTheSharedContract() {
		Map<String, List<String>> ids = this.taxonomy.concepts()
			.stream()
			.collect(Collectors.groupingBy(Concept::facet, Collectors.mapping(Concept::id, Collectors.toList())));
		assertThat(this.taxonomy.roles()).isEqualTo(TaxonomyIds.ROLES);
		assertThat(this.taxonomy.seniorities()).isEqualTo(TaxonomyIds.SENIORITIES);
		assertThat(ids.get("degree-level")).isEqualTo(TaxonomyIds.DEGREE_LEVELS);
		TaxonomyIds.FACETS.forEach((facet, shared) -> assertThat(ids.get(facet)).as(facet).isEqualTo(shared));
		assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(
				Stream.concat(TaxonomyIds.FACETS.keySet().stream(), Stream.of("degree-level")).toList());
	}

	@Test
	void shouldGiveEveryConceptALabelAndAtLeastOneForm() {
		assertThat(this.taxonomy.concepts()).allSatisfy((concept) -> {
			assertThat(concept.label()).isNotBlank();
			assertThat(concept.forms()).isNotEmpty();
		});
	}

	@ParameterizedTest(name = "\"{0}\" → {1}/{2}")
	@CsvSource(delimiter = '|', textBlock = """
			Must hold a PMP certification.                                 | certifications | pmp
			Project Management Professional preferred                      | certifications | pmp
			Certified ScrumMaster (CSM) a plus                             | certifications | csm
			PMI-ACP or PgMP                                                | certifications | pmi-acp
			CompTIA Security+ required                                     | certifications | security-plus
			Experience with the Scaled Agile Framework                     | methodologies  | safe
			Run Kanban boards for our teams                                | methodologies  | kanban
			Operate Kubernetes clusters and data centers                   | technical      | infrastructure
			Deep knowledge of large language models                        | technical      | ai-ml
			Manage stakeholders across the business                        | skills         | stakeholder-management
			Strong written and verbal communication                        | skills         | communication
			""")
	void shouldFindConceptsByTheirSurfaceForms(String text, String facet, String id) {
		List<PhraseMatcher.Match> matches = new PhraseMatcher(this.taxonomy.concepts()).find(text);

		assertThat(matches).anySatisfy((match) -> {
			assertThat(match.concept().facet()).isEqualTo(facet);
			assertThat(match.concept().id()).isEqualTo(id);
			assertThat(text.substring(match.evidence().get(0).start(), match.evidence().get(0).end()))
				.isEqualTo(match.evidence().get(0).text());
		});
	}

	@ParameterizedTest(name = "\"{0}\" has no {1}")
	@CsvSource(delimiter = '|', textBlock = """
			No PMP needed; we value experience.                | pmp
			PMP is not required for this role.                 | pmp
			Keep our systems safe and reliable.                | safe
			""")
	void shouldNotTagNegatedOrLookalikeMentions(String text, String id) {
		List<PhraseMatcher.Match> matches = new PhraseMatcher(this.taxonomy.concepts()).find(text);

		assertThat(matches).noneSatisfy((match) -> assertThat(match.concept().id()).isEqualTo(id));
	}

}
