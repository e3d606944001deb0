package dev.tpmalerts.ingest.normalize;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Sr. TPM                                               | senior
			Sr TPM – Data Platform                                | senior
			Senior Technical Program Manager, Cloud Infrastructure | senior
			Technical Program Manager (Sr.)                       | senior
			Technical Program Manager III                         | senior
			Staff Technical Program Manager                       | staff
			Senior Staff TPM                                      | staff
			Principal TPM, AI Platform                            | staff
			Lead Technical Program Manager, Supply Chain Data     | staff
			Director, Program Management                          | director
			Senior Director, Technical Program Management         | director
			Head of Technical Program Management                  | director
			VP, Engineering Programs                              | director
			Manager, Technical Program Management                 | manager
			Senior Manager, Technical Program Management          | manager
			Manager, System Hardware TPM                          | manager
			TPM Manager, Infrastructure                           | manager
			Manager of Program Managers, Cloud                    | manager
			IT - Manager, Project Management Office               | manager
			Technical Program Manager II                          | mid
			Program Manager II, Engineering                       | mid
			Technical Program Manager                             | mid
			Technical Program Manager, 5G Network Rollout         | mid
			Technical Program Manager I                           | entry
			Junior Program Manager                                | entry
			Associate Technical Program Manager                   | entry
			""")
	void shouldReadTheSeniorityATitleStates(String title, String seniority) {
		assertThat(Titles.seniority(title)).isEqualTo(seniority);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Technical Program Manager, I/O Platform     | mid
			Technical Program Manager, Gen 3 Platform   | mid
			Technical Program Manager, Tier 1 Support   | mid
			Technical Program Manager, Lead Generation  | mid
			Technical Program Manager IV                | senior
			Manager, Data Center Operations             | mid
			Technical Program Manager, Project Management Office | mid
			""")
	void shouldNotReadSeniorityFromTheSubjectOfTheRole(String title, String seniority) {
		assertThat(Titles.seniority(title)).isEqualTo(seniority);
	}

	@ParameterizedTest(name = "''{0}'' → ''{1}''")
	@CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
			Technical Program Manager (m/w/d) – Vehicle Software Platform => Technical Program Manager – Vehicle Software Platform
			Technical Program Manager (M/F/D)                             => Technical Program Manager
			Chef de projet technique (H/F)                                => Chef de projet technique
			Technical Program Manager [f/m/d]                             => Technical Program Manager
			"  Senior   Technical\tProgram Manager  "                     => Senior Technical Program Manager
			Technical Program Manager - Job Opening                       => Technical Program Manager
			Technical Program Manager | Apply now                         => Technical Program Manager
			Technical Program Manager – New                               => Technical Program Manager
			Program Manager, New Markets                                  => Program Manager, New Markets
			""")
	void shouldCleanDecorationsAndWhiteSpace(String title, String cleaned) {
		assertThat(Titles.clean(title)).isEqualTo(cleaned);
	}

}
