package dev.tpmalerts.notifier.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.shared.TaxonomyIds;

/**
 * The boxes an alert form offers, from the taxonomy's ids ({@link TaxonomyIds}), each with the words a person
 * reads. The page sends the ids back.
 */
final class Choices {

	/** A group of boxes: its field name (the request parameter), its legend and its options. */
	record Group(String field, String legend, String hint, List<Option> options) {

	}

	/** One box: the id sent, the words shown. */
	record Option(String value, String label) {

	}

	/** Acronyms and names that "capitalise the first word" would spell wrong. */
	private static final Map<String, String> SPELLED = Map.ofEntries(Map.entry("pmp", "PMP"), Map.entry("pgmp", "PgMP"),
			Map.entry("capm", "CAPM"), Map.entry("pmi-acp", "PMI-ACP"), Map.entry("csm", "Certified ScrumMaster (CSM)"),
			Map.entry("psm", "Professional Scrum Master (PSM)"), Map.entry("safe", "SAFe"),
			Map.entry("prince2", "PRINCE2"), Map.entry("itil", "ITIL"), Map.entry("cissp", "CISSP"),
			Map.entry("security-plus", "Security+"), Map.entry("aws", "AWS"), Map.entry("azure", "Azure"),
			Map.entry("gcp", "Google Cloud"), Map.entry("ai-ml", "AI / ML"), Map.entry("it", "IT"),
			Map.entry("technical-program-manager", "Technical program manager (TPM)"));

	static final List<Group> ROLE_AND_LEVEL = List.of(
			group("roles", "Role", "Leave all unticked for any role.", TaxonomyIds.ROLES),
			group("seniorities", "Seniority", "Leave all unticked for any level.", TaxonomyIds.SENIORITIES));

	static final List<Group> FACETS = AlertCriteria.FACET_NAMES.stream()
		.map((facet) -> group(facet, legend(facet), "Any of the ticked ones will do.", TaxonomyIds.FACETS.get(facet)))
		.toList();

	static final Group WORKPLACES = group("workplaces", "Workplace", "Leave all unticked for any workplace.",
			List.of("remote", "hybrid", "onsite"));

	static final List<Option> FREQUENCIES = List.of(new Option("INSTANT", "At once, one email per job"),
			new Option("DAILY", "A daily digest"), new Option("WEEKLY", "A weekly digest"));

	private Choices() {
	}

	/** "technical-program-manager" as a person reads it. */
	static String label(String id) {
		String spelled = SPELLED.get(id);
		if (spelled != null) {
			return spelled;
		}
		String words = id.replace('-', ' ');
		return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
	}

	private static Group group(String field, String legend, String hint, List<String> ids) {
		return new Group(field, legend, hint, ids.stream().map((id) -> new Option(id, label(id))).toList());
	}

	private static String legend(String facet) {
		return switch (facet) {
			case "certifications" -> "Certifications asked for";
			case "degrees" -> "Degree fields";
			case "methodologies" -> "Methodologies";
			case "technical" -> "Technical domains";
			case "industries" -> "Industries";
			case "skills" -> "Skills";
			default -> label(facet);
		};
	}

}
