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
			Registered Nurse - PM Shift                 | engineering | other
			Technical Project Manager                   | engineering | project-manager
			Scrum Master                                | engineering | other
			Program Manager 2                           | engineering | technical-program-manager
			Programme Manager                           | engineering | technical-program-manager
			Technical Program Lead, Silicon             | engineering | technical-program-manager
			Project Coordinator                         | community   | other
			Technical Product Manager, APIs             | engineering | product-manager
			Sr. PM, Checkout                            | product     | product-manager
			Staff PM, Compute Platform                  | engineering | technical-program-manager
			RN - Night/PM Shift                         | engineering | other
			Packer (PM shift)                           | engineering | other
			Construction Project Managers (PM)          | community   | project-manager
			Senior Program Manager – Engineering        | engineering | technical-program-manager
			Program Manager, Engineering Outreach       | community   | program-manager
			Technical Program Managers, Cloud           | engineering | technical-program-manager
			Warehouse Associates - PMs Shift            | community   | other
			""")
	void shouldClassifyTheRoleFromTitleAndBodyTogether(String title, String body, String role) {
		String text = switch (body) {
			case "engineering" -> ENGINEERING_PROGRAM;
			case "product" -> PRODUCT_BODY;
			default -> "Run our community programs with volunteers and partners.";
		};

		assertThat(this.classifier.classify(title, "senior", text).role()).isEqualTo(role);
	}

	@ParameterizedTest(name = "{0}: {1}/{2} tagged {3}")
	@CsvSource(delimiter = '|', textBlock = """
			Benefits\\nWe pay for certification exams, including the PMP.                  | certifications | pmp    | false
			Requirements\\nPMP certification required.                                     | certifications | pmp    | true
			Requirements\\nPMP preferred, not required.                                    | certifications | pmp    | true
			Requirements\\nNo PMP needed; we value delivery experience.                    | certifications | pmp    | false
			About us\\nWe have an agile culture and ship daily.                            | methodologies  | agile  | false
			Our agile culture means we ship daily.\\nWhat you'll do\\nRun Kanban boards.   | methodologies  | agile  | false
			What you'll do\\nRun agile delivery across teams.                              | methodologies  | agile  | true
			Requirements\\nAWS Certified Solutions Architect preferred.                    | certifications | aws    | true
			Requirements\\nAn Azure or GCP certification is a plus.                        | certifications | azure  | true
			Requirements\\nExperience with AWS and GCP.                                    | certifications | aws    | false
			Requirements\\nExperience with AWS and GCP.                                    | technical      | cloud  | true
			Acme is an equal opportunity employer; we keep our data secure.                | technical      | security | false
			Requirements\\nForklift certification a plus.                                  | certifications | other  | true
			Requirements\\nA valid driver's license.                                      | certifications | other  | false
			Requirements\\nBachelor's degree in Human Resources or a related field.        | degrees        | other  | true
			Requirements\\nBS in Mechanical, Electrical or Automotive Engineering.         | degrees        | other  | false
			Requirements\\nBS in Mechanical, Electrical or Automotive Engineering.         | degrees        | engineering | true
			Requirements\\nB.S. in Computer Science or a related field.                   | degrees        | computer-science | true
			Requirements\\nM.S. or Ph.D. in Information Systems.                          | degrees        | information-technology | true
			Requirements\\nBachelor's degree and 5 years of experience in engineering.     | degrees        | engineering | false
			Requirements\\nExperience with ITIL-aligned change processes.               | certifications | itil   | false
			Requirements\\nITIL 4 Foundation certification preferred.                   | certifications | itil   | true
			Requirements\\nSix Sigma experience is a plus.                              | certifications | six-sigma | false
			Requirements\\nLean Six Sigma Green Belt preferred.                         | certifications | six-sigma | true
			Requirements\\nMust have ITIL Foundation and CCNA; PMP not required.        | certifications | other  | true
			Requirements\\nNo travel required. PMP preferred.                           | certifications | pmp    | true
			What you'll do\\nPresent program status to senior leadership.              | skills         | leadership | false
			Requirements\\nProven leadership of cross-functional teams.                | skills         | leadership | true
			Requirements\\nExcellent communication and leadership skills.             | skills         | leadership | true
			Education: Bachelor's degree in Computer Science.                          | industries     | education  | false
			Requirements\\nManage green infrastructure programs for city parks.      | technical      | infrastructure | false
			Requirements\\nProficiency in computer software, including Microsoft Office. | technical  | software-development | false
			Education & Experience\\nA bachelor's degree and 5 years of experience.    | industries     | education  | false
			Requirements\\nContinued education in Scrum.                             | industries     | education  | false
			Requirements\\nExperience in higher education or K-12 settings.          | industries     | education  | true
			Requirements\\nAn Australian Government security clearance (Baseline).   | industries     | government | false
			We deliver Government services across the state.                          | industries     | government | true
			What you'll do\\nReport to engineering and leadership weekly.              | skills         | leadership | false
			What you'll do\\nTrack risks and dependencies across teams.                | skills         | risk-management | true
			Requirements\\nActive security clearance; CompTIA Security+.               | technical      | security | false
			What you'll do\\nLead our application security and IAM programs.          | technical      | security | true
			Requirements\\nWorking knowledge of ICH-GCP and FDA regulations for clinical trials. | technical | cloud | false
			Requirements\\nMigrated workloads to GCP; BigQuery a plus.                   | technical      | cloud    | true
			""")
	void shouldTagOnlyWhatTheRoleAsksFor(String text, String facet, String id, boolean tagged) {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid",
				text.replace("\\n", "\n"));

		if (tagged) {
			assertThat(classification.ids(facet)).contains(id);
		}
		else {
			assertThat(classification.ids(facet)).doesNotContain(id);
		}
	}

	@ParameterizedTest(name = "{0} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			Bachelor's degree in Computer Science.                   | bachelor
			BS/BA required; MBA preferred.                           | bachelor
			Master's degree in Public Health required.               | master
			A degree in a technical field.                           | bachelor
			Advanced degree preferred.                               | master
			PhD in Machine Learning.                                 | phd
			A degree is not required.                                | none
			Certified Scrum Master; MS Project and MS Office.         | none
			""")
	void shouldReadTheLowestDegreeLevelAskedFor(String requirement, String level) {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid",
				"Requirements\n" + requirement + "\n");

		assertThat(classification.degreeLevel()).isEqualTo(level);
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			First Harbor Bank           | Run our cloud migration program.                                                        | finance
			Marin County Health Department | Run our immunization grant programs.                                                 | government
			Apex Staffing               | Our client, a leading regional bank, needs a TPM for its payments platform.             | finance
			Northstar Foods             | About us\\nNorthstar Foods is a food manufacturer; our brands are sold in grocery stores. | manufacturing
			Fernhill                    | Fernhill is a digital consultancy building apps for clients in retail and education.    | consulting
			Orbital                     | About Orbital\\nOrbital is an AI-powered analytics platform.                            | technology
			Plain Co                    | Run our programs.                                                                       | other
			Caremesh                    | At Caremesh, we build scheduling software for hospitals and clinics.                    | technology
			Granite Peak Builders       | Granite Peak Builders is a general contractor delivering hospitals and schools.         | construction
			Northwind Health Insurance  | Northwind Health Insurance provides health plans to 2 million members.                  | healthcare
			Meta Platforms, Inc.        | Drive our hardware programs across teams.                                               | technology
			Google LLC                  | Run our programs.                                                                       | technology
			Lockheed Martin Corporation | Run our programs.                                                                       | defense-aerospace
			Square Peg Consulting       | Run our programs.                                                                       | consulting
			Boston Dynamics             | Run our programs.                                                                       | technology
			General Dynamics            | Run our programs.                                                                       | defense-aerospace
			""")
	void shouldPutTheEmployersPrimaryIndustryFirst(String company, String text, String primary) {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid", company,
				text.replace("\\n", "\n"));

		assertThat(classification.ids("industries")).first().isEqualTo(primary);
	}

	@Test
	void shouldListAFintechAsFinanceThenTechnology() {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid", "Ledgerline",
				"Who we are\nLedgerline is a fintech company building real-time payment rails for small businesses.\n");

		assertThat(classification.ids("industries")).containsExactly("finance", "technology");
	}

	/** "in related." names no field: it used to make classify throw ArrayIndexOutOfBoundsException. */
	@Test
	void shouldReadADegreeInRelatedFieldsThatNamesNoField() {
		Classification classification = this.classifier.classify("Technical Program Manager", "mid", "Northwind",
				ENGINEERING_PROGRAM + "Requirements\nBachelor's degree in related.\n");

		assertThat(classification.degreeLevel()).isEqualTo("bachelor");
		assertThat(classification.ids("degrees")).doesNotContain("other");
	}

	@Test
	void shouldGiveEvidenceThatPointsIntoTheText() {
		String text = ENGINEERING_PROGRAM + "Requirements\nPMP or CSM. Bachelor's degree in Computer Science.\nBenefits\nWe pay for PMP exams.\n";

		Classification classification = this.classifier.classify("Technical Program Manager", "mid", "Northwind", text);

		assertThat(classification.tags()).allSatisfy((tag) -> assertThat(tag.evidence()).isNotEmpty()
			.allSatisfy((evidence) -> assertThat(text.substring(evidence.start(), evidence.end())).isEqualTo(evidence.text())));
		assertThat(classification.tags()).filteredOn((tag) -> tag.id().equals("pmp"))
			.singleElement()
			.satisfies((pmp) -> assertThat(pmp.evidence()).singleElement().satisfies((evidence) -> assertThat(evidence.start()).isLessThan(text.indexOf("Benefits"))));
	}

	@Test
	void shouldEndADegreesListOfFieldsWithItsLine() {
		// A list item without a full stop: the next item ("Agile and Scrum") is not another field of the degree.
		Classification classification = this.classifier.classify("Technical Program Manager", "mid",
				"Requirements\nBachelor degree in Computer Science\nAgile and Scrum\n");

		assertThat(classification.ids("degrees")).containsExactly("computer-science");
		assertThat(classification.ids("methodologies")).containsExactlyInAnyOrder("agile", "scrum");
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
