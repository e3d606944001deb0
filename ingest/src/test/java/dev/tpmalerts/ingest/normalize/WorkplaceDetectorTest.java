package dev.tpmalerts.ingest.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.normalize.WorkplaceDetector.Detected;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

class WorkplaceDetectorTest {

	@ParameterizedTest(name = "hint={0}, location={1}, text={2} → {3}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Remote      | Austin, TX     | You will be on-site in Austin five days a week.                            | REMOTE
			OnSite      | -              | This role is remote (US).                                                  | ONSITE
			Hybrid      | Remote - US    | Fully remote.                                                              | HYBRID
			TELECOMMUTE | -              | -                                                                          | REMOTE
			hybrid      | Charlotte, NC  | -                                                                          | HYBRID
			On-site     | -              | -                                                                          | ONSITE
			full-time   | -              | This role is remote (US).                                                  | REMOTE
			-           | US, TX, Remote | Join our platform team.                                                    | UNKNOWN
			-           | -              | Perks: work from anywhere for a month every year.                          | UNKNOWN
			-           | Austin, TX     | Perks: work from anywhere for a month every year. This is an on-site role. | ONSITE
			-           | -              | Hybrid: 3 days a week in our Austin office.                                | HYBRID
			-           | -              | You will spend 2 days per week in the office.                              | HYBRID
			-           | -              | This role requires being in our Chicago office four days per week.         | HYBRID
			-           | US, TX, Remote | The client requires on-site attendance at the Plano campus three days per week. | HYBRID
			-           | -              | We work in our office 5 days a week.                                       | ONSITE
			-           | -              | On-site at the main campus during go-live; hybrid afterwards at manager discretion. | ONSITE
			-           | -              | This role is hybrid; your remote days are Monday and Friday.               | HYBRID
			-           | -              | This role is remote (US).                                                  | REMOTE
			-           | -              | This position is fully remote within the United States.                    | REMOTE
			-           | -              | You will work on-site in Denver.                                           | ONSITE
			-           | -              | This role is not remote; you will work in person at our plant.             | ONSITE
			-           | Remote         | -                                                                          | REMOTE
			-           | Remote - US    | Our Denver office hosts quarterly planning.                                | REMOTE
			-           | Remote (US)    | -                                                                          | REMOTE
			-           | Hybrid - Boston | -                                                                         | HYBRID
			-           | Austin, TX     | Join our platform team in Austin.                                          | UNKNOWN
			-           | -              | -                                                                          | UNKNOWN
			""")
	void shouldDetectTheWorkplace(String hint, String location, String text, Workplace expected) {
		assertThat(WorkplaceDetector.detect(hint, location, text).workplace()).isEqualTo(expected);
	}

	@Test
	void shouldGiveTheStructuredHintAsEvidence() {
		Detected detected = WorkplaceDetector.detect("TELECOMMUTE", "US", "On-site in Denver.");

		assertThat(detected.evidence()).isEqualTo("TELECOMMUTE");
	}

	@Test
	void shouldQuoteTheSentenceAroundTheTextEvidence() {
		Detected detected = WorkplaceDetector.detect(null, "Denver, CO",
				"We build bridges.\nThis role is remote (US). You will travel quarterly.");

		assertThat(detected.workplace()).isEqualTo(Workplace.REMOTE);
		assertThat(detected.evidence()).contains("this role is remote (us)");
	}

	@Test
	void shouldGiveNoEvidenceWhenNothingIsSaid() {
		Detected detected = WorkplaceDetector.detect(null, null, "Lead our grants programs.");

		assertThat(detected).isEqualTo(new Detected(Workplace.UNKNOWN, null));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			We have a remote-friendly culture, but this role is on-site in Denver.                 | ONSITE
			You will work 3 days a week in our Austin office.                                      | HYBRID
			You can work from home up to two days a week; the rest of the week is on-site in Denver. | HYBRID
			""")
	void shouldReadWhatTheTextSaysOfTheJobItself(String text, Workplace expected) {
		assertThat(WorkplaceDetector.detect(null, null, text).workplace()).isEqualTo(expected);
	}

}
