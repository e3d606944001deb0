package dev.tpmalerts.ingest.normalize;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tpmalerts.shared.Workplace;

/**
 * Reads remote/hybrid/onsite, structured statements first. In text, "remote" must be said of the job: a
 * location bucket such as "US, TX, Remote" alone, or a perk like "work from anywhere for a month", is not
 * enough.
 */
public final class WorkplaceDetector {

	private static final String DAYS = "(?:\\d|one|two|three|four)(?:\\s*(?:-|to|or)\\s*(?:\\d|two|three|four))?\\s*(?:days?|x)";

	private static final Pattern HYBRID = Pattern.compile("\\bhybrid\\b"
			+ "|\\b" + DAYS + "\\s*(?:a|per|/|each)\\s*week\\s+(?:in|at|from)\\s+(?:the|our|an?)\\s+(?:[\\w-]+\\s+){0,3}(?:office|hub|campus|site)"
			+ "|\\bwork from home (?:up to )?" + DAYS + "\\s*(?:a|per|/|each)\\s*week");

	private static final Pattern REMOTE = Pattern.compile(
			"\\b(?:fully|100%|completely)\\s+remote\\b|\\bremote[- ](?:role|position|job|opportunity)\\b"
					+ "|\\bthis (?:role|position|job) is remote\\b|\\bwork from (?:home|anywhere)\\b(?! for)"
					+ "|\\bremote\\s*\\((?:us|usa|uk|eu|emea|canada|global|worldwide|anywhere)[^)]*\\)"
					+ "|\\bremote (?:in|within|across) (?:the )?(?:us|usa|united states|uk|canada|europe)\\b");

	private static final Pattern ONSITE = Pattern.compile(
			"\\bon[- ]?site\\b|\\bin[- ]office\\b|\\bin[- ]person\\b|\\bthis (?:role|position) is not remote\\b");

	private static final Pattern PERK = Pattern.compile("work from anywhere for (?:a|up to|\\d+)");

	private WorkplaceDetector() {
	}

	public record Detected(Workplace workplace, String evidence) {

	}

	/** @param hint a structured statement (JSON-LD jobLocationType, ATS workplaceType), may be null */
	public static Detected detect(String hint, String locationText, String text) {
		if (hint != null && !hint.isBlank()) {
			String lower = hint.toLowerCase(Locale.ROOT);
			if (lower.contains("telecommute") || lower.contains("remote")) {
				return new Detected(Workplace.REMOTE, hint);
			}
			if (lower.contains("hybrid")) {
				return new Detected(Workplace.HYBRID, hint);
			}
			if (lower.contains("onsite") || lower.contains("on-site") || lower.contains("in office")) {
				return new Detected(Workplace.ONSITE, hint);
			}
		}
		String body = (text == null) ? "" : text.toLowerCase(Locale.ROOT);
		String cleaned = body.contains("anywhere") ? PERK.matcher(body).replaceAll(" ") : body;
		Detected fromBody = firstOf(cleaned);
		if (fromBody != null) {
			return fromBody;
		}
		if (locationText != null) {
			String location = locationText.toLowerCase(Locale.ROOT).strip();
			// A location that is only "Remote" or "Remote - US" states the job; "US, TX, Remote" is a bucket.
			if (location.matches("^(?:remote|anywhere)(?:\\s*[-–(,:]\\s*[a-z .]+\\)?)?$")) {
				return new Detected(Workplace.REMOTE, locationText);
			}
			if (location.contains("hybrid")) {
				return new Detected(Workplace.HYBRID, locationText);
			}
		}
		return new Detected(Workplace.UNKNOWN, null);
	}

	private static Detected firstOf(String body) {
		// Hybrid wins: a hybrid job usually mentions both its office days and its remote days. The contains()
		// checks skip the regular expressions, the costly part, for texts that cannot match them.
		if (body.contains("hybrid") || body.contains("week")) {
			Matcher hybrid = HYBRID.matcher(body);
			if (hybrid.find()) {
				return new Detected(Workplace.HYBRID, excerpt(body, hybrid.start(), hybrid.end()));
			}
		}
		Matcher remote = REMOTE.matcher(body);
		Matcher onsite = ONSITE.matcher(body);
		boolean isRemote = (body.contains("remote") || body.contains("work from")) && remote.find();
		boolean isOnsite = (body.contains("site") || body.contains("office") || body.contains("person")
				|| body.contains("not remote")) && onsite.find();
		if (isRemote && (!isOnsite || remote.start() <= onsite.start())) {
			return new Detected(Workplace.REMOTE, excerpt(body, remote.start(), remote.end()));
		}
		if (isOnsite) {
			return new Detected(Workplace.ONSITE, excerpt(body, onsite.start(), onsite.end()));
		}
		return null;
	}

	private static String excerpt(String text, int start, int end) {
		return text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30)).strip();
	}

}
