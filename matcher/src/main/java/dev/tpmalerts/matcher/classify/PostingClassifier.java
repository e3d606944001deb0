package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tpmalerts.matcher.taxonomy.PhraseMatcher;
import dev.tpmalerts.matcher.taxonomy.PhraseMatcher.Match;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Evidence;
import dev.tpmalerts.shared.Tag;

/**
 * Classifies a posting and tags it against the taxonomy. A degree field is tagged only when the sentence around
 * it asks for a degree; industries are ranked by how much the posting says about them, the employer's own
 * description ("About us") counting double.
 */
public final class PostingClassifier {

	private static final Pattern DEGREE_WORDS = Pattern
		.compile("\\b(degree|bachelor|master|phd|ph\\.d|bs|ba|ms|msc|bsc|mba|diploma|graduate)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ABOUT_HEADING = Pattern.compile("^(about (us|the company|[a-z0-9 &.'-]{1,40})|who we are|our company|company overview)\\b.*",
			Pattern.CASE_INSENSITIVE);

	private static final Map<String, Integer> ROLE_POINTS = Map.of(RoleClassifier.TPM, 40, RoleClassifier.PROGRAM, 20,
			RoleClassifier.PROJECT, 15, RoleClassifier.PRODUCT, 10, RoleClassifier.OTHER, 0);

	private final Taxonomy taxonomy;

	private final PhraseMatcher matcher;

	public PostingClassifier(Taxonomy taxonomy) {
		this.taxonomy = taxonomy;
		this.matcher = new PhraseMatcher(taxonomy.concepts());
	}

	public Taxonomy taxonomy() {
		return this.taxonomy;
	}

	public Classification classify(String title, String seniority, String text) {
		String body = (text == null) ? "" : text;
		List<Match> matches = this.matcher.find(body);
		List<Tag> tags = new ArrayList<>();
		for (Match match : matches) {
			String facet = match.concept().facet();
			List<Evidence> evidence = match.evidence();
			if (facet.equals("degrees")) {
				evidence = evidence.stream().filter((each) -> asksForDegree(body, each)).toList();
				if (evidence.isEmpty()) {
					continue;
				}
			}
			tags.add(new Tag(facet, match.concept().id(), match.concept().label(), evidence));
		}
		tags = rankIndustries(tags, body);
		int technical = (int) tags.stream().filter((tag) -> tag.facet().equals("technical")).count();
		String role = RoleClassifier.classify(title, body, technical);
		Map<String, Integer> facetScores = score(role, title, tags);
		int total = Math.min(100, facetScores.values().stream().mapToInt(Integer::intValue).sum());
		return new Classification(role, seniority, degreeLevel(tags), total, facetScores, tags);
	}

	/** A field counts as a degree only near a word that asks for one, within its sentence. */
	private static boolean asksForDegree(String text, Evidence evidence) {
		int from = Math.max(sentenceStart(text, evidence.start()), evidence.start() - 60);
		int to = Math.min(sentenceEnd(text, evidence.end()), evidence.end() + 30);
		String around = text.substring(from, evidence.start()) + " " + text.substring(evidence.end(), to);
		return DEGREE_WORDS.matcher(around).find();
	}

	private static int sentenceStart(String text, int at) {
		int i = at;
		while (i > 0 && text.charAt(i - 1) != '\n' && !(text.charAt(i - 1) == ' ' && i > 1 && text.charAt(i - 2) == '.')) {
			i--;
		}
		return i;
	}

	private static int sentenceEnd(String text, int at) {
		int i = at;
		while (i < text.length() && text.charAt(i) != '\n' && !(text.charAt(i) == '.' && i + 1 < text.length() && text.charAt(i + 1) == ' ')) {
			i++;
		}
		return i;
	}

	private static String degreeLevel(List<Tag> tags) {
		List<String> levels = tags.stream().filter((tag) -> tag.facet().equals("degree-level")).map(Tag::id).toList();
		for (String level : List.of("phd", "master", "bachelor")) {
			if (levels.contains(level)) {
				// The lowest level asked for is the requirement; higher ones are usually "or".
				return levels.contains("bachelor") ? "bachelor" : levels.contains("master") ? "master" : level;
			}
		}
		return "none";
	}

	/** Industries first by weight: mentions in the employer's own description count double. */
	private static List<Tag> rankIndustries(List<Tag> tags, String text) {
		int aboutStart = -1;
		int aboutEnd = -1;
		int offset = 0;
		for (String line : text.split("\n", -1)) {
			String stripped = line.strip();
			if (aboutStart >= 0 && aboutEnd < 0 && stripped.length() < 60 && stripped.length() > 0
					&& !stripped.endsWith(".") && offset > aboutStart + 1) {
				aboutEnd = offset;
			}
			if (aboutStart < 0 && ABOUT_HEADING.matcher(stripped).matches() && stripped.length() < 60) {
				aboutStart = offset;
			}
			offset += line.length() + 1;
		}
		final int from = aboutStart;
		final int to = (aboutEnd < 0) ? text.length() : aboutEnd;
		Comparator<Tag> byWeight = Comparator.comparingInt((Tag tag) -> tag.evidence()
			.stream()
			.mapToInt((each) -> (from >= 0 && each.start() >= from && each.start() < to) ? 2 : 1)
			.sum()).reversed().thenComparingInt((Tag tag) -> tag.evidence().get(0).start());
		List<Tag> industries = tags.stream().filter((tag) -> tag.facet().equals("industries")).sorted(byWeight).toList();
		List<Tag> ranked = new ArrayList<>(tags.stream().filter((tag) -> !tag.facet().equals("industries")).toList());
		ranked.addAll(industries);
		return ranked;
	}

	private static Map<String, Integer> score(String role, String title, List<Tag> tags) {
		Map<String, Integer> scores = new LinkedHashMap<>();
		scores.put("role", ROLE_POINTS.get(role));
		scores.put("title", title.toLowerCase(Locale.ROOT).matches(".*\\b(technical program manag|tpm\\b).*") ? 5 : 0);
		scores.put("technical", Math.min(20, 5 * count(tags, "technical")));
		scores.put("methodologies", Math.min(10, 4 * count(tags, "methodologies")));
		scores.put("certifications", Math.min(10, 5 * count(tags, "certifications")));
		scores.put("skills", Math.min(10, 2 * count(tags, "skills")));
		boolean technicalDegree = tags.stream()
			.anyMatch((tag) -> tag.facet().equals("degrees") && List.of("computer-science", "engineering", "information-technology").contains(tag.id()));
		scores.put("degrees", technicalDegree ? 5 : (count(tags, "degrees") > 0 ? 3 : 0));
		return scores;
	}

	private static int count(List<Tag> tags, String facet) {
		return (int) tags.stream().filter((tag) -> tag.facet().equals(facet)).count();
	}

}
