package dev.tpmalerts.matcher.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.matcher.taxonomy.Taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

class PostingClassifierTest {

	private static final String ENGINEERING_PROGRAM = """
			About us
			Northwind is a software company.
			What you'll do
			Drive cross-functional programs with our software engineering and cloud infrastructure teams.
			Own program plans, milestones, risks and dependencies.
			""";

	private static final String PRODUCT_BODY = """
			Own the product vision and product strategy. Write product requirements (PRDs), run customer discovery and
			user research, and own the product roadmap and go-to-market.
			""";

	private final PostingClassifier classifier = new PostingClassifier(Taxonomy.load());

	@ParameterizedTest(name = "{0} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Senior Technical Program Manager, Cloud     | engineering | technical-program-manager
			Sr. TPM - Payments                          | engineering | technical-program-manager
			Program Manager II, Engineering             | engineering | technical-program-manager
			Sr Technical Program Manager                | product     | product-manager
			Senior Product Manager, Developer Platform  | engineering | product-manager
			Program Manager, Community Outreach         | community   | program-manager
			Construction Project Manager                | community   | project-manager
			Production Supervisor - PM Shift            | community   | other
			""")
	void shouldClassifyTheRoleFromTitleAndBodyTogether(String title, String body, String role) {
		String text = switch (body) {
			case "engineering" -> ENGINEERING_PROGRAM;
			case "product" -> PRODUCT_BODY;
			default -> "Run our community programs with volunteers and partners.";
		};

		assertThat(this.classifier.classify(title, "senior", text).role()).isEqualTo(role);
	}

	@Test
	void shouldTagADegreeFieldOnlyWhereADegreeIsAskedFor() {
		Classification asked = this.classifier.classify("Technical Program Manager", "mid",
				"Requirements\nBachelor's degree in Computer Science or Engineering.\n");
		Classification notAsked = this.classifier.classify("Technical Program Manager", "mid",
				"You will partner with computer science researchers and our engineering teams.\n");

		assertThat(asked.ids("degrees")).containsExactly("computer-science", "engineering");
		assertThat(asked.degreeLevel()).isEqualTo("bachelor");
		assertThat(notAsked.ids("degrees")).isEmpty();
		assertThat(notAsked.degreeLevel()).isEqualTo("none");
	}

	@Test
	void shouldScoreATpmPostingHigherThanANonTechnicalProgramWithABreakdown() {
		Classification tpm = this.classifier.classify("Senior Technical Program Manager", "senior", ENGINEERING_PROGRAM
				+ "Requirements\nPMP or CSM. Agile and Scrum. Strong stakeholder management and risk management.\n");
		Classification community = this.classifier.classify("Program Manager, Community Outreach", "mid",
				"Run our community programs with volunteers.");

		assertThat(tpm.score()).isGreaterThan(70).isLessThanOrEqualTo(100);
		assertThat(community.score()).isLessThan(40);
		assertThat(tpm.facetScores()).containsKeys("role", "technical", "certifications", "methodologies", "skills")
			.containsEntry("role", 40);
		assertThat(tpm.facetScores().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(tpm.score());
		assertThat(tpm.tags()).allSatisfy((tag) -> assertThat(tag.evidence()).isNotEmpty());
	}

	@Test
	void shouldPutTheEmployersOwnIndustryFirst() {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid", """
				About us
				Meridian is a healthcare company: our hospitals and clinical teams serve patients.
				What you'll do
				Lead programs with our payments partners and software engineering teams.
				""");

		// The role touches payments; the employer is not in finance.
		assertThat(classification.ids("industries")).containsExactly("healthcare");
	}

}
