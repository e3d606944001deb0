package dev.tpmalerts.matcher.classify;

import java.util.Locale;
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

	// The lookaheads let the search skip, at a glance, the positions where no phrase can start.
	private static final Pattern PRODUCT_BODY = Pattern.compile(
			"(?=[pcug])(?:product vision|product strategy|product requirements|\\bprds?\\b|customer discovery|user research|product roadmap|go-to-market|product-market fit)");

	private static final Pattern PROGRAM_BODY = Pattern.compile(
			"(?=[cpdmrl])(?:cross-functional programs?|program plans?|dependencies|milestones|program execution|release planning|risks and|launch readiness|program status)");

	private RoleClassifier() {
	}

	/**
	 * @param lowerBody the body in lower case
	 * @param technicalSignals how many technical domains the body mentions
	 */
	static String classify(String title, String lowerBody, int technicalSignals) {
		String t = title.toLowerCase(Locale.ROOT);
		Body b = new Body(lowerBody);
		if (SUPPORT_TITLE.matcher(t).find() && !MANAGING_TITLE.matcher(t).find()) {
			return OTHER;
		}
		if (TPM_TITLE.matcher(t).find()) {
			return (b.product() >= 3 && b.program() < 2) ? PRODUCT : TPM;
		}
		if (PRODUCT_TITLE.matcher(t).find()) {
			return PRODUCT;
		}
		if (PROGRAM_TITLE.matcher(t).find()) {
			boolean technical = technicalSignals >= 2 && (b.lower().contains("engineering") || b.lower().contains("software")
					|| b.lower().contains("technical") || b.lower().contains("infrastructure"));
			return technical ? TPM : PROGRAM;
		}
		if (PROJECT_TITLE.matcher(t).find()) {
			return PROJECT;
		}
		// "PM, Checkout" is a manager whose body says which kind; "Nurse - PM Shift" is a time of day.
		if (PM_TITLE.matcher(t).find() && !PM_SHIFT.matcher(t).find()) {
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
	 * The body's counts of product and program phrases, each worked out once and only when a rule asks: most titles
	 * decide the role without the body.
	 */
	private static final class Body {

		private final String lower;

		private int product = -1;

		private int program = -1;

		Body(String lower) {
			this.lower = lower;
		}

		String lower() {
			return this.lower;
		}

		int product() {
			if (this.product < 0) {
				this.product = count(PRODUCT_BODY, lower());
			}
			return this.product;
		}

		int program() {
			if (this.program < 0) {
				this.program = count(PROGRAM_BODY, lower());
			}
			return this.program;
		}

	}

	private static int count(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

}
