package dev.tpmalerts.notifier.insight;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.alert.AlertTerms;
import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How many live alerts (of active accounts, not paused) ask for each value: aggregates over {@code alert_term} and
 * {@code alert}, never a row of one person. A count below {@code tpm.notifier.insight.min-count} is shown as
 * "&lt;N", and so is zero, so "nobody" cannot be told from "one person"; a closed vocabulary lists every value
 * (its presence tells nothing), the open one of countries only those at or above the threshold.
 */
@Service
public class DemandInsight {

	static final String FREQUENCY = "frequency";

	private static final String LIVE = "join account c on c.id = a.account_id where c.status = 'ACTIVE' and a.paused = false";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final int minCount;

	DemandInsight(JdbcClient jdbc, Clock clock, NotifierProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.minCount = properties.insight().minCount();
	}

	/**
	 * The demand for each value of every facet.
	 *
	 * @param generatedAt when it was counted
	 * @param minCount counts below this are not shown
	 * @param activeAlerts how many live alerts there are
	 * @param facets role, seniority, the taxonomy facets, workplace, country and frequency, in that order
	 */
	public record Demand(Instant generatedAt, int minCount, Count activeAlerts, List<FacetDemand> facets) {

	}

	/**
	 * A count as it may be shown.
	 *
	 * @param alerts the number of alerts, or null when it is below the threshold
	 * @param shown the number as text, or "&lt;N" below the threshold
	 */
	public record Count(Integer alerts, String shown) {

	}

	/** The values of one facet, most asked for first. */
	public record FacetDemand(String facet, List<ValueDemand> values) {

	}

	/**
	 * One value of a facet.
	 *
	 * @param value a taxonomy id, a workplace, an ISO country code or a frequency
	 * @param alerts how many live alerts ask for it, or null when that is below the threshold
	 * @param shown the number as text, or "&lt;N" below the threshold
	 */
	public record ValueDemand(String value, Integer alerts, String shown) {

	}

	public Demand demand() {
		Map<String, Map<String, Integer>> counts = new HashMap<>();
		this.jdbc.sql("select t.facet, t.term, count(*) from alert_term t join alert a on a.id = t.alert_id " + LIVE
				+ " group by t.facet, t.term")
			.query((rs) -> {
				counts.computeIfAbsent(rs.getString(1), (facet) -> new HashMap<>()).put(rs.getString(2), rs.getInt(3));
			});
		Map<String, Integer> frequencies = new HashMap<>();
		this.jdbc.sql("select a.frequency, count(*) from alert a " + LIVE + " group by a.frequency")
			.query((rs) -> {
				frequencies.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getInt(2));
			});
		int active = this.jdbc.sql("select count(*) from alert a " + LIVE).query(Integer.class).single();

		List<FacetDemand> facets = new ArrayList<>();
		AlertTerms.VOCABULARIES.forEach((facet, vocabulary) -> facets
			.add(closed(facet, vocabulary, counts.getOrDefault(facet, Map.of()))));
		facets.add(open(AlertTerms.COUNTRY, counts.getOrDefault(AlertTerms.COUNTRY, Map.of())));
		facets.add(closed(FREQUENCY,
				Arrays.stream(Frequency.values()).map((f) -> f.name().toLowerCase(Locale.ROOT)).toList(), frequencies));
		return new Demand(this.clock.instant(), this.minCount, count(active), facets);
	}

	/** Every value of the vocabulary, shown or not, so that a value's presence tells nothing. */
	private FacetDemand closed(String facet, List<String> vocabulary, Map<String, Integer> counts) {
		List<ValueDemand> values = new ArrayList<>();
		for (String value : vocabulary) {
			Count count = count(counts.getOrDefault(value, 0));
			values.add(new ValueDemand(value, count.alerts(), count.shown()));
		}
		return new FacetDemand(facet, sorted(values));
	}

	/** Only the values at or above the threshold: listing a rare one would tell that someone asked for it. */
	private FacetDemand open(String facet, Map<String, Integer> counts) {
		List<ValueDemand> values = new ArrayList<>();
		counts.forEach((value, alerts) -> {
			if (alerts >= this.minCount) {
				values.add(new ValueDemand(value, alerts, alerts.toString()));
			}
		});
		return new FacetDemand(facet, sorted(values));
	}

	private Count count(int alerts) {
		return (alerts >= this.minCount) ? new Count(alerts, Integer.toString(alerts))
				: new Count(null, "<" + this.minCount);
	}

	/** Most asked for first; values below the threshold keep their vocabulary order after them (a stable sort). */
	private static List<ValueDemand> sorted(List<ValueDemand> values) {
		List<ValueDemand> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.comparing((ValueDemand value) -> (value.alerts() != null) ? value.alerts() : -1)
			.reversed());
		return List.copyOf(sorted);
	}

}
