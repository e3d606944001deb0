package dev.tpmalerts.shared;

import java.util.List;
import java.util.Map;

/**
 * The taxonomy ids other stages may name (alert criteria, search filters): the contract of the matcher's taxonomy
 * file. A test in the matcher keeps this list equal to the file's, so that an id added there is added here.
 */
public final class TaxonomyIds {

	public static final List<String> ROLES = List.of("technical-program-manager", "program-manager", "project-manager",
			"product-manager", "other");

	public static final List<String> SENIORITIES = List.of("entry", "mid", "senior", "staff", "manager", "director");

	public static final List<String> DEGREE_LEVELS = List.of("none", "bachelor", "master", "phd");

	/** The ids of each tag facet, by facet name as {@link Tag#facet()} carries it. */
	public static final Map<String, List<String>> FACETS = Map.of(
			"certifications", List.of("pmp", "pgmp", "capm", "pmi-acp", "csm", "psm", "safe", "prince2", "itil",
					"six-sigma", "cissp", "security-plus", "aws", "azure", "gcp", "other"),
			"degrees", List.of("computer-science", "engineering", "information-technology", "business", "other"),
			"methodologies", List.of("agile", "scrum", "kanban", "waterfall", "lean", "safe"),
			"technical", List.of("software-development", "infrastructure", "cloud", "data", "security", "hardware",
					"ai-ml"),
			"industries", List.of("technology", "finance", "healthcare", "government", "defense-aerospace",
					"telecommunications", "consulting", "nonprofit", "education", "retail", "manufacturing",
					"construction", "legal", "other"),
			"skills", List.of("communication", "collaboration", "leadership", "strategic-thinking", "problem-solving",
					"risk-management", "stakeholder-management", "conflict-resolution", "influence", "budgeting",
					"vendor-management"));

	private TaxonomyIds() {
	}

}
