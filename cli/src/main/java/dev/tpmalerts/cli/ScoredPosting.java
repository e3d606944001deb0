package dev.tpmalerts.cli;

import java.util.List;
import java.util.Map;

/**
 * One line of {@code score}'s output. {@code evidence} is keyed by facet, then by id: each entry lists where the tag
 * was found as {@code {"text", "start", "end"}}, offsets into the posting's plain text (the normalised description).
 */
record ScoredPosting(String id, String role, String seniority, int score, Map<String, Integer> facetScores,
		Facets facets, String workplace, Pay salary, Map<String, Map<String, List<Span>>> evidence) {

	/** The tags by facet; {@code industries} lists the employer's primary industry first. */
	record Facets(List<String> certifications, List<String> degrees, String degreeLevel, List<String> methodologies,
			List<String> technical, List<String> industries, List<String> skills) {

		List<String> ids(String facet) {
			return switch (facet) {
				case "certifications" -> this.certifications;
				case "degrees" -> this.degrees;
				case "methodologies" -> this.methodologies;
				case "technical" -> this.technical;
				case "industries" -> this.industries;
				case "skills" -> this.skills;
				default -> throw new IllegalArgumentException("Unknown facet '" + facet + "'");
			};
		}

	}

	/** Pay as stated; amounts are whole numbers when the posting's are, period is hour/day/week/month/year. */
	record Pay(Number min, Number max, String currency, String period) {

	}

	/** Where a tag was found in the posting's plain text. */
	record Span(String text, int start, int end) {

	}

}
