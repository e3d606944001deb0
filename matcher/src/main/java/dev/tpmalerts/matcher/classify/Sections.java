package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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

	/** The words of every guarded pattern, looked up in one pass over a posting. */
	static final GuardedPattern.Scanner LINE_WORDS = GuardedPattern.scanner(EEO_LINE, EMPLOYER_PAYS_LINE,
			BENEFITS_LINE, ABOUT_LINE_ANYWHERE, NICE_QUALIFIER_HEADING);

	private static final int EEO_WORDS = LINE_WORDS.slot(EEO_LINE);

	private static final int EMPLOYER_PAYS_WORDS = LINE_WORDS.slot(EMPLOYER_PAYS_LINE);

	private static final int BENEFITS_WORDS = LINE_WORDS.slot(BENEFITS_LINE);

	private static final int ABOUT_WORDS = LINE_WORDS.slot(ABOUT_LINE_ANYWHERE);

	private static final int NICE_QUALIFIER_WORDS = LINE_WORDS.slot(NICE_QUALIFIER_HEADING);

	private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[!?.:]+$");

	static final AnchoredPattern LIST_ITEM_LOOKALIKE = new AnchoredPattern("^(experience|skills|knowledge|education|certifications?)\\b.*");

	private final List<Line> lines;

	private final String lower;

	private Sections(List<Line> lines, String lower) {
		this.lines = lines;
		this.lower = lower;
	}

	/** One line of the text: its offsets, its section and whether it is a heading. */
	record Line(int start, int end, Kind kind, boolean heading, boolean aboutEmployer) {

	}

	/**
	 * The rules read each line stripped, lower-cased, without its leading bullets and with ’ as '. Most lines are
	 * ruled out by a look at their first letters and at the words found on them, so a line is read in place, as a
	 * stretch of one lower-case copy of the text, and no string is made for it unless a rule must run on it.
	 */
	static Sections of(String text, String company) {
		String companyLower = (company == null || company.isBlank()) ? null : company.strip().toLowerCase(Locale.ROOT);
		int[] starts = lineStarts(text);
		char[] chars = lowerCase(text);
		String lowerText = (chars != null) ? new String(chars) : text.toLowerCase(Locale.ROOT);
		// The lower-case text lines up with the text char for char unless a letter lower-cases to two, or a Σ, whose
		// lower case depends on the letters around it, may read otherwise in the line alone: then each line is
		// lower-cased on its own.
		boolean aligned = lowerText.length() == text.length() && text.indexOf('\u03A3') < 0;
		String folded = null;
		GuardedPattern.LineWords words = null;
		if (aligned) {
			chars = (chars != null) ? chars : lowerText.toCharArray();
			folded = lowerText;
			if (lowerText.indexOf('’') >= 0) {
				for (int i = 0; i < chars.length; i++) {
					chars[i] = (chars[i] == '’') ? '\'' : chars[i];
				}
				folded = new String(chars);
			}
			words = LINE_WORDS.wordsByLine(chars, starts);
		}
		// The first colon at or after the line read last (in folded, a search of the rest of the text that the lines
		// after it take up where it left off), MAX_VALUE when there is none.
		int colon = -1;
		List<Line> lines = new ArrayList<>(starts.length);
		Kind current = Kind.INTRO;
		for (int index = 0; index < starts.length; index++) {
			int start = starts[index];
			int end = (index + 1 < starts.length) ? starts[index + 1] - 1 : text.length();
			int strippedStart = start;
			while (strippedStart < end && Character.isWhitespace(text.charAt(strippedStart))) {
				strippedStart++;
			}
			int strippedEnd = end;
			while (strippedEnd > strippedStart && Character.isWhitespace(text.charAt(strippedEnd - 1))) {
				strippedEnd--;
			}
			// The line as the rules read it: lower between from and to.
			String lower;
			int to;
			GuardedPattern.LineWords lineWords;
			int line;
			if (aligned) {
				lower = folded;
				to = strippedEnd;
				lineWords = words;
				line = index;
			}
			else {
				lower = text.substring(strippedStart, strippedEnd).toLowerCase(Locale.ROOT).replace('’', '\'');
				to = lower.length();
				lineWords = LINE_WORDS.wordsByLine(lower.toCharArray(), new int[] { 0 });
				line = 0;
			}
			int from = afterBullets(lower, aligned ? strippedStart : 0, to);
			if (!aligned || (colon < from && colon != Integer.MAX_VALUE)) {
				colon = lower.indexOf(':', from);
				colon = (colon < 0) ? Integer.MAX_VALUE : colon;
			}
			Kind heading = heading(lower, from, to, (colon < to) ? colon - from : -1, strippedEnd - strippedStart,
					lineWords.of(NICE_QUALIFIER_WORDS, line));
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
			if (EEO_LINE.findOnLine(lineWords.of(EEO_WORDS, line), lower, from, to)) {
				kind = Kind.EEO;
			}
			else if (!isHeading && kind != Kind.REQUIREMENTS && kind != Kind.NICE_TO_HAVE
					&& (EMPLOYER_PAYS_LINE.findOnLine(lineWords.of(EMPLOYER_PAYS_WORDS, line), lower, from, to)
							|| BENEFITS_LINE.findOnLine(lineWords.of(BENEFITS_WORDS, line), lower, from, to))) {
				kind = Kind.BENEFITS;
			}
			boolean aboutEmployer = kind == Kind.ABOUT || (!isHeading && (kind == Kind.INTRO || kind == Kind.ROLE)
					&& (ABOUT_LINE_START.lookingAt(text, strippedStart, strippedEnd)
							|| ABOUT_LINE_ANYWHERE.findOnLine(lineWords.of(ABOUT_WORDS, line), lower, from, to)
							|| startsWithCompany(lower, from, to, companyLower)));
			// "Our client is rolling out a 5G platform; the TPM will coordinate..." says what the role does too.
			if (aboutEmployer && kind == Kind.INTRO && !ROLE_WORDS.matcher(lower).region(from, to).find()) {
				kind = Kind.ABOUT;
			}
			lines.add(new Line(start, end, kind, isHeading, aboutEmployer));
		}
		return new Sections(lines, lowerText);
	}

	/**
	 * The text as {@code toLowerCase(Locale.ROOT)} lower-cases it, which, but for Σ, İ and surrogates, is char by
	 * char; null for a text with one of those. ASCII letters, nearly all of a posting, take a loop without a branch.
	 */
	private static char[] lowerCase(String text) {
		char[] chars = text.toCharArray();
		int all = 0;
		for (int i = 0; i < chars.length; i++) {
			int c = chars[i];
			all |= c;
			chars[i] = (char) (c + ((c - 'A' >= 0 && c - 'A' < 26) ? 'a' - 'A' : 0));
		}
		if (all >= 128) {
			for (int i = 0; i < chars.length; i++) {
				char c = chars[i];
				if (c >= 128) {
					int lower = (c == '\u03A3' || c == '\u0130' || Character.isSurrogate(c)) ? -1 : Character.toLowerCase((int) c);
					if (lower < 0 || lower > Character.MAX_VALUE) {
						return null;
					}
					chars[i] = (char) lower;
				}
			}
		}
		return chars;
	}

	/** Where each line starts: at 0 and after each line feed. */
	private static int[] lineStarts(String text) {
		int[] starts = new int[64];
		int count = 1;
		for (int at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
			if (count == starts.length) {
				starts = Arrays.copyOf(starts, count * 2);
			}
			starts[count++] = at + 1;
		}
		return Arrays.copyOf(starts, count);
	}

	/** Where the line lower[from, to) starts without its leading bullets: {@code ^[#*•·▪\-–—\s]+}. */
	private static int afterBullets(String lower, int from, int to) {
		int at = from;
		while (at < to && ("#*•·▪-–—".indexOf(lower.charAt(at)) >= 0 || isRegexSpace(lower.charAt(at)))) {
			at++;
		}
		return at;
	}

	private static boolean startsWithCompany(String lower, int from, int to, String company) {
		if (company == null || !startsWith(lower, from, to, company)) {
			return false;
		}
		int after = from + company.length();
		return startsWith(lower, after, to, " is ") || startsWith(lower, after, to, " was ")
				|| startsWith(lower, after, to, " builds ") || startsWith(lower, after, to, " provides ")
				|| startsWith(lower, after, to, " helps ") || startsWith(lower, after, to, ", ");
	}

	/** Whether text[from, to) starts with {@code prefix}. */
	private static boolean startsWith(String text, int from, int to, String prefix) {
		return to - from >= prefix.length() && text.startsWith(prefix, from);
	}

	/**
	 * The section the line lower[from, to) opens, or null when it is not a heading. Only a line whose head starts
	 * like a heading, holds a "preferred qualifications" or ends with a colon can be one: the others are ruled out
	 * before any expression runs.
	 * @param colon where the first colon is in lower[from, to), counted from {@code from}; -1 for none
	 * @param niceWords the words of {@link #NICE_QUALIFIER_HEADING} that the line holds
	 */
	private static Kind heading(String lower, int from, int to, int colon, int strippedLength, long niceWords) {
		if (from == to || (strippedLength > MAX_HEADING && (colon < 0 || colon > 40))) {
			return null;
		}
		// The head as heading() reads it, but for trailing punctuation and white space: every match of a heading
		// pattern starts where it does.
		int headStart = from;
		int headEnd = (colon > 0) ? from + colon : to;
		while (headStart < headEnd && Character.isWhitespace(lower.charAt(headStart))) {
			headStart++;
		}
		if (colon != to - from - 1 && !mayOpenSection(lower, headStart, headEnd, niceWords)) {
			return null;
		}
		return heading(lower.substring(from, to), strippedLength, niceWords);
	}

	private static boolean mayOpenSection(String lower, int from, int to, long niceWords) {
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

			boolean test(String text, int from, int to);

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

	/** The whole text in lower case (its length may differ where a letter lower-cases to two). */
	String lower() {
		return this.lower;
	}

	List<Line> lines() {
		return this.lines;
	}

}
