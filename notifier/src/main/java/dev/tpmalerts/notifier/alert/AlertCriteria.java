package dev.tpmalerts.notifier.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

/**
 * What a person wants to hear about. Every criterion that is set must hold; within one list any value will do
 * ("roles: TPM or program manager"); an empty list or a null matches anything. This record is the one definition
 * of what matches: the alert index only narrows the alerts down to candidates and then asks {@link #matches}.
 *
 * @param keywords words or phrases that must all appear, as whole words in any case, in the title or description
 * @param roles taxonomy role ids
 * @param seniorities taxonomy seniority ids
 * @param certifications taxonomy certification ids, any of which the posting asks for
 * @param degrees taxonomy degree field ids
 * @param methodologies taxonomy methodology ids
 * @param technical taxonomy technical-domain ids
 * @param industries taxonomy industry ids (the posting's primary industry or any other it is tagged with)
 * @param skills taxonomy skill ids
 * @param locations places: an ISO country code ("US"), a region ("CA", "Ontario") or a city ("Austin"), compared
 *        without case with each part of each of the posting's locations
 * @param workplaces remote, hybrid or onsite
 * @param minSalary the lowest pay worth a mail, per year, in one currency: a posting matches when it states a
 *        salary in that currency whose annual top (or bottom, when it gives only one figure) reaches it
 * @param minScore the lowest TPM-fit score (0–100) worth a mail
 */
