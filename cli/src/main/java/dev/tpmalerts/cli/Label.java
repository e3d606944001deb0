package dev.tpmalerts.cli;

import java.util.List;

import dev.tpmalerts.cli.ScoredPosting.Pay;

/** One line of an eval set's {@code labels.jsonl}: what a careful reader finds in the posting (eval/GUIDELINES.md). */
record Label(String id, String role, String seniority, Facets facets, String workplace, Pay salary) {

	record Facets(List<String> certifications, List<String> degrees, String degreeLevel, List<String> methodologies,
			List<String> technical, List<String> industries, List<String> skills) {

		List<String> ids(String facet) {
			List<String> ids = switch (facet) {
				case "certifications" -> this.certifications;
				case "degrees" -> this.degrees;
				case "methodologies" -> this.methodologies;
				case "technical" -> this.technical;
				case "industries" -> this.industries;
				case "skills" -> this.skills;
				default -> throw new IllegalArgumentException("Unknown facet '" + facet + "'");
			};
			return (ids != null) ? ids : List.of();
		}

	}

}
