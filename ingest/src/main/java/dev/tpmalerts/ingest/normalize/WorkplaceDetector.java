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

	private static final String DAYS = "(?:[1-4]|one|two|three|four)(?:\\s*(?:-|to|or)\\s*(?:[1-4]|two|three|four))?\\s*(?:days?|x)";

	/** One to four office days a week is hybrid; five is on-site. */
	private static final String PART_WEEK = "(?:[1-4]|one|two|three|four)(?:\\s*(?:-|to|or)\\s*(?:[1-4]|two|three|four))?\\s*(?:days?|x)\\s*(?:a|per|/|each)\\s*week";

	private static final String WEEKDAY = "(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)";

	/** "Hybrid cloud", "a hybrid waterfall and agile method", "hybrid/multi-cloud": not a way of working. */
	private static final String HYBRID_OF_SOMETHING_ELSE = "(?![/-]\\s*(?:cloud|multi|on[- ]?prem))(?!\\s+(?:on[- ]?prem\\w*|cloud|multi-cloud"
			+ "|waterfall|agile|scrum|kanban|project|delivery|methods?|methodolog\\w*|approach|vehicles?|cars?|engines?|powertrains?"
			+ "|infrastructure|environments?|architectures?|it|deployments?|solutions?|apps?|mobile|saas|networks?|systems?|events?))";

	private static final Pattern HYBRID = Pattern.compile("\\bhybrid\\b" + HYBRID_OF_SOMETHING_ELSE
			+ "|\\b(?:office|hub|campus|site|on[- ]?site|in[- ]person|in[- ]office)\\b[^.;\\n]{0,50}?\\b" + PART_WEEK
			+ "|\\b" + DAYS + "\\s*(?:a|per|/|each)\\s*week\\s+(?:in|at|from)\\s+(?:the|our|an?)\\s+(?:[\\w-]+\\s+){0,3}(?:office|hub|campus|site)"
			+ "|\\b(?:work(?:ing)? from home|wfh|telework(?:ing)?(?: eligible)?|remote work(?:ing)?) (?:up to |for )?" + DAYS + "\\s*(?:a|per|/|each)\\s*week"
			// "In office Tuesday, Wednesday and Thursday", "in-office Monday through Thursday": office days, not all five.
			+ "|\\b(?:in[- ]office|in the office|on[- ]?site|in[- ]person)\\s+(?:on\\s+)?(?!monday\\s*(?:through|to|-|–|—)\\s*friday)" + WEEKDAY
			+ "(?:\\s*(?:,|and|through|to|-|–|—)\\s*" + WEEKDAY + ")+"
			+ "|\\b" + WEEKDAY + " (?:are|is) (?:work[- ]from[- ]home|wfh|remote)\\b|\\b(?:wfh|work[- ]from[- ]home|remote) " + WEEKDAY + "\\b"
			+ "|\\b" + DAYS + "\\s+(?:in|at|from)\\s+(?:the\\s+|our\\s+)?(?:office|hub|campus)\\b"
			+ "|\\b(?:partially|partly|partial) remote\\b|\\bwfh (?:options?|flexibility)\\b|\\b(?:mobile|remote) working (?:of )?up to \\d{1,2} ?%");

	/**
	 * "Manage on-site execution", "on-site support", "on-site inspections": work done on a site, named in a duty,
	 * says nothing of where the job is based.
	 */
	private static final String NOT_A_DUTY = "(?!\\s+(?:execution|support|needs|visits?|meetings?|events?|training|inspections?"
			+ "|activities|construction|installations?|teams?|staff|personnel|contractors?|crews?|labou?r|services?|coordination"
			+ "|supervision|safety|interviews?|assessments?|audits?|testing|deployments?|implementations?|go-lives?|surveys?"
			+ "|observations?|walk-?throughs?|reviews?|vendors?|engineers?|technicians?|resources|generation|storage|renewables?))";

	/** The label of a structured line: "Location: Remote", "Workplace type: Remote", "Work arrangement: Remote". */
	private static final String FIELD = "(?:location|workplace(?: type)?|work(?:place)? (?:location|arrangement|model|type|setting|style)"
			+ "|(?:position|job|location|role) type|remote status)";

	private static final Pattern REMOTE = Pattern.compile(
			"\\b(?:fully|100%|completely)[\\s-]+remote\\b|\\bremote[- ](?:role|position|job|opportunity)\\b(?!\\s*:\\s*(?:no|n/a)\\b)"
					// Not "a remote-first company" nor "interviews are remote": said of the company or the hiring, not the job.
					+ "|\\bremote[- ]eligible\\b|\\b" + FIELD + "\\s*:\\s*(?:fully\\s+)?remote\\b|\\b(?:role|position|job|opportunity) (?:is|can be|will be) (?:fully |100% )?remote\\b"
					// LinkedIn's tag, which many ATSs print at the end of the description; "Remote OK" job-board labels.
					// A line that opens with "Remote (…)" or "Remote - …"; "Seattle, WA | Remote | Contract" headers.
					+ "|^\\s*remote\\s*(?:\\(|[-–|]|$)|\\|\\s*remote\\s*(?:\\||$)|\\b(?:opportunity|option|flexibility) to work remotely\\b"
					+ "|\\b" + FIELD + "\\s*:\\s*(?:home[- ]?working|home[- ]based|work from home|wfh)\\b"
					+ "|#li-remote\\b|\\bremote ok\\b|(?<!not )\\beligible (?:for remote work|to work remotely)\\b"
					+ "|\\b(?:this is a |a |is a )virtual (?:role|position|job)\\b|\\b(?:fully|100%|full[- ]time) telework\\b"
					+ "|\\b(?:can|may|will) be (?:done|performed|worked|based) remotely\\b|\\bopen to remote (?:candidates|applicants|work)\\b"
					+ "|\\bor (?:work )?remotely\\b|\\bwork remotely from (?:anywhere|home)\\b"
					+ "|\\bthis (?:role|position|job) is remote\\b|\\bwork from (?:home|anywhere)\\b(?! for)"
					+ "|\\bhome[- ]based\\b(?!\\s+(?:business|care|services?|health))"
					+ "|\\bremote\\s*\\((?:us|usa|uk|eu|emea|canada|global|worldwide|anywhere)[^)]*\\)"
					+ "|\\bremote (?:in|within|across) (?:the )?(?:us|usa|united states|uk|canada|europe)\\b");

	private static final Pattern ONSITE = Pattern.compile(
			"\\bon[- ]?site\\b" + NOT_A_DUTY + "|\\bin[- ]office\\b|\\bin[- ]person\\b|\\bthis (?:role|position) is not remote\\b"
					+ "|\\bnot (?:a )?remote (?:role|position|job)\\b|\\bnot (?:eligible|available|open) (?:for|to) remote\\b|\\bremote work is not (?:available|possible|offered|an option)\\b"
					+ "|\\b(?:field|site|office|plant|store|campus)[- ]based (?:role|position|job|at|in|out of)\\b|\\bthis (?:is an? )?(?:field|site|office)[- ]based\\b"
					+ "|\\b(?:must|able to|need to) (?:be able to )?commute (?:daily )?to\\b|\\bwithin (?:a )?commut(?:ing|able) distance\\b"
					// India's "work from office" (WFO), the opposite of work from home.
					+ "|\\bwork from (?:the )?office\\b|\\bwfo\\b|\\b(?:work|working|be) on location\\b"
					// USAJOBS: "Remote job: No" says the job is not remote.
					+ "|\\bremote job\\s*:\\s*no\\b"
					+ "|\\b(?:5|five) days (?:a|per|each) week\\b[^.;\\n]{0,30}\\boffice\\b|\\boffice\\b[^.;\\n]{0,40}\\b(?:5|five) days (?:a|per|each) week\\b");

	/** Perks and facilities: "work from anywhere for a month", "four \"work from anywhere\" weeks", "on-site gym". */
	private static final Pattern PERK = Pattern.compile("work from anywhere for (?:a|up to|\\d+)"
			+ "|(?:weeks?|days?|months?) of [\"“]?work from anywhere|work from anywhere[\"”]? (?:weeks?|days?|months?)"
			+ "|\\b(?:team|company|quarterly|annual|yearly|regular|periodic) on[- ]?sites?\\b|\\bon[- ]?sites? (?:a|per|each|every|once|twice|two|three|four) (?:year|quarter)"
			// "Occasional on-site needs", "travel on-site as needed": visits, not the arrangement.
			+ "|\\b(?:occasional|occasionally|periodic|periodically|as[- ]needed|when needed)\\s+on[- ]?site\\b|\\bon[- ]?site\\s+(?:as|when) needed\\b"
			+ "|\\bon[- ]?site (?:fitness|gym|cafeteria|caf[eé]|childcare|child care|daycare|parking|clinic|health|wellness|amenities|dining|restaurant|medical|massage)");

	/** A promise for later is not the job's arrangement: "hybrid afterwards at manager discretion". */
	private static final Pattern LATER = Pattern.compile(
			"\\b(?:possible|potential|occasional|optional)\\s+(?:hybrid|remote)\\b[^.;\\n]{0,40}|\\b(?:hybrid|remote)\\s+(?:work\\s+)?(?:afterwards|later|after\\b[^.;\\n]{0,30}|at (?:the )?(?:manager'?s?\\s+|management\\s+)?discretion)");

	private WorkplaceDetector() {
	}

	public record Detected(Workplace workplace, String evidence) {

	}

	/** USAJOBS pages put each label and its value on lines of their own: "Remote job\nNo". */
	private static final Pattern USAJOBS_FIELD = Pattern.compile("(remote job|telework eligible)\\s*:?\\s*\\n\\s*(no|yes)\\b");

	/**
	 * A location that is only "Remote" or "Remote - US" states the job, and so do "US - Remote", "United States
	 * (Remote)" and "Anywhere in the US"; "US, TX, Remote" is a bucket.
	 */
	private static final Pattern REMOTE_LOCATION = Pattern.compile("^(?:remote|anywhere)(?:\\s*[-–(,:]\\s*[a-z .,]+\\)?)?$"
			+ "|^anywhere in (?:the )?[a-z .]+$|^[a-z .]+\\s*[-–]\\s*remote$");

	/** A title that names the arrangement: "Technical Program Manager (Remote)", "TPM - Hybrid", "On-site". */
	private static final Pattern IN_TITLE = Pattern.compile("\\b(remote)\\b(?!\\s+(?:sensing|monitoring|patient|operations|support|access|pilot))"
			+ "|\\b(hybrid)\\b" + HYBRID_OF_SOMETHING_ELSE + "|\\b(on[- ]?site)\\b");

	/** A location that says more than a place: "Austin, Texas or Remote", "Colorado Springs, CO (Onsite)". */
	private static final Pattern IN_LOCATION = Pattern.compile("\\bor remote\\b|\\bremote or\\b|\\|\\s*remote\\s*(?:\\||$)|\\((remote)[^)]*\\)|\\b(on[- ]?site|in[- ]office)\\b");

	/**
	 * @param hint a structured statement (JSON-LD jobLocationType, ATS workplaceType), may be null
	 * @param title the posting's title, which often names the arrangement, may be null
	 */
	public static Detected detect(String hint, String title, String locationText, String text) {
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
		if (title != null) {
			Matcher inTitle = IN_TITLE.matcher(title.toLowerCase(Locale.ROOT));
			if (inTitle.find()) {
				Workplace workplace = (inTitle.group(1) != null) ? Workplace.REMOTE
						: (inTitle.group(2) != null) ? Workplace.HYBRID : Workplace.ONSITE;
				return new Detected(workplace, title);
			}
		}
		String body = (text == null) ? "" : text.toLowerCase(Locale.ROOT);
		String cleaned = (body.contains("anywhere") || body.contains("site")) ? PERK.matcher(body).replaceAll(" ") : body;
		if (cleaned.contains("hybrid") || cleaned.contains("remote")) {
			cleaned = LATER.matcher(cleaned).replaceAll(" ");
		}
		if (cleaned.contains("remote job") || cleaned.contains("telework eligible")) {
			cleaned = USAJOBS_FIELD.matcher(cleaned).replaceAll("$1: $2");
		}
		// USAJOBS: "Remote job: No" with "Telework eligible: Yes" leaves the office days to the agency: not stated.
		if (cleaned.contains("remote job: no") && cleaned.contains("telework eligible: yes")) {
			cleaned = cleaned.replace("remote job: no", " ");
		}
		Detected fromBody = firstOf(cleaned);
		if (fromBody != null) {
			return fromBody;
		}
		if (locationText != null) {
			String location = locationText.toLowerCase(Locale.ROOT).strip();
			if (REMOTE_LOCATION.matcher(location).matches()) {
				return new Detected(Workplace.REMOTE, locationText);
			}
			if (location.contains("hybrid")) {
				return new Detected(Workplace.HYBRID, locationText);
			}
			Matcher inLocation = IN_LOCATION.matcher(location);
			if (inLocation.find()) {
				return new Detected((inLocation.group(2) != null) ? Workplace.ONSITE : Workplace.REMOTE, locationText);
			}
		}
		return new Detected(Workplace.UNKNOWN, null);
	}

	private static Detected firstOf(String body) {
		// Hybrid wins: a hybrid job usually mentions both its office days and its remote days.
		Found hybrid = first(HYBRID, body, "hybrid", "week", "day", "wfh", "up to", "partial", "partly");
		if (hybrid != null) {
			return new Detected(Workplace.HYBRID, excerpt(body, hybrid));
		}
		Found remote = first(REMOTE, body, "remote", "work from", "based", "virtual", "telework", "home");
		Found onsite = first(ONSITE, body, "site", "office", "person", "remote", "based", "commut", "wfo", "location");
		if (remote != null && (onsite == null || remote.start() <= onsite.start())) {
			return new Detected(Workplace.REMOTE, excerpt(body, remote));
		}
		if (onsite != null) {
			return new Detected(Workplace.ONSITE, excerpt(body, onsite));
		}
		return null;
	}

	private record Found(int start, int end) {

	}

	/**
	 * The first match of {@code pattern} in {@code body}, looking only at the lines (blocks of the description)
	 * that hold one of the words every match contains: the regular expressions are the costly part, and most
	 * lines of a posting hold none of them. A statement never spans two blocks.
	 */
	private static Found first(Pattern pattern, String body, String... anchors) {
		Found first = null;
		for (String anchor : anchors) {
			int searchFrom = 0;
			for (int at = body.indexOf(anchor); at >= 0 && (first == null || at < first.start()); at = body.indexOf(anchor, searchFrom)) {
				int lineStart = body.lastIndexOf('\n', at) + 1;
				int lineEnd = body.indexOf('\n', at);
				lineEnd = (lineEnd < 0) ? body.length() : lineEnd;
				Matcher matcher = pattern.matcher(body).region(lineStart, lineEnd);
				if (matcher.find() && (first == null || matcher.start() < first.start())) {
					first = new Found(matcher.start(), matcher.end());
				}
				searchFrom = lineEnd + 1;
			}
		}
		return first;
	}

	private static String excerpt(String text, Found found) {
		return text.substring(Math.max(0, found.start() - 30), Math.min(text.length(), found.end() + 30)).strip();
	}

}
