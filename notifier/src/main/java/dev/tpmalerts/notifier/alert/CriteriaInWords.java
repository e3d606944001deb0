package dev.tpmalerts.notifier.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An alert's criteria as a sentence: every email says with it why its reader receives it, and the manage page
 * lists the alerts with it, so a person reads their alert in the same words everywhere.
 */
public final class CriteriaInWords {

	private CriteriaInWords() {
	}

	/** "roles technical program manager, keywords "platform", a score of at least 50"; empty for no criteria. */
	public static String describe(AlertCriteria criteria) {
		List<String> parts = new ArrayList<>();
		ids(parts, "roles", criteria.roles());
		ids(parts, "seniority", criteria.seniorities());
		if (!criteria.keywords().isEmpty()) {
			parts.add("keywords \"" + String.join("\", \"", criteria.keywords()) + "\"");
		}
		Map<String, List<String>> facets = criteria.facets();
		AlertCriteria.FACET_NAMES.forEach((facet) -> ids(parts, facet, facets.get(facet)));
		if (!criteria.locations().isEmpty()) {
			parts.add("in " + String.join(" or ", criteria.locations()));
		}
		if (!criteria.workplaces().isEmpty()) {
			parts.add(String.join(" or ", criteria.workplaces().stream()
				.map((workplace) -> workplace.name().toLowerCase(Locale.ROOT))
				.toList()) + " work");
		}
		if (criteria.minSalary() != null) {
			parts.add("a yearly salary of at least " + String.format(Locale.ROOT, "%,.0f", criteria.minSalary().amount())
					+ " " + criteria.minSalary().currency());
		}
		if (criteria.minScore() != null) {
			parts.add("a score of at least " + criteria.minScore());
		}
		// Keywords and places are the person's own words: no line break of theirs reaches a mail line.
		return String.join(", ", parts).replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").strip();
	}

	/** "you subscribed to instant TPM job alerts for roles …". */
	public static String reason(Frequency frequency, AlertCriteria criteria) {
		String described = (criteria != null) ? describe(criteria) : "";
		String kind = switch (frequency) {
			case INSTANT -> "instant TPM job alerts";
			case DAILY -> "a daily digest of TPM job alerts";
			case WEEKLY -> "a weekly digest of TPM job alerts";
		};
		return "you subscribed to " + kind + (described.isEmpty() ? "" : " for " + described);
	}

	private static void ids(List<String> parts, String name, List<String> ids) {
		if (!ids.isEmpty()) {
			parts.add(name + " " + String.join(", ", ids.stream().map((id) -> id.replace('-', ' ')).toList()));
		}
	}

}
