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
			-           | US - Remote    | -                                                                          | REMOTE
			-           | United States (Remote) | -                                                                  | REMOTE
			-           | Anywhere in the US | -                                                                      | REMOTE
			-           | 'Remote, Oregon, United States' | -                                                       | REMOTE
			-           | Austin, TX     | Join our platform team in Austin.                                          | UNKNOWN
			-           | -              | -                                                                          | UNKNOWN
			""")
	void shouldDetectTheWorkplace(String hint, String location, String text, Workplace expected) {
		assertThat(WorkplaceDetector.detect(hint, null, location, text).workplace()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0} / {1} → {2}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			Technical Program Manager (Remote)        | Denver, CO                     | REMOTE
			Senior TPM - Hybrid                       | Boston, MA                     | HYBRID
			Program Manager, On-site                  | -                              | ONSITE
			TPM, Remote Sensing Platforms             | Denver, CO                     | UNKNOWN
			TPM, Hybrid Cloud                         | Denver, CO                     | UNKNOWN
			Senior Product Manager                    | Austin, Texas or Remote        | REMOTE
			Release Train Engineer                    | Colorado Springs, CO (Onsite)  | ONSITE
			Release Train Engineer                    | Austin, TX (Remote, US)        | REMOTE
			Project Manager - Construction            | 'Seattle, Washington | Remote | Contract' | REMOTE
			""")
	void shouldReadTheArrangementFromTheTitleAndTheLocation(String title, String location, Workplace expected) {
		assertThat(WorkplaceDetector.detect(null, title, location, "Lead our platform programs.").workplace())
			.isEqualTo(expected);
	}

	@Test
	void shouldGiveTheStructuredHintAsEvidence() {
		Detected detected = WorkplaceDetector.detect("TELECOMMUTE", null, "US", "On-site in Denver.");

		assertThat(detected.evidence()).isEqualTo("TELECOMMUTE");
	}

	@Test
	void shouldQuoteTheSentenceAroundTheTextEvidence() {
		Detected detected = WorkplaceDetector.detect(null, null, "Denver, CO",
				"We build bridges.\nThis role is remote (US). You will travel quarterly.");

		assertThat(detected.workplace()).isEqualTo(Workplace.REMOTE);
		assertThat(detected.evidence()).contains("this role is remote (us)");
	}

	@Test
	void shouldReadALineThatOpensWithRemote() {
		Detected detected = WorkplaceDetector.detect(null, null, "Philadelphia, PA", """
				Location: Philadelphia, PA
				Remote (candidates must live within 2 hours for occasional onsite needs)
				""");

		assertThat(detected.workplace()).isEqualTo(Workplace.REMOTE);
	}

	@Test
	void shouldReadUsajobsFieldsWhoseValuesStandOnTheirOwnLines() {
		String notRemote = "Location\n1 vacancy in the following location:\nFort Worth, TX\nRemote job\nNo\nTravel required\nNot required";

		assertThat(WorkplaceDetector.detect(null, null, "Fort Worth, TX", notRemote).workplace()).isEqualTo(Workplace.ONSITE);
		assertThat(WorkplaceDetector.detect(null, null, "Fort Worth, TX",
				notRemote + "\nTelework eligible\nYes—as determined by the agency policy.").workplace())
			.isEqualTo(Workplace.UNKNOWN);
		assertThat(WorkplaceDetector.detect(null, null, "Anywhere in the U.S.", "Remote job\nYes\nTelework eligible\nNo")
			.workplace()).isEqualTo(Workplace.REMOTE);
	}

	@Test
	void shouldGiveNoEvidenceWhenNothingIsSaid() {
		Detected detected = WorkplaceDetector.detect(null, null, null, "Lead our grants programs.");

		assertThat(detected).isEqualTo(new Detected(Workplace.UNKNOWN, null));
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			We have a remote-friendly culture, but this role is on-site in Denver.                 | ONSITE
			You will work 3 days a week in our Austin office.                                      | HYBRID
			You can work from home up to two days a week; the rest of the week is on-site in Denver. | HYBRID
			Our team works in-office Monday through Thursday; Fridays are work-from-home days.       | HYBRID
			New York, NY — in office Tuesday, Wednesday and Thursday at our Flatiron office.          | HYBRID
			Telework eligible up to 2 days per week; the remaining days are worked on-site at City Hall. | HYBRID
			Mobile working up to 60%, the rest at our Cologne campus.                                | HYBRID
			Perks: WFH options, a learning budget and a team offsite.                                | HYBRID
			In-person at the District Office, Monday–Friday. You will manage hybrid waterfall and agile methods. | ONSITE
			Everyone works on-site at our studio, five days a week. Move build agents to a hybrid on-prem/cloud setup. | ONSITE
			You will run our hybrid cloud migration from the Denver office.                          | UNKNOWN
			This is a field-based position split between our operations center and field sites.    | ONSITE
			This is a site-based role at our Derby engineering centre.                               | ONSITE
			Office-based at our Charlotte division office, Monday–Friday, with visits to job sites. | ONSITE
			This is a home-based position open to candidates anywhere in the US, with travel up to 20%. | REMOTE
			Benefits: 401(k), flexible working arrangements and an on-site fitness center.          | UNKNOWN
			On-site at our studio. You still get four "work from anywhere" weeks a year.             | ONSITE
			Benefits: four weeks of "work from anywhere" per year.                                  | UNKNOWN
			Location: candidates must be able to commute to our Store Support Center. Free parking and an on-site café. | ONSITE
			We're a remote-first company, but this role is on-site five days a week at our Portland lab. | ONSITE
			Our job board lists it under "US, TX, Remote", but this is not a remote position.        | ONSITE
			Remote work is not available for this role.                                              | ONSITE
			All interviews are remote over video. Join our Dallas team.                              | UNKNOWN
			Candidates can be based at our Austin office or work remotely from anywhere in the US.   | REMOTE
			This position can be performed remotely from any US state.                               | REMOTE
			Location: Remote. Quarterly team onsites in Denver.                                      | REMOTE
			We meet at annual onsite gatherings; this role is 100%-remote.                           | REMOTE
			Expect 3 days in the office and the rest from home.                                      | HYBRID
			We build developer tools. #LI-Remote                                                     | REMOTE
			We build developer tools. #LI-Hybrid                                                     | HYBRID
			We build developer tools. #LI-Onsite                                                     | ONSITE
			This position is eligible for remote work anywhere in the US.                            | REMOTE
			This position is not eligible for remote work.                                           | ONSITE
			This is a virtual position; travel to client sites up to 10%.                            | REMOTE
			Telework eligible: this position is fully telework.                                      | REMOTE
			Workplace type: Remote                                                                   | REMOTE
			Work arrangement: Remote                                                                 | REMOTE
			This position will be remote, with quarterly travel to Austin.                           | REMOTE
			Remote OK. Salary: $150k–$180k.                                                          | REMOTE
			Work from office (WFO) all five days at our Bengaluru campus.                            | ONSITE
			Job Type: Full-time. Work Location: In person                                            | ONSITE
			Work Location: Hybrid remote in Seattle, WA 98101                                        | HYBRID
			Our virtual assistant answers candidates' questions. Join our Dallas team.               | UNKNOWN
			'Seattle, Washington | Remote | Contract. Manage on-site execution of construction projects.' | REMOTE
			This role offers the opportunity to work remotely while travelling across the US.       | REMOTE
			Provide on-site support to clinics during go-live.                                       | UNKNOWN
			Remote job: No. Duties: manage the grants program.                                       | ONSITE
			Remote job: Yes. Duties: manage the grants program.                                      | REMOTE
			Remote job: No. Telework eligible: Yes - as determined by agency policy.                 | UNKNOWN
			Telework eligible: No. Duties: manage the grants program.                               | UNKNOWN
			Location: Home working                                                                   | REMOTE
			Amsterdam (partially remote). Lead our platform programs.                                | HYBRID
			You must be available to work on location at our Atlanta studio.                         | ONSITE
			This role is on-site in Denver; you will lead on-site inspections.                       | ONSITE
			""")
	void shouldReadWhatTheTextSaysOfTheJobItself(String text, Workplace expected) {
		assertThat(WorkplaceDetector.detect(null, null, null, text).workplace()).isEqualTo(expected);
	}

}
