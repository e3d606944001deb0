package dev.tpmalerts.matcher.classify;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides the role from the title and the body together: the title names the family (program, project,
 * product), the body says whether a program is technical, and "PM" as a time of day is not a job.
 */
final class RoleClassifier {

	static final String TPM = "technical-program-manager";

	static final String PROGRAM = "program-manager";

	static final String PROJECT = "project-manager";

	static final String PRODUCT = "product-manager";

	static final String OTHER = "other";

	private static final Pattern TPM_TITLE = Pattern.compile(
			"\\b(technical|engineering|technology|software|hardware|infrastructure|platform|silicon|it) program(me)?s? (manag|lead|director|owner)|\\btpm\\b|\\b(director|head|manager|lead|vp)\\b.*\\b(technical|engineering) programs?\\b");

	/** Who supports managers without being one: "Program Coordinator, Engineering Programs" (eval guidelines: other). */
	private static final Pattern SUPPORT_TITLE = Pattern.compile("\\b(coordinator|assistant|administrator|analyst|specialist|scheduler|associate)\\b");

	private static final Pattern MANAGING_TITLE = Pattern.compile("\\b(manager|director|lead|head|owner|tpm|vp)\\b");

	private static final Pattern PRODUCT_TITLE = Pattern.compile("\\bproduct (manager|owner|lead|management)\\b");

	private static final Pattern PROGRAM_TITLE = Pattern.compile("\\bprogram(me)?s? (manager|management|lead|director)\\b");

	// A coordinator supports managers (eval guidelines: "other"); a PMO lead runs projects.
	private static final Pattern PROJECT_TITLE = Pattern
		.compile("\\bprojects? (manager|management|lead|director|delivery manager)\\b|\\bpmo (lead|manager|director)\\b");

	private static final Pattern PM_SHIFT = Pattern.compile("\\b(pm|am)\\s*(shift|to|-|–)?\\s*(shift|to|nights?|evenings?)\\b|\\d\\s*pm\\b|\\b(am|night|evening|day)\\s*/\\s*pm\\b|\\bpm\\s*/\\s*(am|night)\\b");

	private static final Pattern PM_TITLE = Pattern.compile("\\bpm\\b");

	/** Engineering named anywhere in a program manager's title: "Program Manager, Cloud Platform Engineering". */
	private static final Pattern ENGINEERING_IN_TITLE = Pattern.compile(
			"\\b(engineering|software|hardware|firmware|silicon|infrastructure|cloud|platform|network|systems engineering|r&d)\\b");

	/** A title for several openings names the role in the plural: "Construction Project Managers (PM)". */
	private static final Pattern PLURAL_ROLE = Pattern.compile("\\b(manager|director|lead|owner|tpm|pm)s\\b");

	/**
	 * The phrases that say a body is about a product. Counted as the expression {@code product vision|product
	 * strategy|...|\bprds?\b|...} would count them: left to right, a match never overlapping the one before.
	 */
	private static final Phrase[] PRODUCT_BODY = { Phrase.of("product vision"), Phrase.of("product strategy"),
			Phrase.of("product requirements"), Phrase.word("prd", "\\bprds?\\b"), Phrase.of("customer discovery"),
			Phrase.of("user research"), Phrase.of("product roadmap"), Phrase.of("go-to-market"),
			Phrase.of("product-market fit") };

	/** The phrases that say a body is about running programs, counted likewise. */
	private static final Phrase[] PROGRAM_BODY = { Phrase.plural("cross-functional program"), Phrase.plural("program plan"),
			Phrase.of("dependencies"), Phrase.of("milestones"), Phrase.of("program execution"),
			Phrase.of("release planning"), Phrase.of("risks and"), Phrase.of("launch readiness"),
			Phrase.of("program status") };

	private RoleClassifier() {
	}

	/**
	 * @param lowerBody the body in lower case
	 * @param technicalSignals how many technical domains the body mentions
	 */
	static String classify(String title, String lowerBody, int technicalSignals) {
		return classify(title, () -> lowerBody, technicalSignals);
	}

	/**
	 * @param lowerBody gives the body in lower case, asked for only when the title does not decide the role alone
	 * @param technicalSignals how many technical domains the body mentions
	 */
	static String classify(String title, Supplier<String> lowerBody, int technicalSignals) {
		String t = PLURAL_ROLE.matcher(title.toLowerCase(Locale.ROOT)).replaceAll("$1");
		Body b = new Body(lowerBody);
		if (finds(SUPPORT_TITLE, t, "coordinator", "assistant", "administrator", "analyst", "specialist", "scheduler", "associate")
				&& !MANAGING_TITLE.matcher(t).find()) {
			return OTHER;
		}
		if (finds(TPM_TITLE, t, "program", "tpm")) {
			return (b.product() >= 3 && b.program() < 2) ? PRODUCT : TPM;
		}
		if (finds(PRODUCT_TITLE, t, "product ")) {
			return PRODUCT;
		}
		if (finds(PROGRAM_TITLE, t, "program")) {
			// "Senior Program Manager – Engineering": the title names the engineering the programs deliver.
			boolean technical = (ENGINEERING_IN_TITLE.matcher(t).find() && technicalSignals >= 1)
					|| (technicalSignals >= 2 && (b.lower().contains("engineering") || b.lower().contains("software")
							|| b.lower().contains("technical") || b.lower().contains("infrastructure")));
			return technical ? TPM : PROGRAM;
		}
		if (finds(PROJECT_TITLE, t, "project", "pmo ")) {
			return PROJECT;
		}
		// "PM, Checkout" is a manager whose body says which kind; "Nurse - PM Shift" is a time of day.
		if (finds(PM_TITLE, t, "pm") && !PM_SHIFT.matcher(t).find()) {
			if (b.product() >= 2 && b.product() > b.program()) {
				return PRODUCT;
			}
			if (b.program() >= 2) {
				return (technicalSignals >= 2) ? TPM : PROGRAM;
			}
		}
		return OTHER;
	}

