package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The parts of a posting, line by line: what the role is and asks for, and what is only the employer's
 * boilerplate (about us, benefits, equal-opportunity text). A heading sets the section of the lines after it; a
 * few lines give themselves away wherever they stand ("we are an equal opportunity employer", "we pay for your
 * certification exams").
 */
final class Sections {

	/** The kind of text a line is. INTRO is the text before any heading, usually the role with some company words. */
	enum Kind {

		INTRO, ROLE, REQUIREMENTS, NICE_TO_HAVE, ABOUT, BENEFITS, EEO;

		/** Boilerplate says what the employer is or offers, never what the role asks for. */
		boolean isBoilerplate() {
			return this == ABOUT || this == BENEFITS || this == EEO;
		}

	}

	private static final int MAX_HEADING = 70;

	// Checked in this order: "About the role" is the role before it is "about" the employer.
	private static final Pattern ROLE_HEADING = Pattern.compile(
			"^(about (the|this) (role|job|position|opportunity|team|work)|the role|role (overview|summary|description)|job (description|summary|overview)|position (summary|overview|description)"
					+ "|what you('| wi)?ll (be )?(do|doing|work on|working on|own|achieve|accomplish)|what you will be doing|what you do|responsibilit|key responsibilit|your (role|impact|responsibilities|day)|the opportunity|duties|day[ -]to[ -]day|in this role|overview|summary|the team|the work|your mission|what we need you to do|essential (duties|functions)|job duties)");

	private static final Pattern NICE_HEADING = Pattern.compile(
			"^(nice[ -]to[ -]haves?|preferred|bonus|pluses|plus|desired|good to have|it'?s a plus|extra credit|ways to stand out|even better|additional (qualifications|skills)|desirable)|(preferred|desired|bonus|nice[ -]to[ -]have) (qualifications|skills|experience|requirements)");

	private static final Pattern REQUIREMENTS_HEADING = Pattern.compile(
			"^(requirements|qualifications|minimum|basic|required|must[ -]haves?|what you('| wi)?ll (need|bring|have)|what you (need|bring|have)|what we need|what we('re| are) looking for|what we expect|who you are|about you|you (have|bring|are|might be)|your (background|experience|profile|skills|qualifications)|skills|experience|education|certifications?|knowledge|competencies|ideal candidate|the ideal|we('re| are) looking for|job requirements|you'?ll thrive|to be successful|what it takes|is this you)");

	private static final Pattern EEO_HEADING = Pattern.compile(
			"^(equal (employment )?opportunit|eeo|diversity|our commitment to|commitment to diversity|inclusion|accommodation|reasonable accommodation|e-verify|pay transparency|legal|disclaimer|privacy|notice|applicant|fraud|recruitment fraud|u\\.?s\\.? export|export control|background check)");

	private static final Pattern BENEFITS_HEADING = Pattern.compile(
			"^(benefits|perks|what we offer|we offer|our offer|what('s| is) in it for you|why (you('ll| will) love|join|work)|total rewards|rewards|compensation|salary|pay|pay range|base pay|life at|working at|our benefits|the perks|what you('| wi)?ll get|what you get|wellbeing|well-being|time off|how we take care)");

	private static final Pattern ABOUT_HEADING = Pattern.compile(
			"^(about( us)?$|about (the company|our company|[a-z0-9 &.,'’-]{1,40})|who we are|our (company|story|mission|culture|values|purpose)|company (overview|description|profile)|the company|why [a-z0-9 &.'’-]{1,30}|where you('ll| will) work|about the employer|about our client|our client)");

	private static final Pattern YOU_HEADING = Pattern.compile("^(what|who|how|where|your|you|in this|as an?|the role|the job|the position|meet the|our team|this role|this job|this position)\\b");

	private static final Pattern ROLE_WORDS = Pattern.compile(
			"\\b(you|your|this role|the role|this position|the position|the tpm|the program manager|the project manager|the successful candidate|will (lead|own|coordinate|drive|manage|run|oversee))\\b");

	private static final GuardedPattern EEO_LINE = new GuardedPattern(
			"equal (employment )?opportunity|without regard to|protected veteran|affirmative action|e-verify|reasonable accommodation|sexual orientation|gender identity|regardless of (race|age|gender)|we do not discriminate|pay transparency|\\bada\\b compliance",
			"equal ", "without regard to", "protected veteran", "affirmative action", "e-verify", "reasonable accommodation",
			"sexual orientation", "gender identity", "regardless of", "we do not discriminate", "pay transparency",
			"ada compliance");

	// Two rules, as each needs its own words: "we pay for your certification exams" and the benefits themselves.
	private static final GuardedPattern EMPLOYER_PAYS_LINE = new GuardedPattern(
			"(we|the company|employer)( will)? (pay|pays|reimburse|reimburses|cover|covers|sponsor|sponsors|support|supports)[^.]{0,60}(certification|exam|training|course|tuition|degree|education)",
			" pay", "reimburse", "cover", "sponsor", "support");

	private static final GuardedPattern BENEFITS_LINE = new GuardedPattern(
			"tuition (reimbursement|assistance)|(learning|training|education|professional development|development|certification) (budget|stipend|allowance|reimbursement)"
					+ "|401\\(?k\\)?|paid time off|\\bpto\\b|parental leave|medical, dental|dental(,| and) vision|health, dental|health insurance|employee assistance|equity grants?|stock options|wellness (stipend|program)|free (lunch|meals)|gym membership",
			"tuition", "budget", "stipend", "allowance", "reimbursement", "401", "paid time off", "pto", "parental leave",
			"dental", "health insurance", "employee assistance", "equity grant", "stock options", "wellness", "free lunch",
			"free meals", "gym membership");

	private static final Pattern ABOUT_LINE_START = Pattern.compile(
			"^(we are (?!looking|seeking|hiring|searching)|we're (?!looking|seeking|hiring|searching)|we build|we make|we help|we serve|we provide|founded|headquartered|our mission|our company|our client|join (us|our|the)|at [A-Z][^,]{0,40},)", Pattern.CASE_INSENSITIVE);

	private static final GuardedPattern ABOUT_LINE_ANYWHERE = new GuardedPattern(
			"\\b(is|are) (a|an|the) (leading|global|fast[- ]growing|premier|world'?s|nation'?s|trusted|award[- ]winning)\\b|\\bour client\\b|\\bclient,? (is )?(a|an|the) (leading|global|major|large|top)|\\bfounded in \\d{4}|\\bheadquartered in\\b|\\bfortune \\d+\\b",
			"leading", "global", "growing", "premier", "world", "nation", "trusted", "award", "client", "founded",
			"headquartered", "fortune");

	private static final Pattern LEADING_BULLETS = Pattern.compile("^[#*•·▪\\-–—\\s]+");

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[!?.:]+$");

	private static final Pattern LIST_ITEM_LOOKALIKE = Pattern.compile("^(experience|skills|knowledge|education|certifications?)\\b.*");

	private final List<Line> lines;

	private final String lower;

	private Sections(List<Line> lines, String lower) {
		this.lines = lines;
		this.lower = lower;
	}

	/** One line of the text: its offsets, its section and whether it is a heading. */
	record Line(int start, int end, Kind kind, boolean heading, boolean aboutEmployer) {

	}

	static Sections of(String text, String company) {
		List<Line> lines = new ArrayList<>();
		String companyLower = (company == null || company.isBlank()) ? null : company.strip().toLowerCase(Locale.ROOT);
		Kind current = Kind.INTRO;
		int offset = 0;
		String[] raws = text.split("\n", -1);
		int[] starts = new int[raws.length];
		for (int i = 0, at = 0; i < raws.length; at += raws[i].length() + 1, i++) {
			starts[i] = at;
		}
		// The guards' words looked up once in the whole text rather than line by line; a lower-case text of
		// another length (a few letters lower-case to two) cannot be mapped to lines, so each line checks itself.
		String lowerText = text.toLowerCase(Locale.ROOT);
		boolean mapped = lowerText.length() == text.length();
		boolean[] eeoWords = mapped ? EEO_LINE.linesHoldingWords(lowerText, starts) : null;
		boolean[] paysWords = mapped ? EMPLOYER_PAYS_LINE.linesHoldingWords(lowerText, starts) : null;
		boolean[] benefitsWords = mapped ? BENEFITS_LINE.linesHoldingWords(lowerText, starts) : null;
		boolean[] aboutWords = mapped ? ABOUT_LINE_ANYWHERE.linesHoldingWords(lowerText, starts) : null;
		for (int index = 0; index < raws.length; index++) {
			String raw = raws[index];
			int start = offset;
			int end = offset + raw.length();
			offset = end + 1;
			String stripped = raw.strip();
			String lower = stripped.toLowerCase(Locale.ROOT).replace('’', '\'');
			if (!lower.isEmpty() && mayStartWithBullet(lower.charAt(0))) {
				lower = LEADING_BULLETS.matcher(lower).replaceFirst("");
			}
			Kind heading = heading(lower, stripped);
			Kind kind;
			boolean isHeading = false;
			if (heading != null) {
				current = heading;
				kind = heading;
				isHeading = true;
			}
			else {
				kind = current;
			}
			// A line that says what it is wins over the heading above it (an EEO paragraph under "Benefits").
			if (mapped ? EEO_LINE.findIf(eeoWords[index], lower) : EEO_LINE.find(lower)) {
				kind = Kind.EEO;
			}
			else if ((mapped ? EMPLOYER_PAYS_LINE.findIf(paysWords[index], lower) || BENEFITS_LINE.findIf(benefitsWords[index], lower)
					: EMPLOYER_PAYS_LINE.find(lower) || BENEFITS_LINE.find(lower)) && !isHeading && kind != Kind.REQUIREMENTS && kind != Kind.NICE_TO_HAVE) {
				kind = Kind.BENEFITS;
			}
			boolean aboutEmployer = kind == Kind.ABOUT || (!isHeading && (kind == Kind.INTRO || kind == Kind.ROLE)
					&& isAboutEmployer(stripped, lower, companyLower, (mapped) ? aboutWords[index] : null));
			// "Our client is rolling out a 5G platform; the TPM will coordinate..." says what the role does too.
			if (aboutEmployer && kind == Kind.INTRO && !ROLE_WORDS.matcher(lower).find()) {
				kind = Kind.ABOUT;
			}
			lines.add(new Line(start, end, kind, isHeading, aboutEmployer));
		}
		return new Sections(lines, lowerText);
	}

	/** @param aboutWords whether the line holds one of the about-line guard's words, null when not known */
	private static boolean isAboutEmployer(String stripped, String lower, String company, Boolean aboutWords) {
		if (ABOUT_LINE_START.matcher(stripped).lookingAt()
				|| ((aboutWords != null) ? ABOUT_LINE_ANYWHERE.findIf(aboutWords, lower) : ABOUT_LINE_ANYWHERE.find(lower))) {
			return true;
		}
		return company != null && (lower.startsWith(company + " is ") || lower.startsWith(company + " was ")
				|| lower.startsWith(company + " builds ") || lower.startsWith(company + " provides ")
				|| lower.startsWith(company + " helps ") || lower.startsWith(company + ", "));
	}

	/** The section a line opens, or null when it is not a heading. */
	private static Kind heading(String lower, String stripped) {
		if (lower.isEmpty()) {
			return null;
		}
		// "Requirements: PMP, 5 years ..." opens its section on the line itself, however long the line.
		int colon = lower.indexOf(':');
		if (stripped.length() > MAX_HEADING && (colon < 0 || colon > 40)) {
			return null;
		}
		String head = (colon > 0) ? lower.substring(0, colon).strip() : lower;
		boolean headingShape = colon > 0 || (!lower.endsWith(".") && words(lower) <= 8);
		if (!headingShape) {
			return null;
		}
		if (head.indexOf('!') >= 0 || head.indexOf('?') >= 0 || head.indexOf('.') >= 0 || head.indexOf(':') >= 0) {
			head = TRAILING_PUNCTUATION.matcher(head).replaceFirst("");
		}
		head = head.strip();
		if (EEO_HEADING.matcher(head).find()) {
			return Kind.EEO;
		}
		if (NICE_HEADING.matcher(head).find()) {
			return Kind.NICE_TO_HAVE;
		}
		if (ROLE_HEADING.matcher(head).find()) {
			return Kind.ROLE;
		}
		// "Experience with Kafka" is a list item, "Skills & experience" a heading.
		boolean shortEnough = LIST_ITEM_LOOKALIKE.matcher(head).matches() ? words(head) <= 3 : words(head) <= 6;
		if (REQUIREMENTS_HEADING.matcher(head).find() && shortEnough) {
			return Kind.REQUIREMENTS;
		}
		if (BENEFITS_HEADING.matcher(head).find() && words(head) <= 6) {
			return Kind.BENEFITS;
		}
		if (ABOUT_HEADING.matcher(head).find() && words(head) <= 6) {
			return Kind.ABOUT;
		}
		// An unknown heading that speaks to the reader ("What success looks like", "Your first 90 days:") is about
		// the role; without this an about-us section would run on over the whole posting.
		if (words(head) <= 6 && !lower.endsWith(".")
				&& (colon == lower.length() - 1 || YOU_HEADING.matcher(head).find())) {
			return Kind.ROLE;
		}
		return null;
	}

	/** How many words {@code text.split("\\s+")} gives, without compiling the expression for every line. */
	private static int words(String text) {
		int runs = 0;
		boolean spaces = false;
		for (int i = 0; i < text.length(); i++) {
			if (isRegexSpace(text.charAt(i))) {
				spaces = true;
			}
			else if (i == 0 || isRegexSpace(text.charAt(i - 1))) {
				runs++;
			}
		}
		if (!spaces) {
			return 1;
		}
		// split keeps the empty word before leading white space, and drops all empty words at the end.
		return (runs > 0 && isRegexSpace(text.charAt(0))) ? runs + 1 : runs;
	}

	/** {@code \s} without UNICODE_CHARACTER_CLASS. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/** Whether {@link #LEADING_BULLETS} can match at a line starting with {@code c}. */
	private static boolean mayStartWithBullet(char c) {
		return "#*•·▪-–—".indexOf(c) >= 0 || isRegexSpace(c);
	}

	Kind kindAt(int offset) {
		return lineAt(offset).kind();
	}

	boolean isAboutEmployerAt(int offset) {
		return lineAt(offset).aboutEmployer();
	}

	Line lineAt(int offset) {
		return this.lines.get(indexAt(offset));
	}

	private int indexAt(int offset) {
		int low = 0;
		int high = this.lines.size() - 1;
		while (low < high) {
			int mid = (low + high + 1) >>> 1;
			if (this.lines.get(mid).start() <= offset) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low;
	}

	/** The lines, in order, where one of the words occurs (case-sensitive). */
	List<Line> linesContaining(String text, String... words) {
		boolean[] holds = new boolean[this.lines.size()];
		for (String word : words) {
			for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length())) {
				holds[indexAt(at)] = true;
			}
		}
		List<Line> found = new ArrayList<>();
		for (int i = 0; i < holds.length; i++) {
			if (holds[i]) {
				found.add(this.lines.get(i));
			}
		}
		return found;
	}

	/** The whole text in lower case (its length may differ where a letter lower-cases to two). */
	String lower() {
		return this.lower;
	}

	List<Line> lines() {
		return this.lines;
	}

}
