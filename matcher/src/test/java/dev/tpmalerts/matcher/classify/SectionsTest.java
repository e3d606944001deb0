package dev.tpmalerts.matcher.classify;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.matcher.classify.Sections.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class SectionsTest {

	private static final String POSTING = """
			Senior TPM, Payments
			About Ledgerline
			Ledgerline is a fintech company with an agile culture.
			What you’ll be doing
			Run agile delivery across four teams.
			Requirements:
			PMP certification.
			Experience with AWS
			Nice to have
			Kanban experience.
			Pay & perks
			We pay for your certification exams.
			Ledgerline is an equal opportunity employer.
			""";

	@Test
	void shouldGiveEachLineTheSectionItsHeadingOpens() {
		Sections sections = Sections.of(POSTING, "Ledgerline");

		assertThat(kindOf(sections, "Senior TPM")).isEqualTo(Kind.INTRO);
		assertThat(kindOf(sections, "Ledgerline is a fintech")).isEqualTo(Kind.ABOUT);
		assertThat(kindOf(sections, "Run agile delivery")).isEqualTo(Kind.ROLE);
		assertThat(kindOf(sections, "PMP certification")).isEqualTo(Kind.REQUIREMENTS);
		// A short list item is not a heading: it stays in its section.
		assertThat(kindOf(sections, "Experience with AWS")).isEqualTo(Kind.REQUIREMENTS);
		assertThat(kindOf(sections, "Kanban experience")).isEqualTo(Kind.NICE_TO_HAVE);
		assertThat(kindOf(sections, "We pay for your")).isEqualTo(Kind.BENEFITS);
		assertThat(kindOf(sections, "Ledgerline is an equal")).isEqualTo(Kind.EEO);
	}

	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			We are an equal opportunity employer and value diversity.             | EEO
			Tuition reimbursement and a learning budget for certifications.       | BENEFITS
			Acme is a leading provider of payroll software for small businesses. | ABOUT
			We are looking for a TPM to run our payments programs.                | INTRO
			Our client is rolling out 5G; the TPM will coordinate the launch.     | INTRO
			Benefits: medical and dental cover, a learning budget and a generous annual leave allowance. | BENEFITS
			Required Skills: 7+ years TPM experience; SAFe Agilist certification; strong communication. | REQUIREMENTS
			""")
	void shouldRecogniseLinesThatSayWhatTheyAreWithoutAHeading(String line, Kind kind) {
		Sections sections = Sections.of(line + "\n", "Acme");

		assertThat(sections.kindAt(0)).isEqualTo(kind);
	}

	private static Kind kindOf(Sections sections, String lineStart) {
		return sections.kindAt(POSTING.indexOf(lineStart));
	}

}
