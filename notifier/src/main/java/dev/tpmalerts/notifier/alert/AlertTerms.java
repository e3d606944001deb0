package dev.tpmalerts.notifier.alert;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The values of closed vocabularies an alert asks for (roles, seniorities, taxonomy facets, workplaces, ISO
 * country codes), one {@code alert_term} row each, so that demand can be counted with a SQL {@code group by} on
 * PostgreSQL and H2 alike. Free text (keywords, cities, salaries) never becomes a term: the table holds nothing a
 * person wrote in their own words.
 */
public final class AlertTerms {

	/** The closed vocabulary of each term facet, in the order demand is reported ({@link #COUNTRY} is open). */
	public static final Map<String, List<String>> VOCABULARIES = vocabularies();

	/**
	 * The facet of ISO 3166 country codes among an alert's locations ("US", "de"). A two-letter place that is a code
	 * counts as that country, so "CA" is Canada even when California was meant: noise in an aggregate, no more.
	 */
	public static final String COUNTRY = "country";

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private AlertTerms() {
	}

	/** One value an alert asks for. */
	public record Term(String facet, String value) {

	}

	/** The terms of these criteria; values outside their vocabulary are left out. */
	public static List<Term> of(AlertCriteria criteria) {
		Set<Term> terms = new LinkedHashSet<>();
		add(terms, "role", criteria.roles());
		add(terms, "seniority", criteria.seniorities());
		Map<String, List<String>> facets = criteria.facets();
		AlertCriteria.FACET_NAMES.forEach((facet) -> add(terms, facet, facets.get(facet)));
		add(terms, "workplace", criteria.workplaces()
			.stream()
			.filter((workplace) -> workplace != null && workplace != Workplace.UNKNOWN)
			.map((workplace) -> workplace.name().toLowerCase(Locale.ROOT))
			.toList());
		for (String location : criteria.locations()) {
			String code = (location != null) ? location.strip().toUpperCase(Locale.ROOT) : "";
			if (code.length() == 2 && COUNTRIES.contains(code)) {
				terms.add(new Term(COUNTRY, code));
			}
		}
		return new ArrayList<>(terms);
	}

	/** Replaces the terms of one alert with those of its criteria (in the caller's transaction). */
	static void replace(JdbcClient jdbc, UUID alertId, AlertCriteria criteria) {
		jdbc.sql("delete from alert_term where alert_id = ?").param(alertId).update();
		for (Term term : of(criteria)) {
			jdbc.sql("insert into alert_term (alert_id, facet, term) values (?, ?, ?)")
				.params(alertId, term.facet(), term.value())
				.update();
		}
	}

	private static void add(Set<Term> terms, String facet, List<String> values) {
		List<String> known = VOCABULARIES.get(facet);
		for (String value : values) {
			if (value != null && known.contains(value)) {
				terms.add(new Term(facet, value));
			}
		}
	}

	private static Map<String, List<String>> vocabularies() {
		Map<String, List<String>> vocabularies = new LinkedHashMap<>();
		vocabularies.put("role", TaxonomyIds.ROLES);
		vocabularies.put("seniority", TaxonomyIds.SENIORITIES);
		AlertCriteria.FACET_NAMES.forEach((facet) -> vocabularies.put(facet, TaxonomyIds.FACETS.get(facet)));
		vocabularies.put("workplace", List.of("remote", "hybrid", "onsite"));
		return Collections.unmodifiableMap(vocabularies);
	}

}
