package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
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

	// The patterns are package-private for the tests that check their filters against every alternative.

	// Checked in this order: "About the role" is the role before it is "about" the employer.
	static final AnchoredPattern ROLE_HEADING = new AnchoredPattern(
			"^(about (the|this) (role|job|position|opportunity|team|work)|the role|role (overview|summary|description)|job (description|summary|overview)|position (summary|overview|description)"
					+ "|what you('| wi)?ll (be )?(do|doing|work on|working on|own|achieve|accomplish)|what you will be doing|what you do|responsibilit|key responsibilit|your (role|impact|responsibilities|day)|the opportunity|duties|day[ -]to[ -]day|in this role|overview|summary|the team|the work|your mission|what we need you to do|essential (duties|functions)|job duties)");

	static final AnchoredPattern NICE_HEADING = new AnchoredPattern(
			"^(nice[ -]to[ -]haves?|preferred|bonus|pluses|plus|desired|good to have|it'?s a plus|extra credit|ways to stand out|even better|additional (qualifications|skills)|desirable)");

	/** Not anchored like the other headings: "Preferred qualifications" is a heading wherever it stands in the head. */
	static final GuardedPattern NICE_QUALIFIER_HEADING = new GuardedPattern(
			"(preferred|desired|bonus|nice[ -]to[ -]have) (qualifications|skills|experience|requirements)");

	static final AnchoredPattern REQUIREMENTS_HEADING = new AnchoredPattern(
			"^(requirements|qualifications|minimum|basic|required|must[ -]haves?|what you('| wi)?ll (need|bring|have)|what you (need|bring|have)|what we need|what we('re| are) looking for|what we expect|who you are|about you|you (have|bring|are|might be)|your (background|experience|profile|skills|qualifications)|skills|experience|education|certifications?|knowledge|competencies|ideal candidate|the ideal|we('re| are) looking for|job requirements|you'?ll thrive|to be successful|what it takes|is this you)");

	static final AnchoredPattern EEO_HEADING = new AnchoredPattern(
			"^(equal (employment )?opportunit|eeo|diversity|our commitment to|commitment to diversity|inclusion|accommodation|reasonable accommodation|e-verify|pay transparency|legal|disclaimer|privacy|notice|applicant|fraud|recruitment fraud|u\\.?s\\.? export|export control|background check)");

	static final AnchoredPattern BENEFITS_HEADING = new AnchoredPattern(
			"^(benefits|perks|what we offer|we offer|our offer|what('s| is) in it for you|why (you('ll| will) love|join|work)|total rewards|rewards|compensation|salary|pay|pay range|base pay|life at|working at|our benefits|the perks|what you('| wi)?ll get|what you get|wellbeing|well-being|time off|how we take care)");

	static final AnchoredPattern ABOUT_HEADING = new AnchoredPattern(
			"^(about( us)?$|about (the company|our company|[a-z0-9 &.,'’-]{1,40})|who we are|our (company|story|mission|culture|values|purpose)|company (overview|description|profile)|the company|why [a-z0-9 &.'’-]{1,30}|where you('ll| will) work|about the employer|about our client|our client)");

	static final AnchoredPattern YOU_HEADING = new AnchoredPattern("^(what|who|how|where|your|you|in this|as an?|the role|the job|the position|meet the|our team|this role|this job|this position)\\b");

	/** Whether a head can start like one of the headings that open a section when they match on their own. */
	private static final AnchoredPattern.Predicate MAY_START_HEADING = AnchoredPattern.mayAnyStartAt(List.of(
			ROLE_HEADING, NICE_HEADING, REQUIREMENTS_HEADING, EEO_HEADING, BENEFITS_HEADING, ABOUT_HEADING, YOU_HEADING));

	private static final Pattern ROLE_WORDS = Pattern.compile(
			"\\b(you|your|this role|the role|this position|the position|the tpm|the program manager|the project manager|the successful candidate|will (lead|own|coordinate|drive|manage|run|oversee))\\b");

	static final GuardedPattern EEO_LINE = new GuardedPattern(
			"equal (employment )?opportunity|without regard to|protected veteran|affirmative action|e-verify|reasonable accommodation|sexual orientation|gender identity|regardless of (race|age|gender)|we do not discriminate|pay transparency|\\bada\\b compliance");

	// Two rules, as each needs its own words: "we pay for your certification exams" and the benefits themselves.
	static final GuardedPattern EMPLOYER_PAYS_LINE = new GuardedPattern(
			"(we|the company|employer)( will)? (pay|pays|reimburse|reimburses|cover|covers|sponsor|sponsors|support|supports)[^.]{0,60}(certification|exam|training|course|tuition|degree|education)");

	static final GuardedPattern BENEFITS_LINE = new GuardedPattern(
			"tuition (reimbursement|assistance)|(learning|training|education|professional development|development|certification) (budget|stipend|allowance|reimbursement)"
					+ "|401\\(?k\\)?|paid time off|\\bpto\\b|parental leave|medical, dental|dental(,| and) vision|health, dental|health insurance|employee assistance|equity grants?|stock options|wellness (stipend|program)|free (lunch|meals)|gym membership");

	static final AnchoredPattern ABOUT_LINE_START = new AnchoredPattern(
			"^(we are (?!looking|seeking|hiring|searching)|we're (?!looking|seeking|hiring|searching)|we build|we make|we help|we serve|we provide|founded|headquartered|our mission|our company|our client|join (us|our|the)|at [A-Z][^,]{0,40},)", Pattern.CASE_INSENSITIVE);

	static final GuardedPattern ABOUT_LINE_ANYWHERE = new GuardedPattern(
			"\\b(is|are) (a|an|the) (leading|global|fast[- ]growing|premier|world'?s|nation'?s|trusted|award[- ]winning)\\b|\\bour client\\b|\\bclient,? (is )?(a|an|the) (leading|global|major|large|top)|\\bfounded in \\d{4}|\\bheadquartered in\\b|\\bfortune \\d+\\b");

	/**
	 * Lines holding a word that ends a list of degree fields ("or a related field"): {@link DegreeFields} searches
	 * them even in the boilerplate. Only its words are used, found by {@link #LINE_WORDS} with the others.
	 */
	static final GuardedPattern LIST_END_WORDS = new GuardedPattern("related|equivalent|similar");

	/** Lines holding "degree": only a posting with one can ask for a degree without naming its level. */
	static final GuardedPattern DEGREE_WORDS = new GuardedPattern("degree");

	/** The words of every guarded pattern, looked up in one pass over a posting. */
	static final GuardedPattern.Scanner LINE_WORDS = GuardedPattern.scanner(EEO_LINE, EMPLOYER_PAYS_LINE,
			BENEFITS_LINE, ABOUT_LINE_ANYWHERE, NICE_QUALIFIER_HEADING, LIST_END_WORDS, DEGREE_WORDS);

	private static final int EEO_WORDS = LINE_WORDS.slot(EEO_LINE);

	private static final int EMPLOYER_PAYS_WORDS = LINE_WORDS.slot(EMPLOYER_PAYS_LINE);

	private static final int BENEFITS_WORDS = LINE_WORDS.slot(BENEFITS_LINE);

	private static final int ABOUT_WORDS = LINE_WORDS.slot(ABOUT_LINE_ANYWHERE);

	private static final int NICE_QUALIFIER_WORDS = LINE_WORDS.slot(NICE_QUALIFIER_HEADING);

	private static final int LIST_END_SLOT = LINE_WORDS.slot(LIST_END_WORDS);

	private static final int DEGREE_SLOT = LINE_WORDS.slot(DEGREE_WORDS);

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[!?.:]+$");

	static final AnchoredPattern LIST_ITEM_LOOKALIKE = new AnchoredPattern("^(experience|skills|knowledge|education|certifications?)\\b.*");

	/** Each thread's arrays, which the posting it reads last fills. */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	private final List<Line> lines;

	private final String text;

	/** The text lower-cased with ’ as ', in scratch[0, text.length()); null when it does not line up with the text. */
	private final char[] folded;

	/** Whether {@link #folded} reads ASCII as the text does, but for the case of letters: no Kelvin sign became "k". */
	private final boolean asciiFaithful;

	/** The scratch whose arrays this reading uses: valid until the next posting read on the same thread. */
	private final Scratch scratch;

	/** Whether the lower-case text is as long as the text, so that its offsets are the text's. */
	private final boolean lowerLinesUp;

	/** Whether "degree" is written in the text, in any case. */
	private final boolean holdsDegree;

	private String lower;

	private Sections(List<Line> lines, String text, Scratch scratch, boolean aligned, boolean asciiFaithful,
			String lower, boolean holdsDegree) {
		this.lines = lines;
		this.text = text;
		this.scratch = scratch;
		this.folded = aligned ? scratch.chars : null;
		this.asciiFaithful = asciiFaithful;
		this.lower = lower;
		this.lowerLinesUp = aligned || lower.length() == text.length();
		this.holdsDegree = holdsDegree;
		scratch.owner = this;
	}

	/**
	 * One line of the text: its offsets, its section, whether it is a heading, whether it says what the employer is
	 * and whether it holds a word that ends a list of degree fields ({@link #LIST_END_WORDS}, lower-case).
	 */
	record Line(int start, int end, Kind kind, boolean heading, boolean aboutEmployer, boolean endsList) {

	}

	/**
	 * The arrays one posting is read with, kept for the next posting on the same thread: the lower-case copy of the
	 * text, its lines' starts and their words were much of what the classifier allocated for each posting.
	 */
	private static final class Scratch {

		char[] chars = new char[8192];

		int[] starts = new int[256];

		final GuardedPattern.LineWords words = new GuardedPattern.LineWords();

		/** The reading that uses the arrays now: a reading made before on this thread may no longer read them. */
		Sections owner;

	}

	/**
	 * The rules read each line stripped, lower-cased, without its leading bullets and with ’ as '. Most lines are
	 * ruled out by a look at their first letters and at the words found on them, so a line is read in place, as a
	 * stretch of one lower-case copy of the text, and no string is made for it unless a rule must run on it. The
	 * copy is kept in arrays of the thread's, used again for its next posting: the reading is valid until then.
	 */
	static Sections of(String text, String company) {
		Scratch scratch = SCRATCH.get();
		String companyLower = (company == null || company.isBlank()) ? null : company.strip().toLowerCase(Locale.ROOT);
		int lineCount = lineStarts(text, scratch);
		int[] starts = scratch.starts;
		int length = text.length();
		int lowered = lowerCase(text, scratch);
		// The lower-case text lines up with the text char for char unless a letter lower-cases to two, or a Σ, whose
		// lower case depends on the letters around it, may read otherwise in the line alone: then each line is
		// lower-cased on its own. Only then, or when a character lower-case alone does not tell, is a string made.
		String lowerText = (lowered == NOT_LOWERED) ? text.toLowerCase(Locale.ROOT) : null;
		boolean aligned = lowerText == null || (lowerText.length() == length && text.indexOf('\u03A3') < 0);
		boolean asciiFaithful = lowered == LOWERED;
		char[] chars = scratch.chars;
		GuardedPattern.LineWords words = null;
		if (aligned) {
			if (lowerText != null) {
				lowerText.getChars(0, length, chars, 0);
				for (int i = 0; i < length; i++) {
					chars[i] = (chars[i] == '’') ? '\'' : chars[i];
				}
				asciiFaithful = text.indexOf('\u212A') < 0;
			}
			words = LINE_WORDS.wordsByLine(chars, length, starts, lineCount, scratch.words);
		}
		// The first colon at or after the line read last (in the lower-case text, a search of the rest of the text
		// that the lines after it take up where it left off), MAX_VALUE when there is none.
		int colon = -1;
		boolean holdsDegree = false;
		List<Line> lines = new ArrayList<>(lineCount);
		Kind current = Kind.INTRO;
		LineText lineText = new LineText();
		for (int index = 0; index < lineCount; index++) {
			int start = starts[index];
			int end = (index + 1 < lineCount) ? starts[index + 1] - 1 : length;
			int strippedStart = start;
			while (strippedStart < end && Character.isWhitespace(text.charAt(strippedStart))) {
				strippedStart++;
			}
			int strippedEnd = end;
			while (strippedEnd > strippedStart && Character.isWhitespace(text.charAt(strippedEnd - 1))) {
				strippedEnd--;
			}
			// The line as the rules read it: lower between from and to.
			char[] lower;
			int to;
			int textEnd;
			GuardedPattern.LineWords lineWords;
			int line;
			if (aligned) {
				lower = chars;
				to = strippedEnd;
				textEnd = length;
				lineWords = words;
				line = index;
			}
			else {
				lower = text.substring(strippedStart, strippedEnd).toLowerCase(Locale.ROOT).replace('’', '\'').toCharArray();
				to = lower.length;
				textEnd = to;
				lineWords = LINE_WORDS.wordsByLine(lower, to, new int[] { 0 }, 1, scratch.words);
				line = 0;
			}
			int from = afterBullets(lower, aligned ? strippedStart : 0, to);
			lineText.set(lower, from, to);
			if (!aligned || (colon < from && colon != Integer.MAX_VALUE)) {
				colon = indexOf(lower, ':', from, textEnd);
				colon = (colon < 0) ? Integer.MAX_VALUE : colon;
			}
			Kind heading = heading(lineText, (colon < to) ? colon - from : -1, strippedEnd - strippedStart,
					lineWords.of(NICE_QUALIFIER_WORDS, line));
			Kind kind;
			boolean isHeading = false;
			if (heading == Kind.BENEFITS && colon < to && hasTextAfter(lower, colon + 1, to)) {
				// "Salary: $138,631 - $185,518" at the top of a posting is a line of pay, not a section the rest
				// of the posting falls into.
				kind = heading;
			}
			else if (heading != null) {
				current = heading;
				kind = heading;
				isHeading = true;
			}
			else {
				kind = current;
			}
			// A line that says what it is wins over the heading above it (an EEO paragraph under "Benefits").
			if (EEO_LINE.findOnLine(lineWords.of(EEO_WORDS, line), lineText)) {
				kind = Kind.EEO;
			}
			else if (!isHeading && kind != Kind.REQUIREMENTS && kind != Kind.NICE_TO_HAVE
					&& (EMPLOYER_PAYS_LINE.findOnLine(lineWords.of(EMPLOYER_PAYS_WORDS, line), lineText)
							|| BENEFITS_LINE.findOnLine(lineWords.of(BENEFITS_WORDS, line), lineText))) {
				kind = Kind.BENEFITS;
			}
			boolean aboutEmployer = kind == Kind.ABOUT || (!isHeading && (kind == Kind.INTRO || kind == Kind.ROLE)
					&& (ABOUT_LINE_START.lookingAt(text, strippedStart, strippedEnd)
							|| ABOUT_LINE_ANYWHERE.findOnLine(lineWords.of(ABOUT_WORDS, line), lineText)
							|| startsWithCompany(lower, from, to, companyLower)));
			// "Our client is rolling out a 5G platform; the TPM will coordinate..." says what the role does too.
			if (aboutEmployer && kind == Kind.INTRO && !ROLE_WORDS.matcher(lineText.get()).find()) {
				kind = Kind.ABOUT;
			}
			holdsDegree |= lineWords.of(DEGREE_SLOT, line) != 0;
			lines.add(new Line(start, end, kind, isHeading, aboutEmployer, lineWords.of(LIST_END_SLOT, line) != 0));
		}
		return new Sections(lines, text, scratch, aligned, asciiFaithful, lowerText, holdsDegree);
	}

	/**
	 * A line as the rules read it, lower[from, to), and the string of it made the first time a rule asks for one:
	 * an expression that runs on the string finds what it found in that stretch of the lower-case text.
	 */
	private static final class LineText implements Supplier<String> {

		private char[] lower;

		private int from;

		private int to;

		private String string;

		void set(char[] lower, int from, int to) {
			this.lower = lower;
			this.from = from;
			this.to = to;
			this.string = null;
		}

		@Override
		public String get() {
			if (this.string == null) {
				this.string = new String(this.lower, this.from, this.to - this.from);
			}
			return this.string;
		}

	}

	/** {@link #lowerCase}: every character lowered on its own, and none non-ASCII lowered to ASCII. */
	private static final int LOWERED = 0;

	/** {@link #lowerCase}: every character lowered on its own; a Kelvin sign became "k". */
	private static final int LOWERED_TO_ASCII = 1;

	/** {@link #lowerCase}: a character lowers otherwise alone than in the text (Σ, İ, a surrogate): the copy is unfinished. */
	private static final int NOT_LOWERED = 2;

	/**
	 * Lowers the text into scratch chars[0, text.length()) as {@code toLowerCase(Locale.ROOT)} lowers it, which, but
	 * for Σ, İ and surrogates, is char by char, and with ’ as '; NOT_LOWERED for a text with one of those. ASCII
	 * letters, nearly all of a posting, take a loop without a branch.
	 */
	private static int lowerCase(String text, Scratch scratch) {
		int length = text.length();
		if (scratch.chars.length < length) {
			scratch.chars = new char[Math.max(length, 2 * scratch.chars.length)];
		}
		char[] chars = scratch.chars;
		text.getChars(0, length, chars, 0);
		int all = 0;
		for (int i = 0; i < length; i++) {
			int c = chars[i];
			all |= c;
			chars[i] = (char) (c + ((c - 'A' >= 0 && c - 'A' < 26) ? 'a' - 'A' : 0));
		}
		int lowered = LOWERED;
		if (all >= 128) {
			for (int i = 0; i < length; i++) {
				char c = chars[i];
				if (c >= 128) {
					int lower = (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) ? -1 : Character.toLowerCase((int) c);
					if (lower < 0 || lower > Character.MAX_VALUE) {
						return NOT_LOWERED;
					}
					chars[i] = (c == '’') ? '\'' : (char) lower;
					lowered = (lower < 128) ? LOWERED_TO_ASCII : lowered;
				}
			}
		}
		return lowered;
	}

	/** Where each line starts, at 0 and after each line feed, in scratch starts; how many lines there are. */
	private static int lineStarts(String text, Scratch scratch) {
		int[] starts = scratch.starts;
		int count = 1;
		for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
				scratch.starts = starts;
			}
			starts[count++] = at + 1;
		}
		return count;
	}

	/** Where {@code c} first stands in chars[from, to), or -1. */
	private static int indexOf(char[] chars, char c, int from, int to) {
		for (int at = from; at < to; at++) {
			if (chars[at] == c) {
				return at;
			}
		}
		return -1;
	}

	/** Where the line lower[from, to) starts without its leading bullets: {@code ^[#*•·▪\-–—\s]+}. */
	private static int afterBullets(char[] lower, int from, int to) {
		int at = from;
		while (at < to && ("#*•·▪-–—".indexOf(lower[at]) >= 0 || isRegexSpace(lower[at]))) {
			at++;
		}
		return at;
	}

	private static boolean startsWithCompany(char[] lower, int from, int to, String company) {
		if (company == null || !startsWith(lower, from, to, company)) {
			return false;
		}
		int after = from + company.length();
		return startsWith(lower, after, to, " is ") || startsWith(lower, after, to, " was ")
				|| startsWith(lower, after, to, " builds ") || startsWith(lower, after, to, " provides ")
				|| startsWith(lower, after, to, " helps ") || startsWith(lower, after, to, ", ");
	}

	/** Whether chars[from, to) starts with {@code prefix}. */
	private static boolean startsWith(char[] chars, int from, int to, String prefix) {
		if (to - from < prefix.length()) {
			return false;
		}
		for (int i = 0; i < prefix.length(); i++) {
			if (chars[from + i] != prefix.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The section the line opens, or null when it is not a heading. Only a line whose head starts like a heading,
	 * holds a "preferred qualifications" or ends with a colon can be one: the others are ruled out before any
	 * expression runs, and before a string is made of the line.
	 * @param colon where the first colon is in the line, counted from its start; -1 for none
	 * @param niceWords the words of {@link #NICE_QUALIFIER_HEADING} that the line holds
	 */
	private static Kind heading(LineText line, int colon, int strippedLength, long niceWords) {
		int from = line.from;
		int to = line.to;
		if (from == to || (strippedLength > MAX_HEADING && (colon < 0 || colon > 40))) {
			return null;
		}
		// The head as heading() reads it, but for trailing punctuation and white space: every match of a heading
		// pattern starts where it does.
		int headStart = from;
		int headEnd = (colon > 0) ? from + colon : to;
		while (headStart < headEnd && Character.isWhitespace(line.lower[headStart])) {
			headStart++;
		}
		if (colon != to - from - 1 && !mayOpenSection(line.lower, headStart, headEnd, niceWords)) {
			return null;
		}
		return heading(line.get(), strippedLength, niceWords);
	}

	private static boolean mayOpenSection(char[] lower, int from, int to, long niceWords) {
		return MAY_START_HEADING.test(lower, from, to) || NICE_QUALIFIER_HEADING.mayFind(niceWords);
	}

	/** The section a line opens, or null when it is not a heading. */
	private static Kind heading(String lower, int strippedLength, long niceWords) {
		if (lower.isEmpty()) {
			return null;
		}
		// "Requirements: PMP, 5 years ..." opens its section on the line itself, however long the line.
		int colon = lower.indexOf(':');
		if (strippedLength > MAX_HEADING && (colon < 0 || colon > 40)) {
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
		if (EEO_HEADING.find(head)) {
			return Kind.EEO;
		}
		if (NICE_HEADING.find(head) || NICE_QUALIFIER_HEADING.find(niceWords, head, 0, head.length())) {
			return Kind.NICE_TO_HAVE;
		}
		if (ROLE_HEADING.find(head)) {
			return Kind.ROLE;
		}
		if (REQUIREMENTS_HEADING.find(head)) {
			// "Experience with Kafka" is a list item, "Skills & experience" a heading.
			boolean shortEnough = LIST_ITEM_LOOKALIKE.matches(head) ? words(head) <= 3 : words(head) <= 6;
			if (shortEnough) {
				return Kind.REQUIREMENTS;
			}
		}
		if (BENEFITS_HEADING.find(head) && words(head) <= 6) {
			return Kind.BENEFITS;
		}
		if (ABOUT_HEADING.find(head) && words(head) <= 6) {
			return Kind.ABOUT;
		}
		// An unknown heading that speaks to the reader ("What success looks like", "Your first 90 days:") is about
		// the role; without this an about-us section would run on over the whole posting.
		if (words(head) <= 6 && !lower.endsWith(".")
				&& (colon == lower.length() - 1 || YOU_HEADING.find(head))) {
			return Kind.ROLE;
		}
		return null;
	}

	/** Whether lower[from, to) holds a character other than white space. */
	private static boolean hasTextAfter(char[] lower, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!Character.isWhitespace(lower[i])) {
				return true;
			}
		}
		return false;
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

	/**
	 * A pattern anchored with {@code ^} at the start of its input, with the texts one of which every match starts
	 * with, read from the pattern: the pattern runs only on input that starts with one of them.
	 */
	static final class AnchoredPattern {

		private final Pattern pattern;

		/** Null when the starts are not known: the pattern then runs on every input. */
		private final Starts starts;

		/** Texts such that an input that starts with one matches; null for none. */
		private final Starts sureStarts;

		AnchoredPattern(String regex) {
			this(regex, 0);
		}

		/** @param flags 0 or {@link Pattern#CASE_INSENSITIVE}, which without UNICODE_CASE folds ASCII letters only */
		AnchoredPattern(String regex, int flags) {
			this.pattern = Pattern.compile(regex, flags);
			Set<String> starts = ((flags & ~Pattern.CASE_INSENSITIVE) == 0) ? GuardedPattern.Literals.starts(regex) : null;
			this.starts = (starts != null) ? new Starts(starts, (flags & Pattern.CASE_INSENSITIVE) != 0) : null;
			Set<String> sureStarts = (flags == 0) ? GuardedPattern.Literals.sureStarts(regex) : Set.of();
			this.sureStarts = sureStarts.isEmpty() ? null : new Starts(sureStarts, false);
		}

		/** Whether a match can start at {@code from} in text[from, to), the pattern's input. */
		boolean mayStartAt(String text, int from, int to) {
			return this.starts == null || this.starts.at(text, from, to);
		}

		/** As {@link java.util.regex.Matcher#find()}, which for a match that must start at 0 is lookingAt. */
		boolean find(String text) {
			if (this.sureStarts != null && this.sureStarts.at(text, 0, text.length())) {
				return true;
			}
			if (this.starts == null) {
				return this.pattern.matcher(text).find();
			}
			return this.starts.at(text, 0, text.length()) && this.pattern.matcher(text).lookingAt();
		}

		boolean matches(String text) {
			return mayStartAt(text, 0, text.length()) && this.pattern.matcher(text).matches();
		}

		/** Whether the pattern matches at the start of text[from, to), as it would in that stretch cut out. */
		boolean lookingAt(String text, int from, int to) {
			return mayStartAt(text, from, to) && this.pattern.matcher(text).region(from, to).lookingAt();
		}

		/** Whether the starts were read from the pattern, so that it does not run on every input. */
		boolean isFiltered() {
			return this.starts != null;
		}

		Pattern pattern() {
			return this.pattern;
		}

		/** Whether a match of one of the patterns can start at {@code from} in text[from, to). */
		static Predicate mayAnyStartAt(List<AnchoredPattern> patterns) {
			if (patterns.stream().anyMatch((each) -> each.starts == null)) {
				return (text, from, to) -> true;
			}
			Set<String> starts = new LinkedHashSet<>();
			patterns.forEach((each) -> starts.addAll(each.starts.all));
			Starts any = new Starts(starts, patterns.stream().anyMatch((each) -> each.starts.ignoreCase));
			return any::at;
		}

		interface Predicate {

			boolean test(char[] text, int from, int to);

		}

	}

	/**
	 * Texts one of which an input must start with, looked up by the input's first character. They are kept one
	 * after another in one array, which stays in the cache better than as many strings.
	 */
	private static final class Starts {

		/** The group of other characters than ASCII ones. */
		private static final int OTHERS = 128;

		private final Set<String> all;

		private final boolean ignoreCase;

		/** Where each group's starts are in {@link #offsets}: an ASCII character's at [c, c + 1), the others' last. */
		private final int[] groups = new int[OTHERS + 2];

		/** Where each start begins in {@link #chars}, and one more for where the last ends. */
		private final int[] offsets;

		private final char[] chars;

		Starts(Set<String> starts, boolean ignoreCase) {
			this.all = starts;
			this.ignoreCase = ignoreCase;
			// A start that begins with another start adds nothing: the input starts with the shorter one too.
			List<String> minimal = starts.stream()
				.filter((start) -> starts.stream().noneMatch((other) -> !other.equals(start) && start.startsWith(other)))
				.toList();
			List<List<String>> groups = new ArrayList<>();
			for (int group = 0; group <= OTHERS; group++) {
				groups.add(new ArrayList<>());
			}
			for (String start : minimal) {
				char first = start.charAt(0);
				if (first >= OTHERS) {
					groups.get(OTHERS).add(start);
				}
				else if (ignoreCase && isAsciiLetter(first)) {
					groups.get(first | 0x20).add(start);
					groups.get(first & ~0x20).add(start);
				}
				else {
					groups.get(first).add(start);
				}
			}
			StringBuilder chars = new StringBuilder();
			List<Integer> offsets = new ArrayList<>();
			for (int group = 0; group <= OTHERS; group++) {
				this.groups[group] = offsets.size();
				for (String start : groups.get(group)) {
					offsets.add(chars.length());
					chars.append(start);
				}
			}
			this.groups[OTHERS + 1] = offsets.size();
			offsets.add(chars.length());
			this.offsets = offsets.stream().mapToInt(Integer::intValue).toArray();
			this.chars = chars.toString().toCharArray();
		}

		/** Whether text[from, to) starts with one of the starts, ignoring the case of ASCII letters if asked. */
		boolean at(String text, int from, int to) {
			if (from >= to) {
				return false;
			}
			char first = text.charAt(from);
			int group = (first < OTHERS) ? first : OTHERS;
			for (int start = this.groups[group], last = this.groups[group + 1]; start < last; start++) {
				int offset = this.offsets[start];
				int length = this.offsets[start + 1] - offset;
				if (length > to - from || (group == OTHERS && first != this.chars[offset])) {
					continue;
				}
				int i = 1;
				while (i < length && same(text.charAt(from + i), this.chars[offset + i])) {
					i++;
				}
				if (i == length) {
					return true;
				}
			}
			return false;
		}

		/** {@link #at(String, int, int)} on text[from, to) of an array. */
		boolean at(char[] text, int from, int to) {
			if (from >= to) {
				return false;
			}
			char first = text[from];
			int group = (first < OTHERS) ? first : OTHERS;
			for (int start = this.groups[group], last = this.groups[group + 1]; start < last; start++) {
				int offset = this.offsets[start];
				int length = this.offsets[start + 1] - offset;
				if (length > to - from || (group == OTHERS && first != this.chars[offset])) {
					continue;
				}
				int i = 1;
				while (i < length && same(text[from + i], this.chars[offset + i])) {
					i++;
				}
				if (i == length) {
					return true;
				}
			}
			return false;
		}

		/** As the pattern compares a character: with CASE_INSENSITIVE and without UNICODE_CASE, ASCII letters only. */
		private boolean same(char text, char start) {
			return text == start || (this.ignoreCase && isAsciiLetter(start) && (text | 0x20) == (start | 0x20));
		}

		private static boolean isAsciiLetter(char c) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		}

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

	/**
	 * The whole text in lower case, as {@code toLowerCase(Locale.ROOT)} gives it (its length may differ where a
	 * letter lower-cases to two), made when first asked for: most postings need none.
	 */
	String lower() {
		if (this.lower == null) {
			assert this.scratch.owner == this : "read after the next posting on the thread";
			// The folded copy is the lower-case text but for ’, which it reads as ': far cheaper than lowering again.
			if (this.text.indexOf('’') < 0) {
				this.lower = new String(this.folded, 0, this.text.length());
			}
			else {
				char[] chars = Arrays.copyOf(this.folded, this.text.length());
				for (int i = 0; i < chars.length; i++) {
					chars[i] = (this.text.charAt(i) == '’') ? '’' : chars[i];
				}
				this.lower = new String(chars);
			}
		}
		return this.lower;
	}

	/** Whether {@link #lower()} is as long as the text, so that its offsets are the text's. */
	boolean lowerLinesUp() {
		return this.lowerLinesUp;
	}

	/** Whether the text holds "degree" in any case: {@code lower().contains("degree")}. */
	boolean holdsDegree() {
		return this.holdsDegree;
	}

	/**
	 * The text with its letters lowered and ’ as ', in [0, text.length()) of the array, when it lines up with the
	 * text; null otherwise. Its ASCII characters are the text's ASCII ones (lowered), and no other: a non-ASCII
	 * letter lowered to ASCII (the Kelvin sign to "k") gives null. The array is the thread's, valid until the next
	 * posting read on it.
	 */
	char[] asciiFolded() {
		assert this.scratch.owner == this : "read after the next posting on the thread";
		return this.asciiFaithful ? this.folded : null;
	}

	/**
	 * The text with its letters lowered and ’ as ', in [0, text.length()) of the array, when it lines up with the
	 * text; null otherwise. The array is the thread's, valid until the next posting read on it.
	 */
	char[] folded() {
		assert this.scratch.owner == this : "read after the next posting on the thread";
		return this.folded;
	}

	List<Line> lines() {
		return this.lines;
	}

}
