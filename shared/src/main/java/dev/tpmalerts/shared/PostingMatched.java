package dev.tpmalerts.shared;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the matcher publishes to {@link Topics#POSTINGS_MATCHED} once a posting is classified, tagged, scored and
 * indexed. {@code expired} is true for tombstones, which carry no posting. The posting comes without its HTML
 * description when it has a text one (about half the bytes of the event): the text is what alerts match and emails
 * quote.
 */
public record PostingMatched(int schemaVersion, String postingId, Posting posting, String role, int score,
		Map<String, Integer> facetScores, List<Tag> tags, String taxonomyVersion, boolean expired,
		Instant matchedAt) {

	public static final int SCHEMA_VERSION = 1;

	public PostingMatched {
		facetScores = (facetScores != null) ? Map.copyOf(facetScores) : Map.of();
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}

	public static PostingMatched expired(String postingId, Instant at) {
		return new PostingMatched(SCHEMA_VERSION, postingId, null, null, 0, Map.of(), List.of(), null, true, at);
	}

	/** Ids of the tags in one facet, e.g. {@code tagIds("certifications")}. */
	public List<String> tagIds(String facet) {
		return this.tags.stream().filter((tag) -> tag.facet().equals(facet)).map(Tag::id).toList();
	}

}
