package dev.tpmalerts.matcher.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.util.MultiValueMap;

/**
 * A recruiter search, parsed and checked: every parameter that cannot be used is refused with its name, so that a
 * typo does not silently widen the search. Lists take repeated parameters or commas ({@code skills=a,b}); values
 * within one filter are alternatives, filters combine.
 *
 * @param text full text over title, description and company; empty for all postings
 * @param roles roles ({@link TaxonomyIds#ROLES})
 * @param seniorities seniorities ({@link TaxonomyIds#SENIORITIES})
 * @param facets tag ids per taxonomy facet ({@link TaxonomyIds#FACETS})
 * @param workplaces remote, hybrid, onsite
 * @param location words of a location (city, region)
 * @param countries country codes as postings carry them
 * @param salaryMin least annual salary the posting's range must reach
 * @param salaryMax most annual salary the posting's range may start at
 * @param currency currency of the salary bounds (ISO 4217); postings in another currency are left out
 * @param minScore least match score
 * @param postedSince least date posted
 * @param sort order of the hits
 * @param size hits per page
 * @param after where the previous page ended, from its {@code next} cursor
 */
record PostingQuery(String text, List<String> roles, List<String> seniorities, Map<String, List<String>> facets,
		List<String> workplaces, String location, List<String> countries, Double salaryMin, Double salaryMax,
		String currency, int minScore, LocalDate postedSince, Sort sort, int size, Optional<List<Object>> after) {

	/** Score: best match score first, then newest. Date: newest first, then best score. */
	enum Sort {

		SCORE, DATE

	}

	static final List<String> WORKPLACES = List.of("remote", "hybrid", "onsite");

	/** Every parameter the search knows; any other is refused. */
	static final Set<String> PARAMETERS;

	static {
		Set<String> names = new LinkedHashSet<>(List.of("q", "role", "seniority", "workplace", "location", "country",
				"salaryMin", "salaryMax", "currency", "minScore", "postedSince", "sort", "size", "after"));
		names.addAll(TaxonomyIds.FACETS.keySet());
		PARAMETERS = Set.copyOf(names);
	}

	/** Parses the request's parameters; {@code after} must be a cursor that {@code cursors} signed. */
	static PostingQuery parse(MultiValueMap<String, String> parameters, SearchCursors cursors) {
		for (String name : parameters.keySet()) {
			if (!PARAMETERS.contains(name)) {
				throw new BadParameterException(name, "Unknown parameter '" + name + "'; known: "
						+ PARAMETERS.stream().sorted().toList());
			}
		}
		Map<String, List<String>> facets = new LinkedHashMap<>();
		for (Map.Entry<String, List<String>> facet : TaxonomyIds.FACETS.entrySet()) {
			List<String> ids = ids(parameters, facet.getKey(), facet.getValue());
			if (!ids.isEmpty()) {
				facets.put(facet.getKey(), ids);
			}
		}
		Double salaryMin = amount(parameters, "salaryMin");
		Double salaryMax = amount(parameters, "salaryMax");
		if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
			throw new BadParameterException("salaryMax", "salaryMax " + salaryMax + " is below salaryMin " + salaryMin);
		}
		String currency = single(parameters, "currency");
		if (currency != null && !currency.matches("[A-Za-z]{3}")) {
			throw new BadParameterException("currency", "currency must be an ISO 4217 code such as USD, was '" + currency + "'");
		}
		if ((salaryMin != null || salaryMax != null) && currency == null) {
			throw new BadParameterException("currency", "A salary bound needs its currency, e.g. currency=USD");
		}
		Sort sort = Sort.SCORE;
		String sortValue = single(parameters, "sort");
		if (sortValue != null) {
			try {
				sort = Sort.valueOf(sortValue.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new BadParameterException("sort", "sort must be score or date, was '" + sortValue + "'");
			}
		}
		String after = single(parameters, "after");
		Optional<List<Object>> cursor = (after != null) ? Optional.of(cursors.read(after, sort)) : Optional.empty();
		String text = single(parameters, "q");
		String location = single(parameters, "location");
		return new PostingQuery((text != null) ? text : "", ids(parameters, "role", TaxonomyIds.ROLES),
				ids(parameters, "seniority", TaxonomyIds.SENIORITIES), facets, ids(parameters, "workplace", WORKPLACES),
				(location != null) ? location : "", values(parameters, "country"), salaryMin, salaryMax,
				(currency != null) ? currency.toUpperCase(Locale.ROOT) : null,
				integer(parameters, "minScore", 0, 0, 100), date(parameters, "postedSince"), sort,
				integer(parameters, "size", 20, 1, 100), cursor);
	}

	/**
	 * The values chosen for each facet that the search counts (role, seniority, workplace and the taxonomy's tag
	 * facets), by field name, only those with a choice.
	 */
	Map<String, List<String>> facetFilters() {
		Map<String, List<String>> filters = new LinkedHashMap<>();
		filters.put("role", this.roles);
		filters.put("seniority", this.seniorities);
		filters.putAll(this.facets);
		filters.put("workplace", this.workplaces);
		filters.values().removeIf(List::isEmpty);
		return filters;
	}

	private static List<String> values(MultiValueMap<String, String> parameters, String name) {
		List<String> raw = parameters.getOrDefault(name, List.of());
		return raw.stream()
			.flatMap((value) -> Arrays.stream(value.split(",")))
			.map(String::strip)
			.filter((value) -> !value.isEmpty())
			.distinct()
			.toList();
	}

	private static List<String> ids(MultiValueMap<String, String> parameters, String name, List<String> known) {
		List<String> ids = values(parameters, name);
		for (String id : ids) {
			if (!known.contains(id)) {
				throw new BadParameterException(name, "Unknown " + name + " '" + id + "'; known: " + known);
			}
		}
		return ids;
	}

	private static String single(MultiValueMap<String, String> parameters, String name) {
		List<String> raw = parameters.getOrDefault(name, List.of());
		if (raw.size() > 1) {
			throw new BadParameterException(name, name + " may be given once, was given " + raw.size() + " times");
		}
		return (raw.isEmpty() || raw.get(0).isBlank()) ? null : raw.get(0).strip();
	}

	private static Double amount(MultiValueMap<String, String> parameters, String name) {
		String value = single(parameters, name);
		if (value == null) {
			return null;
		}
		try {
			double amount = Double.parseDouble(value);
			if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
				throw new NumberFormatException();
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			throw new BadParameterException(name, name + " must be an annual amount of 0 or more, was '" + value + "'");
		}
	}

	private static int integer(MultiValueMap<String, String> parameters, String name, int fallback, int min, int max) {
		String value = single(parameters, name);
		if (value == null) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value);
			if (number < min || number > max) {
				throw new NumberFormatException();
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new BadParameterException(name,
					name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
		}
	}

	private static LocalDate date(MultiValueMap<String, String> parameters, String name) {
		String value = single(parameters, name);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(name, name + " must be a date such as 2026-11-01, was '" + value + "'");
		}
	}

}
