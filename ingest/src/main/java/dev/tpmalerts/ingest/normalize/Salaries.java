package dev.tpmalerts.ingest.normalize;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;

/**
 * Pay from structured data ({@code baseSalary}, ATS compensation) or, failing that, from the text: "$150k–$180k",
 * "€70.000 - €85.000", "USD 75/hour", "up to £90,000". A bare "$" is USD unless the posting names another
 * dollar (CAD, AUD…). Absurd structured figures are rejected rather than published; an absurd figure read from the
 * text is a misreading (a grant, a rate in a sentence about hours), so the text is read on, and the posting keeps
 * no pay rather than being lost.
 */
public final class Salaries {

	private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "₹", "INR", "¥",
			"JPY");

	// Thousands grouped by commas, dots or spaces (optionally with cents), Indian lakh grouping ("45,00,000"), or plain.
	private static final String AMOUNT = "(\\d{1,2}(?:,\\d{2})+,\\d{3}|\\d{1,3}(?:[.,\\s]\\d{3})+(?:[.,]\\d{2}(?!\\d))?|\\d+(?:[.,]\\d+)?)\\s*([kK])?";

	private static final String CURRENCY = "(USD|EUR|GBP|CAD|AUD|INR|CHF|SGD|NZD|JPY|C\\$|A\\$|US\\$|\\$|€|£|₹)";

	private static final Pattern RANGE = Pattern.compile(CURRENCY + "\\s?" + AMOUNT + "\\s*(?:-|–|—|to(?:\\s*[-–])?)\\s*~?"
			+ "(?:" + CURRENCY + ")?\\s?" + AMOUNT + "(?:\\s*" + CURRENCY + ")?" + "([^.\\n]{0,25})");

	/** "183k - 271k USD/year", "120.000 – 140.000 EUR per year": the currency's code only after the figures. */
	private static final Pattern RANGE_CODE_AFTER = Pattern.compile("(?<![\\w$€£₹.,])" + AMOUNT + "\\s*(?:-|–|—|to)\\s*" + AMOUNT
			+ "\\s*(USD|EUR|GBP|CAD|AUD|INR|CHF|SGD|NZD|JPY)\\b([^.\\n]{0,25})");

	private static final Pattern SINGLE = Pattern
		.compile("(up to|from|starting at)?\\s*" + CURRENCY + "\\s?" + AMOUNT + "([^.\\n]{0,25})");

	/** Amounts that are money but not pay: budgets, stipends, funding rounds. */
	private static final Pattern NOT_PAY_BEFORE = Pattern.compile(
			"(budget|stipend|allowance|reimburs|bonus of|sign-on|signing|raised|funding|revenue|valuation|credits?|spend|perk"
					+ "|grants?|awards?|loans?|donations?|gifts?|prizes?|scholarships?|fines?|penalt)[^$€£\\d]{0,30}$",
			Pattern.CASE_INSENSITIVE);

	/** "Salary £58,831", "Base salary: $150,000": a figure labelled as the job's pay. */
	private static final Pattern SALARY_LABEL = Pattern.compile("\\b(salary|base pay|pay|compensation)\\s*(:|of|is)?\\s*$",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern PAY_WORD = Pattern.compile("\\b(salary|pay|compensation|wages?|base|earn)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern NOT_PAY_AFTER = Pattern.compile("^\\s*(million|billion|mn|bn|m\\b|b\\b)",
			Pattern.CASE_INSENSITIVE);

	private static final Map<SalaryPeriod, Pattern> PERIODS = periods();

	private static final Pattern THOUSANDS = Pattern.compile("\\d{1,3}([.,]\\d{3})+");

	private static final Pattern LAKHS_GROUPING = Pattern.compile("\\d{1,2}(,\\d{2})+,\\d{3}");

	private static final Pattern THOUSANDS_AND_CENTS = Pattern.compile("\\d{1,3}(,\\d{3})+\\.\\d{2}");

	private static final Pattern EUROPEAN_THOUSANDS_AND_CENTS = Pattern.compile("\\d{1,3}(\\.\\d{3})+,\\d{2}");

	/** "12–16 LPA", "12 lakh": Indian pay in lakhs (100,000) a year. */
	private static final Pattern LAKHS = Pattern.compile("^\\s*(lpa|lakhs?|lacs?|l\\.?p\\.?a\\.?)\\b", Pattern.CASE_INSENSITIVE);

	/** A single figure followed by what it pays for is not pay: "$1,000 annual learning budget". */
	private static final Pattern NOT_PAY_TAIL = Pattern.compile(
			"^[^.\\n]{0,40}\\b(budget|stipend|allowance|reimbursement|credits?|sign-on|signing|referral|match|grants?|awards?|prizes?"
					+ "|scholarships?|loans?|donations?)\\b", Pattern.CASE_INSENSITIVE);

	private static final Pattern OTHER_DOLLAR = Pattern.compile("\\b(CAD|AUD|NZD|SGD)\\b");

	/** "(all figures in Canadian dollars)". */
	private static final Pattern OTHER_DOLLAR_WORDS = Pattern.compile("\\b(canadian|australian|new zealand|singapore) dollars?\\b",
			Pattern.CASE_INSENSITIVE);

	/** "$160,000 – $190,000 USD": the code written right after the figures says which dollar they are. */
	private static final Pattern DOLLAR_CODE_AFTER = Pattern.compile("^\\s*(USD|CAD|AUD|NZD|SGD)\\b");

	/** Where the job is says which dollar a bare "$" is when the text does not. */
	private static final Map<String, String> DOLLAR_BY_COUNTRY = Map.of("CA", "CAD", "AU", "AUD", "NZ", "NZD", "SG", "SGD");

	private Salaries() {
	}

	private static Map<SalaryPeriod, Pattern> periods() {
		Map<SalaryPeriod, Pattern> periods = new LinkedHashMap<>();
		periods.put(SalaryPeriod.HOUR, Pattern.compile("\\b(hour|hourly|hr)\\b|per-hour"));
		periods.put(SalaryPeriod.DAY, Pattern.compile("\\b(day|daily)\\b"));
		periods.put(SalaryPeriod.WEEK, Pattern.compile("\\b(week|weekly)\\b"));
		periods.put(SalaryPeriod.MONTH, Pattern.compile("\\b(month|monthly)\\b"));
		periods.put(SalaryPeriod.YEAR, Pattern.compile("\\b(year|yearly|annual|annually|annum|yr)\\b|per-year"));
		return periods;
	}

	public static Optional<Salary> fromStructured(RawSalary raw, String text) {
		return fromStructured(raw, text, null);
	}

	/** @param country the ISO code of the job's country, which says which dollar a bare "$" is; may be null */
	public static Optional<Salary> fromStructured(RawSalary raw, String text, String country) {
		if (raw == null || (raw.min() == null && raw.max() == null)) {
			return Optional.empty();
		}
		String currency = (raw.currency() == null) ? dollarCurrency(text, -1, country) : raw.currency().toUpperCase(Locale.ROOT);
		SalaryPeriod period = period(raw.unit()).orElse(guessPeriod(raw.max() != null ? raw.max() : raw.min()));
		return Optional.of(checked(Salary.of(raw.min(), raw.max(), currency, period)));
	}

	public static Optional<Salary> fromText(String text) {
		return fromText(text, null);
	}

	/** @param country the ISO code of the job's country, which says which dollar a bare "$" is; may be null */
	public static Optional<Salary> fromText(String text, String country) {
		if (text == null) {
			return Optional.empty();
		}
		Matcher range = RANGE.matcher(text);
		while (range.find()) {
			if (!isPay(text, range.start(), (range.end(6) >= 0) ? range.end(6) : range.end(5))) {
				continue;
			}
			String currency = currency(range.group(1), text, (range.end(6) >= 0) ? range.end(6) : range.end(5), country);
			double min = amount(range.group(2), range.group(3));
			double max = amount(range.group(5), range.group(6));
			Salary salary = LAKHS.matcher(range.group(8)).find()
					? Salary.of(min * 100_000, max * 100_000, currency, SalaryPeriod.YEAR)
					: Salary.of(min, max, currency, period(range.group(8)).orElse(guessPeriod(max)));
			if (isPlausible(salary)) {
				return Optional.of(salary);
			}
		}
		Matcher codeAfter = RANGE_CODE_AFTER.matcher(text);
		while (codeAfter.find()) {
			if (!isPay(text, codeAfter.start(), (codeAfter.end(4) >= 0) ? codeAfter.end(4) : codeAfter.end(3))) {
				continue;
			}
			double max = amount(codeAfter.group(3), codeAfter.group(4));
			Salary salary = Salary.of(amount(codeAfter.group(1), codeAfter.group(2)), max, codeAfter.group(5),
					period(codeAfter.group(6)).orElse(guessPeriod(max)));
			if (isPlausible(salary)) {
				return Optional.of(salary);
			}
		}
		Matcher single = SINGLE.matcher(text);
		while (single.find()) {
			if (!isPay(text, single.start(2), (single.end(4) >= 0) ? single.end(4) : single.end(3))) {
				continue;
			}
			String qualifier = single.group(1);
			String tail = single.group(5);
			int figureEnd = (single.end(4) >= 0) ? single.end(4) : single.end(3);
			if (NOT_PAY_TAIL.matcher(text.substring(figureEnd, Math.min(text.length(), figureEnd + 60))).find()) {
				continue;
			}
			Optional<SalaryPeriod> period = period(tail);
			double value = amount(single.group(3), single.group(4));
			// A lone figure is pay only when the text says so: "up to", a period right after it, or "Salary" before it.
			if (qualifier == null && period.isEmpty() && !SALARY_LABEL.matcher(text.substring(
					Math.max(0, single.start(2) - 20), single.start(2))).find()) {
				continue;
			}
			String currency = currency(single.group(2), text, figureEnd, country);
			SalaryPeriod resolved = period.orElse(guessPeriod(value));
			String kind = (qualifier != null) ? qualifier.strip().toLowerCase(Locale.ROOT) : "";
			Double min = kind.equals("up to") ? null : value;
			Double max = (kind.equals("from") || kind.equals("starting at")) ? null : value;
			Salary salary = Salary.of(min, max, currency, resolved);
			if (isPlausible(salary)) {
				return Optional.of(salary);
			}
		}
		return Optional.empty();
	}

	private static boolean isPay(String text, int start, int end) {
		// Only this line: a heading "Pay & perks" above "Salary: $150k–$180k" says nothing against the figure.
		String before = text.substring(Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 40), start);
		String after = text.substring(end, Math.min(text.length(), end + 12));
		Matcher notPay = NOT_PAY_BEFORE.matcher(before);
		// "Grants Management Division Salary: $99,200": the pay word nearer the figure says what it is.
		boolean paysOtherThings = notPay.find() && !PAY_WORD.matcher(before.substring(notPay.end(1))).find();
		return !paysOtherThings && !NOT_PAY_AFTER.matcher(after).find();
	}

	/** Pay read from the text: a plausible yearly figure, a minimum at most its maximum, a band of a few times its floor. */
	private static boolean isPlausible(Salary salary) {
		// "From $100 to $400,000" is a range of grants, not a pay band.
		return hasPlausibleYearlyPay(salary) && (salary.min() == null || salary.max() == null
				|| (salary.min() <= salary.max() && salary.max() <= salary.min() * 6));
	}

	private static boolean hasPlausibleYearlyPay(Salary salary) {
		Double annual = (salary.annualMax() != null) ? salary.annualMax() : salary.annualMin();
		return annual == null || (annual >= 1_000 && annual <= 10_000_000);
	}

	/** Structured pay: rejected, with its figures, when it is not plausible. */
	private static Salary checked(Salary salary) {
		if (!hasPlausibleYearlyPay(salary)) {
			throw new RejectedPostingException("salary " + salary.min() + "-" + salary.max() + " " + salary.currency()
					+ " per " + salary.period().name().toLowerCase(Locale.ROOT) + " is not a plausible pay figure");
		}
		if (salary.min() != null && salary.max() != null && salary.min() > salary.max()) {
			throw new RejectedPostingException(
					"salary minimum " + salary.min() + " is above its maximum " + salary.max());
		}
		return salary;
	}

	private static String currency(String symbol, String text, int figureEnd, String country) {
		return switch (symbol) {
			case "$" -> dollarCurrency(text, figureEnd, country);
			case "US$" -> "USD";
			case "C$" -> "CAD";
			case "A$" -> "AUD";
			default -> SYMBOLS.getOrDefault(symbol, symbol.toUpperCase(Locale.ROOT));
		};
	}

	/**
	 * Which dollar a bare "$" is: the code right after the figures, else another dollar the text names, else the
	 * job's country's, else the US dollar.
	 */
	private static String dollarCurrency(String text, int figureEnd, String country) {
		String safe = (text == null) ? "" : text;
		if (figureEnd >= 0) {
			Matcher code = DOLLAR_CODE_AFTER.matcher(safe).region(figureEnd, Math.min(safe.length(), figureEnd + 8));
			if (code.lookingAt()) {
				return code.group(1);
			}
		}
		Matcher other = OTHER_DOLLAR.matcher(safe);
		if (other.find()) {
			return other.group(1);
		}
		Matcher words = OTHER_DOLLAR_WORDS.matcher(safe);
		if (words.find()) {
			return switch (words.group(1).toLowerCase(Locale.ROOT)) {
				case "canadian" -> "CAD";
				case "australian" -> "AUD";
				case "new zealand" -> "NZD";
				default -> "SGD";
			};
		}
		return (country != null) ? DOLLAR_BY_COUNTRY.getOrDefault(country, "USD") : "USD";
	}

	private static double amount(String digits, String thousands) {
		String compact = digits.replace(" ", "").replace("\u00A0", "");
		if (LAKHS_GROUPING.matcher(compact).matches() || THOUSANDS_AND_CENTS.matcher(compact).matches()) {
			double value = Double.parseDouble(compact.replace(",", ""));
			return (thousands != null) ? value * 1000 : value;
		}
		if (EUROPEAN_THOUSANDS_AND_CENTS.matcher(compact).matches()) {
			double value = Double.parseDouble(compact.replace(".", "").replace(',', '.'));
			return (thousands != null) ? value * 1000 : value;
		}
		// "70.000" and "70,000" are thousands; "75.50" and "75,5" are decimals.
		String normalised = THOUSANDS.matcher(compact).matches() ? compact.replace(".", "").replace(",", "")
				: compact.replace(',', '.');
		double value = Double.parseDouble(normalised);
		return (thousands != null) ? value * 1000 : value;
	}

	static Optional<SalaryPeriod> period(String unit) {
		if (unit == null) {
			return Optional.empty();
		}
		String lower = unit.toLowerCase(Locale.ROOT);
		// The period written first: "$100k/Year ($50/Hour for 40 hours a week)" pays by the year.
		SalaryPeriod first = null;
		int firstAt = Integer.MAX_VALUE;
		for (Map.Entry<SalaryPeriod, Pattern> period : PERIODS.entrySet()) {
			Matcher matcher = period.getValue().matcher(lower);
			if (matcher.find() && matcher.start() < firstAt) {
				first = period.getKey();
				firstAt = matcher.start();
			}
		}
		return Optional.ofNullable(first);
	}

	private static SalaryPeriod guessPeriod(Double amount) {
		return (amount != null && amount < 500) ? SalaryPeriod.HOUR : SalaryPeriod.YEAR;
	}

}
