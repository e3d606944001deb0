package dev.tpmalerts.matcher.classify;

import java.util.List;
import java.util.Map;

import dev.tpmalerts.shared.Tag;

/**
 * What the matcher concluded about one posting.
 *
 * @param role one of the taxonomy's role ids
 * @param score 0–100: how well the posting fits a TPM profile
 * @param facetScores the points each facet contributed to the score, for a recruiter to read
 * @param tags every concept found, with its evidence
 */
public record Classification(String role, String seniority, String degreeLevel, int score,
		Map<String, Integer> facetScores, List<Tag> tags) {

	public List<String> ids(String facet) {
		return this.tags.stream().filter((tag) -> tag.facet().equals(facet)).map(Tag::id).toList();
	}

}