public record AlertCriteria(List<String> keywords, List<String> roles, List<String> seniorities,
		List<String> certifications, List<String> degrees, List<String> methodologies, List<String> technical,
		List<String> industries, List<String> skills, List<String> locations, List<Workplace> workplaces,
		MinimumSalary minSalary, Integer minScore) {

	public static final int MAX_KEYWORDS = 10;

	public static final int MAX_VALUES = 30;

	public AlertCriteria {
		keywords = copy(keywords);
		roles = copy(roles);
		seniorities = copy(seniorities);
		certifications = copy(certifications);
		degrees = copy(degrees);
		methodologies = copy(methodologies);
		technical = copy(technical);
		industries = copy(industries);
		skills = copy(skills);
		locations = copy(locations);
		workplaces = copy(workplaces);
	}

	/** Criteria that match every posting. */
	public static AlertCriteria any() {
		return new AlertCriteria(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	/** Keywords, roles and a minimum score: the criteria most alerts have. */
	public static AlertCriteria of(List<String> keywords, List<String> roles, Integer minScore) {
		return new AlertCriteria(keywords, roles, null, null, null, null, null, null, null, null, null, null, minScore);
	}

	/** The lowest annual pay worth a mail, in an ISO 4217 currency. */
	public record MinimumSalary(Double amount, String currency) {

	}

	/** The names of the taxonomy facets of {@link #facets()}, in the order pages and emails list them. */
	public static final List<String> FACET_NAMES = List.of("certifications", "degrees", "methodologies", "technical",
			"industries", "skills");

	/** The taxonomy facets of these criteria, by the facet name a {@link dev.tpmalerts.shared.Tag} carries. */
	public Map<String, List<String>> facets() {
		return Map.of("certifications", this.certifications, "degrees", this.degrees, "methodologies",
				this.methodologies, "technical", this.technical, "industries", this.industries, "skills", this.skills);
	}

	/** Every problem with these criteria, each naming its field and the value; empty when they are valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.keywords.size() > MAX_KEYWORDS) {
			problems.add("criteria.keywords has " + this.keywords.size() + " entries; at most " + MAX_KEYWORDS);
		}
		for (int i = 0; i < this.keywords.size(); i++) {
			String keyword = this.keywords.get(i);
			if (keyword == null || words(keyword).isEmpty()) {
				problems.add("criteria.keywords[" + i + "] must contain at least one letter or digit");
			}
			else if (keyword.length() > 100) {
				problems.add("criteria.keywords[" + i + "] is " + keyword.length() + " characters long; at most 100");
			}
		}
		checkIds(problems, "roles", this.roles, TaxonomyIds.ROLES);
		checkIds(problems, "seniorities", this.seniorities, TaxonomyIds.SENIORITIES);
		facets().forEach((facet, ids) -> checkIds(problems, facet, ids, TaxonomyIds.FACETS.get(facet)));
		if (this.locations.size() > MAX_VALUES) {
			problems.add("criteria.locations has " + this.locations.size() + " entries; at most " + MAX_VALUES);
		}
		for (int i = 0; i < this.locations.size(); i++) {
			String location = this.locations.get(i);
			if (location == null || location.isBlank() || location.length() > 100) {
				problems.add("criteria.locations[" + i + "] must be a place name of 1 to 100 characters");
			}
		}
		for (int i = 0; i < this.workplaces.size(); i++) {
			Workplace workplace = this.workplaces.get(i);
			if (workplace == null || workplace == Workplace.UNKNOWN) {
				problems.add("criteria.workplaces[" + i + "] must be one of remote, hybrid, onsite");
			}
		}
		if (this.minSalary != null) {
			Double amount = this.minSalary.amount();
			if (amount == null || amount.isNaN() || amount <= 0 || amount > 10_000_000) {
				problems.add("criteria.minSalary.amount must be a yearly amount above 0 and at most 10000000, was "
						+ amount);
			}
			if (!isCurrency(this.minSalary.currency())) {
				problems.add("criteria.minSalary.currency must be an ISO 4217 code such as USD or EUR, was '"
						+ printable(this.minSalary.currency()) + "'");
			}
		}
		if (this.minScore != null && (this.minScore < 0 || this.minScore > 100)) {
			problems.add("criteria.minScore must be between 0 and 100, was " + this.minScore);
		}
		return problems;
	}

	public boolean matches(PostingMatched matched) {
		Posting posting = matched.posting();
		if (matched.expired() || posting == null) {
			return false;
		}
		if (!anyOf(this.roles, matched.role()) || !anyOf(this.seniorities, posting.seniority())) {
			return false;
		}
		if (!meetsNumbers(matched)) {
			return false;
		}
		if (!this.workplaces.isEmpty() && !this.workplaces.contains(posting.workplace())) {
			return false;
		}
		for (Map.Entry<String, List<String>> facet : facets().entrySet()) {
			if (!facet.getValue().isEmpty() && !containsAny(matched.tagIds(facet.getKey()), facet.getValue())) {
				return false;
			}
		}
		if (!this.locations.isEmpty() && !isIn(posting.locations())) {
			return false;
		}
		if (!this.keywords.isEmpty()) {
			String haystack = " " + String.join(" ", words(posting.title())) + " "
					+ String.join(" ", words(posting.descriptionText())) + " ";
			for (String keyword : this.keywords) {
				if (!haystack.contains(" " + String.join(" ", words(keyword)) + " ")) {
					return false;
				}
			}
		}
		return true;
	}

	/**
	 * The words of a text as keywords are compared: runs of letters and digits, lower-cased. "C++" and "C#" keep
	 * their sign, since they name what people search for.
	 */
	public static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		if (text == null) {
			return words;
		}
		String lower = text.toLowerCase(Locale.ROOT);
		int i = 0;
		while (i < lower.length()) {
			if (!Character.isLetterOrDigit(lower.charAt(i))) {
				i++;
				continue;
			}
			int start = i;
			while (i < lower.length() && Character.isLetterOrDigit(lower.charAt(i))) {
				i++;
			}
			while (i < lower.length() && (lower.charAt(i) == '+' || lower.charAt(i) == '#')) {
				i++;
			}
			words.add(lower.substring(start, i));
		}
		return words;
	}

	private boolean isIn(List<Location> postingLocations) {
		for (Location location : postingLocations) {
			for (String wanted : this.locations) {
				if (wanted.equalsIgnoreCase(location.city()) || wanted.equalsIgnoreCase(location.region())
						|| wanted.equalsIgnoreCase(location.country())) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The checks on numbers alone: the score reaches {@code minScore} and the salary {@code minSalary}. A term index
	 * cannot make them, so the alert index runs them on its candidates.
	 */
	public boolean meetsNumbers(PostingMatched matched) {
		if (this.minScore != null && matched.score() < this.minScore) {
			return false;
		}
		if (this.minSalary == null) {
			return true;
		}
		Salary salary = (matched.posting() != null) ? matched.posting().salary() : null;
		if (salary == null || salary.currency() == null
				|| !salary.currency().equalsIgnoreCase(this.minSalary.currency())) {
			return false;
		}
		Double top = annualTop(salary);
		return top != null && top >= this.minSalary.amount();
	}

	/** What a salary pays a year at most: its annual top, or its annual bottom when it gives only one figure. */
	public static Double annualTop(Salary salary) {
		return (salary.annualMax() != null) ? salary.annualMax() : salary.annualMin();
	}

	private static boolean anyOf(List<String> wanted, String value) {
		return wanted.isEmpty() || (value != null && wanted.contains(value));
	}

	private static boolean containsAny(Collection<String> values, List<String> wanted) {
		for (String value : values) {
			if (wanted.contains(value)) {
				return true;
			}
		}
		return false;
	}

	private static void checkIds(List<String> problems, String field, List<String> values, List<String> known) {
		if (values.size() > MAX_VALUES) {
			problems.add("criteria." + field + " has " + values.size() + " entries; at most " + MAX_VALUES);
			return;
		}
		for (String value : values) {
			if (value == null || !known.contains(value)) {
				problems.add("criteria." + field + " has unknown value '" + printable(value) + "'; expected one of "
						+ known);
			}
		}
	}

	private static boolean isCurrency(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			return false;
		}
		try {
			Currency.getInstance(code);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** A value quoted in an error, cut short and without control characters, so an error cannot forge lines. */
	private static String printable(String value) {
		if (value == null) {
			return "null";
		}
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 60) ? clean.substring(0, 60) + "…" : clean;
	}

	private static <T> List<T> copy(List<T> values) {
		// Not List.copyOf: a null entry must reach problems() and be named there, not fail here.
		return (values != null) ? Collections.unmodifiableList(new ArrayList<>(values)) : List.of();
	}

}