	/**
	 * Whether the expression finds a match in the lower-case title, where every match holds one of the words: most
	 * titles hold none, and are ruled out without running the expression. Keep the words in step with it.
	 */
	private static boolean finds(Pattern pattern, String title, String... words) {
		for (String word : words) {
			if (title.contains(word)) {
				return pattern.matcher(title).find();
			}
		}
		return false;
	}

	/**
	 * The body's counts of product and program phrases, each worked out once and only when a rule asks: most titles
	 * decide the role without the body.
	 */
	private static final class Body {

		private final Supplier<String> lowerBody;

		private String lower;

		private int product = -1;

		private int program = -1;

		Body(Supplier<String> lowerBody) {
			this.lowerBody = lowerBody;
		}

		String lower() {
			if (this.lower == null) {
				this.lower = this.lowerBody.get();
			}
			return this.lower;
		}

		int product() {
			if (this.product < 0) {
				this.product = productPhrases(lower());
			}
			return this.product;
		}

		int program() {
			if (this.program < 0) {
				this.program = programPhrases(lower());
			}
			return this.program;
		}

	}

	/** How many product phrases the lower-case body holds. */
	static int productPhrases(String lowerBody) {
		return count(PRODUCT_BODY, lowerBody);
	}

	/** How many program phrases the lower-case body holds. */
	static int programPhrases(String lowerBody) {
		return count(PROGRAM_BODY, lowerBody);
	}

	/**
	 * Counts the phrases as a search for their alternation would: the leftmost match, on a tie the phrase listed
	 * first, then the next match from where that one ends ("cross-functional program plans" is one phrase, not two).
	 * Each phrase is looked for with {@link String#indexOf}, much faster than an expression tried at every offset.
	 */
	private static int count(Phrase[] phrases, String text) {
		int[] starts = new int[phrases.length];
		int[] ends = new int[phrases.length];
		for (int i = 0; i < phrases.length; i++) {
			phrases[i].next(text, 0, starts, ends, i);
		}
		int count = 0;
		while (true) {
			int first = -1;
			for (int i = 0; i < phrases.length; i++) {
				if (starts[i] >= 0 && (first < 0 || starts[i] < starts[first])) {
					first = i;
				}
			}
			if (first < 0) {
				return count;
			}
			count++;
			int from = ends[first];
			for (int i = 0; i < phrases.length; i++) {
				if (starts[i] >= 0 && starts[i] < from) {
					phrases[i].next(text, from, starts, ends, i);
				}
			}
		}
	}

	/**
	 * A phrase of the body rules: its text, whether an "s" right after it belongs to it ("programs?"), and for a
	 * short one that must stand as a word, the expression that checks it where the text is found.
	 */
	private record Phrase(String text, boolean plural, Pattern word) {

		static Phrase of(String text) {
			return new Phrase(text, false, null);
		}

		static Phrase plural(String text) {
			return new Phrase(text, true, null);
		}

		static Phrase word(String text, String expression) {
			return new Phrase(text, false, Pattern.compile(expression));
		}

		/** Puts where this phrase next matches at or after {@code from}, and where it ends, at {@code index}; -1 if nowhere. */
		void next(String text, int from, int[] starts, int[] ends, int index) {
			int at = text.indexOf(this.text, from);
			while (at >= 0) {
				int end = endAt(text, at);
				if (end >= 0) {
					starts[index] = at;
					ends[index] = end;
					return;
				}
				at = text.indexOf(this.text, at + 1);
			}
			starts[index] = -1;
		}

		/** Where the phrase found at {@code at} ends, or -1 when it is not a match there. */
		private int endAt(String text, int at) {
			int end = at + this.text.length();
			if (this.word != null) {
				// Transparent bounds: the word boundary sees the text before the offset, as a search of the whole text does.
				Matcher matcher = this.word.matcher(text).region(at, text.length()).useTransparentBounds(true);
				return matcher.lookingAt() ? matcher.end() : -1;
			}
			return (this.plural && end < text.length() && text.charAt(end) == 's') ? end + 1 : end;
		}

	}

}
