package dev.tpmalerts.ingest.normalize;

import java.util.Locale;
import java.util.regex.Pattern;

/** Cleans job titles and reads the seniority they state. */
public final class Titles {

	private static final Pattern DIRECTOR = Pattern.compile("\\b(director|head of|vp|vice president)\\b");

	private static final Pattern STAFF = Pattern.compile("\\b(staff|principal|distinguished|lead)\\b");

	private static final Pattern SENIOR = Pattern.compile("\\b(senior|sr\\.?|snr|iii|3)\\b");

	private static final Pattern ENTRY = Pattern.compile("\\b(junior|jr\\.?|entry[- ]level|associate|intern|graduate|i|1)\\b");

	private static final Pattern MANAGER_OF_MANAGERS = Pattern.compile("\\b(manager|head),? (of )?(technical )?program management\\b");

	private Titles() {
	}

	/** Collapses white space and drops decorations such as "(m/f/d)" and "- Job Opening". */
	public static String clean(String title) {
		String cleaned = title.replaceAll("\\s+", " ")
			.replaceAll("(?i)\\s*[\\(\\[](m/f/d|m/w/d|f/m/d|h/f)[\\)\\]]", "")
			.replaceAll("(?i)\\s*[-|–]\\s*(job opening|apply now|new)$", "")
			.strip();
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
