package dev.tpmalerts.ingest.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cleans job titles and reads the seniority they state. */
public final class Titles {

	private static final Pattern DIRECTOR = Pattern.compile("\\b(director|head of|vp|vice president)\\b");

	// Level words count only as levels: "Lead TPM" is a level, "Lead Generation" a subject; a numeral only
	// right after the role ("TPM III", "Program Manager 2"), never in the subject ("I/O", "Gen 3", "Tier 1").
	private static final String ROLE = "(?:manager|tpm|pm|lead)";

	private static final Pattern STAFF = Pattern.compile("\\b(staff|principal|distinguished)\\b"
			+ "|\\blead (technical |engineering )?(program|project|tpm)|\\b(tpm|program manager),? lead(?=$|,|\\s*[-–(])");

	private static final Pattern SENIOR = Pattern
		.compile("\\b(senior|sr\\.?|snr)(?=\\W|$)|\\b" + ROLE + "\\s+(iii|iv|v|3|4|5)\\b(?![/.-]\\w)");

	private static final Pattern ENTRY = Pattern.compile(
			"\\b(junior|jr\\.?|entry[- ]level|associate|intern|graduate)\\b|\\b" + ROLE + "\\s+(i|1)\\b(?![/.-]\\w)");

	/**
	 * "Manager, Technical Program Management", "Manager, System Hardware TPM", "TPM Manager", "Manager of Program
	 * Managers": one who manages program or project managers.
	 */
	private static final Pattern MANAGER_OF_MANAGERS = Pattern.compile("\\b(manager|head),? (of )?(technical )?program management\\b"
			+ "|^([\\w&/]+ [-–|:] )?(senior |sr\\.? )?manager,? (of )?([\\w&/-]+ ){0,3}(tpms?|tpgms?|program managers?|project managers?"
			+ "|project management office|program management office|pmo)\\b"
			+ "|\\b(tpm|tpgm|program manager|project manager),? manager\\b");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private static final Pattern GENDER = Pattern.compile("(?i)\\s*[\\(\\[](m/f/d|m/w/d|f/m/d|h/f)[\\)\\]]");

	private static final Pattern DECORATION = Pattern.compile("(?i)\\s*[-|–]\\s*(job opening|apply now|new)$");

	private Titles() {
	}

	/** Collapses white space and drops decorations such as "(m/f/d)" and "- Job Opening". */
	public static String clean(String title) {
		String cleaned = WHITESPACE.matcher(title).replaceAll(" ");
		cleaned = GENDER.matcher(cleaned).replaceAll("");
		cleaned = DECORATION.matcher(cleaned).replaceAll("").strip();
		return cleaned;
	}

	/** One of entry, mid, senior, staff, manager, director. */
	public static String seniority(String title) {
		String lower = title.toLowerCase(Locale.ROOT);
		if (DIRECTOR.matcher(lower).find()) {
			return "director";
		}
		if (MANAGER_OF_MANAGERS.matcher(lower).find()) {
			return "manager";
		}
		if (STAFF.matcher(lower).find()) {
			return "staff";
		}
		if (SENIOR.matcher(lower).find()) {
			return "senior";
		}
		if (ENTRY.matcher(lower).find()) {
			return "entry";
		}
		return "mid";
	}

}
