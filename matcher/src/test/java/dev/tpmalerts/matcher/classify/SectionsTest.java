package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.matcher.classify.Sections.AnchoredPattern;
import dev.tpmalerts.matcher.classify.Sections.Kind;
import dev.tpmalerts.matcher.classify.Sections.Line;

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

	@Test
	void shouldKeepAPayLineAtTheTopFromSwallowingThePosting() {
		String posting = "Salary: $138,631 - $185,518 per year\nYou will run our cloud migration.\n"
				+ "Benefits\nMedical and dental cover.\n";
		Sections sections = Sections.of(posting, "Acme");

		assertThat(sections.kindAt(posting.indexOf("Salary:"))).isEqualTo(Kind.BENEFITS);
		assertThat(sections.kindAt(posting.indexOf("You will run"))).isNotEqualTo(Kind.BENEFITS);
		assertThat(sections.kindAt(posting.indexOf("Medical and dental"))).isEqualTo(Kind.BENEFITS);
	}

	@Test
	void shouldReadEachPostingAloneThoughItsArraysAreTheThreadsAndUsedAgain() {
		String longer = POSTING.repeat(40);
		List<Line> alone = Sections.of(POSTING, "Ledgerline").lines();

		// A long posting grows the thread's arrays; a short one after it must not read what the long one left there.
		Sections first = Sections.of(longer, "Ledgerline");
		assertThat(first.lines()).hasSize(40 * (alone.size() - 1) + 1);
		Sections again = Sections.of(POSTING, "Ledgerline");

		assertThat(again.lines()).isEqualTo(alone);
		assertThat(again.lower()).isEqualTo(POSTING.toLowerCase(Locale.ROOT));
	}

	@Test
	void shouldReadTheSamePostingsAlikeOnSeveralThreadsAtOnce() throws Exception {
		List<String> postings = List.of(POSTING, POSTING.replace("Nice to have", "Bonus points"),
				"Equal opportunity\nWe are an equal opportunity employer.\nDuties: run the launch.\n", POSTING.repeat(3));
		List<List<Line>> expected = postings.stream().map((posting) -> Sections.of(posting, "Ledgerline").lines()).toList();
		List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 3; t++) {
			int offset = t;
			threads.add(new Thread(() -> {
				try {
					for (int i = 0; i < 300; i++) {
						int k = (i + offset) % postings.size();
						assertThat(Sections.of(postings.get(k), "Ledgerline").lines()).isEqualTo(expected.get(k));
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(failures).isEmpty();
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', textBlock = """
			What You’ll Do\\nSHIP the PLATFORM; Bachelor’s DEGREE required.
			Ünïcödé ÀÉÎ text with a Kelvin sign: 5\u212A and a ’ quote
			A Σ in the text: ΟΔΟΣ ΟΔΟΣ\\nand a degree
			A dotted capital İstanbul line\\nRelated field
			An emoji \uD83D\uDE80 line\\nand the DEGREE
			""")
	void shouldLowerTheTextAsTheStringDoes(String line) {
		String text = line.replace("\\n", "\n");
		String lower = text.toLowerCase(Locale.ROOT);
		Sections sections = Sections.of(text, "Acme");

		assertThat(sections.lower()).isEqualTo(lower);
		assertThat(sections.lowerLinesUp()).isEqualTo(lower.length() == text.length());
		assertThat(sections.holdsDegree()).isEqualTo(lower.contains("degree"));
		char[] folded = sections.folded();
		if (folded != null) {
			assertThat(new String(folded, 0, text.length())).isEqualTo(lower.replace('’', '\''));
		}
		// The Kelvin sign lowers to an ASCII "k", which an expression ignoring ASCII case only does not read as one.
		assertThat(sections.asciiFolded()).isSameAs((text.indexOf('\u212A') < 0) ? folded : null);
	}

	@Test
	void shouldTellWhichLinesHoldAWordThatEndsAListOfFields() {
		Sections sections = Sections.of("Degree in Physics\nor a RELATED field\nEquivalent experience\nsimilarly\nnone\n", "Acme");

		assertThat(sections.lines()).extracting(Line::endsList).containsExactly(false, true, true, true, false, false);
	}

	// One heading for each alternative of each heading pattern (and of the unanchored "preferred qualifications"),
	// so that a filter that no longer lets one through fails here.
	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Equal Employment Opportunity     | EEO
			Equal opportunity employer       | EEO
			EEO statement                    | EEO
			Diversity & inclusion            | EEO
			Our commitment to you            | EEO
			Commitment to diversity          | EEO
			Inclusion at Acme                | EEO
			Accommodations                   | EEO
			Reasonable accommodation         | EEO
			E-Verify                         | EEO
			Pay transparency                 | EEO
			Legal notice                     | EEO
			Disclaimer                       | EEO
			Privacy notice                   | EEO
			Notice to applicants             | EEO
			Applicant privacy                | EEO
			Fraud warning                    | EEO
			Recruitment fraud                | EEO
			U.S. export controls             | EEO
			US export rules                  | EEO
			Export control                   | EEO
			Background check                 | EEO
			Nice to have                     | NICE_TO_HAVE
			Nice-to-haves:                   | NICE_TO_HAVE
			Preferred                        | NICE_TO_HAVE
			Bonus points                     | NICE_TO_HAVE
			Pluses                           | NICE_TO_HAVE
			Plus:                            | NICE_TO_HAVE
			Desired                          | NICE_TO_HAVE
			Good to have                     | NICE_TO_HAVE
			It's a plus                      | NICE_TO_HAVE
			It’s a plus if you have          | NICE_TO_HAVE
			Extra credit                     | NICE_TO_HAVE
			Ways to stand out                | NICE_TO_HAVE
			Even better                      | NICE_TO_HAVE
			Additional qualifications        | NICE_TO_HAVE
			Additional skills                | NICE_TO_HAVE
			Desirable                        | NICE_TO_HAVE
			Preferred qualifications         | NICE_TO_HAVE
			Our preferred skills             | NICE_TO_HAVE
			Desired experience               | NICE_TO_HAVE
			Bonus requirements               | NICE_TO_HAVE
			Also nice to have skills         | NICE_TO_HAVE
			Also nice-to-have qualifications | NICE_TO_HAVE
			About the role                   | ROLE
			About this job                   | ROLE
			About the position               | ROLE
			About this opportunity           | ROLE
			About the team                   | ROLE
			About the work                   | ROLE
			The role                         | ROLE
			Role overview                    | ROLE
			Role summary                     | ROLE
			Role description                 | ROLE
			Job description                  | ROLE
			Job summary                      | ROLE
			Job overview                     | ROLE
			Position summary                 | ROLE
			Position overview                | ROLE
			Position description             | ROLE
			What you'll do                   | ROLE
			What you’ll be doing             | ROLE
			What you will work on            | ROLE
			What youll be working on         | ROLE
			What you will own                | ROLE
			What you'll achieve              | ROLE
			What you will accomplish         | ROLE
			What you will be doing           | ROLE
			What you do                      | ROLE
			Responsibilities                 | ROLE
			Key responsibilities             | ROLE
			Your role                        | ROLE
			Your impact                      | ROLE
			Your responsibilities            | ROLE
			Your day                         | ROLE
			The opportunity                  | ROLE
			Duties                           | ROLE
			Day-to-day                       | ROLE
			Day to day                       | ROLE
			In this role                     | ROLE
			Overview                         | ROLE
			Summary                          | ROLE
			The team                         | ROLE
			The work                         | ROLE
			Your mission                     | ROLE
			What we need you to do           | ROLE
			Essential duties                 | ROLE
			Essential functions              | ROLE
			Job duties                       | ROLE
			Requirements                     | REQUIREMENTS
			Qualifications                   | REQUIREMENTS
			Minimum qualifications           | REQUIREMENTS
			Basic qualifications             | REQUIREMENTS
			Required skills                  | REQUIREMENTS
			Must-haves                       | REQUIREMENTS
			Must have                        | REQUIREMENTS
			What you'll need                 | REQUIREMENTS
			What you will bring              | REQUIREMENTS
			What youll have                  | REQUIREMENTS
			What you need                    | REQUIREMENTS
			What you bring                   | REQUIREMENTS
			What you have                    | REQUIREMENTS
			What we need                     | REQUIREMENTS
			What we're looking for           | REQUIREMENTS
			What we are looking for          | REQUIREMENTS
			What we expect                   | REQUIREMENTS
			Who you are                      | REQUIREMENTS
			About you                        | REQUIREMENTS
			You have                         | REQUIREMENTS
			You bring                        | REQUIREMENTS
			You are                          | REQUIREMENTS
			You might be                     | REQUIREMENTS
			Your background                  | REQUIREMENTS
			Your experience                  | REQUIREMENTS
			Your profile                     | REQUIREMENTS
			Your skills                      | REQUIREMENTS
			Your qualifications              | REQUIREMENTS
			Skills                           | REQUIREMENTS
			Skills & experience              | REQUIREMENTS
			Experience                       | REQUIREMENTS
			Education                        | REQUIREMENTS
			Certifications                   | REQUIREMENTS
			Certification                    | REQUIREMENTS
			Knowledge                        | REQUIREMENTS
			Competencies                     | REQUIREMENTS
			Ideal candidate                  | REQUIREMENTS
			The ideal candidate              | REQUIREMENTS
			We're looking for                | REQUIREMENTS
			We are looking for               | REQUIREMENTS
			Job requirements                 | REQUIREMENTS
			You'll thrive if                 | REQUIREMENTS
			Youll thrive here if             | REQUIREMENTS
			To be successful                 | REQUIREMENTS
			What it takes                    | REQUIREMENTS
			Is this you?                     | REQUIREMENTS
			Benefits                         | BENEFITS
			Perks                            | BENEFITS
			What we offer                    | BENEFITS
			We offer                         | BENEFITS
			Our offer                        | BENEFITS
			What's in it for you             | BENEFITS
			What is in it for you?           | BENEFITS
			Why you'll love it here          | BENEFITS
			Why you will love Acme           | BENEFITS
			Why join us                      | BENEFITS
			Why work with us                 | BENEFITS
			Total rewards                    | BENEFITS
			Rewards                          | BENEFITS
			Compensation                     | BENEFITS
			Salary                           | BENEFITS
			Pay                              | BENEFITS
			Pay range                        | BENEFITS
			Base pay                         | BENEFITS
			Life at Acme                     | BENEFITS
			Working at Acme                  | BENEFITS
			Our benefits                     | BENEFITS
			The perks                        | BENEFITS
			What you'll get                  | BENEFITS
			What you will get                | BENEFITS
			What youll get                   | BENEFITS
			What you get                     | BENEFITS
			Wellbeing                        | BENEFITS
			Well-being                       | BENEFITS
			Time off                         | BENEFITS
			How we take care of you          | BENEFITS
			About                            | ABOUT
			About us                         | ABOUT
			About the company                | ABOUT
			About our company                | ABOUT
			About Acme Inc. & Co             | ABOUT
			About Müller & Söhne             | ABOUT
			Who we are                       | ABOUT
			Our company                      | ABOUT
			Our story                        | ABOUT
			Our mission                      | ABOUT
			Our culture                      | ABOUT
			Our values                       | ABOUT
			Our purpose                      | ABOUT
			Company overview                 | ABOUT
			Company description              | ABOUT
			Company profile                  | ABOUT
			The company                      | ABOUT
			Why Acme                         | ABOUT
			Where you'll work                | ABOUT
			Where you will work              | ABOUT
			About the employer               | ABOUT
			About our client                 | ABOUT
			Our client                       | ABOUT
			What success looks like          | ROLE
			Who you'll work with             | ROLE
			How you'll grow                  | ROLE
			Where you fit in                 | ROLE
			Your first 90 days               | ROLE
			You will                         | ROLE
			In this job                      | ROLE
			As a TPM                         | ROLE
			As an engineer                   | ROLE
			The job                          | ROLE
			The position                     | ROLE
			Meet the team                    | ROLE
			Our team                         | ROLE
			This role                        | ROLE
			This job                         | ROLE
			This position                    | ROLE
			Anything at all:                 | ROLE
			""")
	void shouldRecogniseEveryHeading(String heading, Kind kind) {
		Sections sections = Sections.of("Senior TPM, Payments\n" + heading + "\nRun the weekly program review.\n", "Acme");

		Line line = sections.lines().get(1);
		assertThat(line.heading()).isTrue();
		assertThat(line.kind()).isEqualTo(kind);
		assertThat(sections.kindAt(sections.lines().get(2).start())).isEqualTo(kind);
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			Experience with Kafka streams in production
			Understanding of LTE and 5G networks
			Strong written communication
			Manage vendors and contractors across sites
			Run the weekly program review.
			Youth sports sponsorship programs
			Whatever it takes, on every single project we run for our customers
			""")
	void shouldNotTakeListItemsForHeadings(String item) {
		Sections sections = Sections.of("Requirements\n" + item + "\n", "Acme");

		assertThat(sections.lines().get(1).heading()).isFalse();
		assertThat(sections.lines().get(1).kind()).isEqualTo(Kind.REQUIREMENTS);
	}

	// One line for each alternative of each rule that reads a line on its own, wherever it stands.
	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			We are an equal employment opportunity employer.                      | EEO
			We are an equal opportunity employer.                                 | EEO
			Applicants are considered without regard to race or religion.         | EEO
			We hire protected veterans and people with disabilities.              | EEO
			We are an affirmative action employer and value every applicant.      | EEO
			This employer participates in E-Verify for every new hire.            | EEO
			We provide reasonable accommodation during interviews on request.     | EEO
			We welcome all people regardless of sexual orientation or background. | EEO
			We welcome people of any gender identity to apply for this role.      | EEO
			We hire regardless of race, religion or national origin.              | EEO
			We hire regardless of age and background in this team.                | EEO
			We hire regardless of gender and background in this team.             | EEO
			We do not discriminate on any basis in our hiring.                    | EEO
			Our pay transparency notice is linked from this page for you.         | EEO
			We work toward ADA compliance in every office we have.                | EEO
			We pay for your certification exams and study time.                   | BENEFITS
			The company will reimburse tuition for approved degree courses.       | BENEFITS
			Our employer sponsors training courses every year for the team.       | BENEFITS
			We will cover the cost of your education program this year.           | BENEFITS
			We support your professional education in many ways.                  | BENEFITS
			Tuition reimbursement and tuition assistance are both available.      | BENEFITS
			Tuition assistance for all staff in every office and team.            | BENEFITS
			A generous learning budget for books and conferences every year.      | BENEFITS
			A training stipend, an education allowance and more every year.       | BENEFITS
			Professional development reimbursement for every member of staff.     | BENEFITS
			A certification budget for each engineer every single year.           | BENEFITS
			401(k) with a company match for all full-time employees here.         | BENEFITS
			401k with a company match for all employees in every office.          | BENEFITS
			Paid time off and paid holidays for every member of the team.         | BENEFITS
			Unlimited PTO for every member of staff in every office we have.      | BENEFITS
			Paid parental leave for all new parents in every office we have.      | BENEFITS
			Medical, dental and vision insurance for you and your family.         | BENEFITS
			Full dental, vision and life cover for you and your family.           | BENEFITS
			Great dental and vision plans for you and your family members.        | BENEFITS
			Health, dental and vision plans for you and your family members.      | BENEFITS
			Health insurance from day one for you and your whole family.          | BENEFITS
			An employee assistance program for everyone in the company.           | BENEFITS
			Equity grants for every employee who joins us this year or next.      | BENEFITS
			Stock options for every employee who joins us this year or next.      | BENEFITS
			A wellness stipend and a wellness program for all employees here.     | BENEFITS
			Free lunch on Fridays and free meals when you work late at night.     | BENEFITS
			A gym membership for every employee in every office we have.          | BENEFITS
			Acme is a leading provider of payroll software for small firms.       | ABOUT
			We are a global bank serving customers in forty countries today.      | ABOUT
			We're a fast-growing startup in the payments space in Europe.         | ABOUT
			We build tools that help hospitals schedule their staff well.         | ABOUT
			We make software that powers thousands of online shops today.         | ABOUT
			We help banks move money faster and more safely every day.            | ABOUT
			We serve millions of riders across the country every single day.      | ABOUT
			We provide cloud services to governments and large companies.         | ABOUT
			Founded in 1998, the firm now employs 4,000 people worldwide.         | ABOUT
			Headquartered in Austin with offices across North America too.        | ABOUT
			Our mission is to make insurance simple for every single family.      | ABOUT
			Our company runs the largest freight network in the region.           | ABOUT
			Our client runs the largest freight network in the whole region.      | ABOUT
			Join us in building the future of money for every single person.      | ABOUT
			Join our team of builders, designers and operators in Berlin.         | ABOUT
			Join the company that millions of drivers trust every day.            | ABOUT
			At Acme Corp, people and planet come first in all we do here.         | ABOUT
			They are the world's largest maker of shipping containers now.        | ABOUT
			It is an award-winning studio with offices in three countries.        | ABOUT
			Acme is a trusted partner to hospitals across the whole region.       | ABOUT
			Acme is the nation's largest grocer with 2,000 stores today.          | ABOUT
			Acme is a premier provider of logistics in the whole region.          | ABOUT
			Our client is a major bank with branches across the country.          | ABOUT
			The client is a large retailer with 300 stores in the region.         | ABOUT
			The client, a top insurer, is hiring now across the country.          | ABOUT
			The firm was founded in 2004 by two former nurses in Ohio.            | ABOUT
			The firm is headquartered in Denver with 30 offices nationwide.       | ABOUT
			A Fortune 500 company with offices in forty countries today.          | ABOUT
			Acme was started by two nurses and now serves many hospitals.         | ABOUT
			Acme builds software that hospitals use every single day here.        | ABOUT
			Acme provides payroll services to 10,000 small businesses now.        | ABOUT
			Acme helps farmers sell their crops at fair prices every day.         | ABOUT
			Acme, the payroll company, serves 10,000 small businesses now.        | ABOUT
			We are looking for a TPM to run our payments programs now.            | INTRO
			We're seeking a TPM to lead our cloud migration this year.            | INTRO
			Run agile delivery across four teams and report to the CTO.           | INTRO
			Experience with AWS and Kubernetes in large production systems.       | INTRO
			Equalizer of opportunity for small shops in every town we serve.      | INTRO
			Our client is rolling out 5G; the TPM will coordinate the launch.     | INTRO
			""")
	void shouldRecogniseEveryLineRule(String line, Kind kind) {
		assertThat(Sections.of(line + "\n", "Acme").kindAt(0)).isEqualTo(kind);
		assertThat(Sections.of("\t" + line + "  \n", "Acme").kindAt(0)).isEqualTo(kind);
		// The rules that read a line anywhere read it without its bullets; "We are..." must start the line.
		if (kind == Kind.EEO || kind == Kind.BENEFITS) {
			assertThat(Sections.of("  • " + line + " \n", "Acme").kindAt(0)).isEqualTo(kind);
		}
	}

	@Test
	void shouldReadEveryHeadingPatternsStartsSoThatItRunsOnlyWhereItCanMatch() {
		headingPatterns().forEach((name, pattern) -> assertThat(pattern.isFiltered()).as(name).isTrue());
		for (String guarded : List.of("EEO_LINE", "EMPLOYER_PAYS_LINE", "BENEFITS_LINE", "ABOUT_LINE_ANYWHERE",
				"NICE_QUALIFIER_HEADING")) {
			GuardedPattern pattern = guardedPatterns().get(guarded);
			assertThat(pattern.guards()).as(guarded).allSatisfy((guard) -> assertThat(guard).isNotEmpty());
		}
	}

	@Test
	void shouldFindWhatTheHeadingPatternsFindWithoutTheirFilters() {
		samples().forEach((sample) -> headingPatterns().forEach((name, pattern) -> {
			boolean expected = pattern.pattern().matcher(sample).find();
			assertThat(pattern.find(sample)).as(name + " on " + sample).isEqualTo(expected);
			assertThat(pattern.lookingAt(sample, 0, sample.length())).as(name + " on " + sample)
				.isEqualTo(pattern.pattern().matcher(sample).lookingAt());
			assertThat(pattern.matches(sample)).as(name + " on " + sample)
				.isEqualTo(pattern.pattern().matcher(sample).matches());
		}));
	}

	@Test
	void shouldFindWhatTheLinePatternsFindWithoutTheirGuards() {
		samples().forEach((sample) -> guardedPatterns().forEach((name, pattern) -> {
			long words = Sections.LINE_WORDS.wordsByLine(sample.toCharArray(), new int[] { 0 })
				.of(Sections.LINE_WORDS.slot(pattern), 0);
			boolean expected = Pattern.compile(pattern.regex()).matcher(sample).find();
			assertThat(pattern.find(words, sample, 0, sample.length())).as(name + " on " + sample).isEqualTo(expected);
			assertThat(pattern.findOnLine(words, sample, 0, sample.length())).as(name + " on " + sample)
				.isEqualTo(expected);
		}));
	}

	/** The tables' lines lower-cased, cut into heads, and with bullets, as the patterns read them. */
	private static Stream<String> samples() {
		List<String> lines = new ArrayList<>();
		for (String table : List.of("shouldRecogniseEveryHeading", "shouldRecogniseEveryLineRule")) {
			try {
				CsvSource source = SectionsTest.class.getDeclaredMethod(table, String.class, Kind.class)
					.getAnnotation(CsvSource.class);
				source.textBlock().lines().map((line) -> line.split("\\|")[0].strip()).forEach(lines::add);
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}
		List<String> samples = new ArrayList<>();
		for (String line : lines) {
			String lower = line.toLowerCase(Locale.ROOT).replace('’', '\'');
			samples.add(lower);
			samples.add(line);
			samples.add(lower.substring(0, lower.length() / 2));
			samples.add(lower.substring(1));
			samples.add("- " + lower + ":");
			samples.add(lower.replace(" ", "  "));
		}
		return samples.stream().distinct();
	}

	private static Map<String, AnchoredPattern> headingPatterns() {
		return Map.of("ROLE_HEADING", Sections.ROLE_HEADING, "NICE_HEADING", Sections.NICE_HEADING,
				"REQUIREMENTS_HEADING", Sections.REQUIREMENTS_HEADING, "EEO_HEADING", Sections.EEO_HEADING,
				"BENEFITS_HEADING", Sections.BENEFITS_HEADING, "ABOUT_HEADING", Sections.ABOUT_HEADING, "YOU_HEADING",
				Sections.YOU_HEADING, "LIST_ITEM_LOOKALIKE", Sections.LIST_ITEM_LOOKALIKE, "ABOUT_LINE_START",
				Sections.ABOUT_LINE_START);
	}

	private static Map<String, GuardedPattern> guardedPatterns() {
		return Map.of("EEO_LINE", Sections.EEO_LINE, "EMPLOYER_PAYS_LINE", Sections.EMPLOYER_PAYS_LINE, "BENEFITS_LINE",
				Sections.BENEFITS_LINE, "ABOUT_LINE_ANYWHERE", Sections.ABOUT_LINE_ANYWHERE, "NICE_QUALIFIER_HEADING",
				Sections.NICE_QUALIFIER_HEADING);
	}

	private static Kind kindOf(Sections sections, String lineStart) {
		return sections.kindAt(POSTING.indexOf(lineStart));
	}

}
