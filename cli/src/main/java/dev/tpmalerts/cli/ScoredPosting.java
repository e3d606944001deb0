package dev.tpmalerts.cli;

import java.util.List;
import java.util.Map;

/**
 * One line of {@code score}'s output, in this order: {@code id, role, seniority, score, facetScores} (the points each
 * part of the TPM profile gave the score), {@code facets, workplace, salary} (null when no pay is stated) and
 * {@code evidence}.
 * <p>
 * {@code evidence} is an object keyed by facet, then by id, each a list of up to five {@code {"text", "start",
 * "end"}}: character offsets into the posting's plain text (the normalised description, as the pipeline indexes
 * it), e.g. {@code "certifications": {"pmp": [{"text": "PMP", "start": 812, "end": 815}]}}. An industry read from
 * the company name alone, which the text does not repeat, has start and end -1; the facet {@code degree-level}
 * shows what set {@code degreeLevel}.
 */
record ScoredPosting(String id, String role, String seniority, int score, Map<String, Integer> facetScores,
		Facets facets, String workplace, Pay salary, Map<String, Map<String, List<Span>>> evidence) {

	/**
	 * The tags by facet; {@code industries} lists the employer's primary industry first. Labels use it too, where a
	 * facet left out of a label line reads as empty.
	 */
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

	/** Pay as stated; amounts are whole numbers when the posting's are, period is hour/day/week/month/year. */
	record Pay(Number min, Number max, String currency, String period) {

	}

	/** Where a tag was found in the posting's plain text. */
	record Span(String text, int start, int end) {

	}

}
