package dev.tpmalerts.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;

import dev.tpmalerts.cli.ScoredPosting.Facets;
import dev.tpmalerts.cli.ScoredPosting.Pay;
import dev.tpmalerts.cli.ScoredPosting.Span;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.normalize.RejectedPostingException;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.Tag;

/**
 * Scores one JSON line with exactly the pipeline's code: ingest's normaliser (clean text, workplace, salary,
 * seniority), then the matcher's classifier on the normalised plain text. Both {@code score} and {@code eval} use
 * it, so the figures {@code eval} reports are the figures of what {@code score} prints.
 */
final class PostingScorer {

	static final List<String> FACETS = List.of("certifications", "degrees", "methodologies", "technical", "industries",
			"skills");

	private final PostingNormalizer normalizer = new PostingNormalizer(Clock.systemUTC());

	private final PostingClassifier classifier = new PostingClassifier(Taxonomy.load());

	ScoredPosting score(String line) {
		InputPosting input = parse(line);
		if (input.id() == null || input.id().isBlank()) {
			throw new BadInputException("id is missing");
		}
		if (input.title() == null || input.title().isBlank()) {
			throw new BadInputException("title is missing in posting '" + input.id() + "'");
		}
		Posting posting;
		try {
			posting = this.normalizer.normalize(raw(input));
		}
		catch (RejectedPostingException ex) {
			throw new BadInputException(ex.getMessage() + " (posting '" + input.id() + "')");
		}
		Classification classification = this.classifier.classify(posting);
		return new ScoredPosting(input.id(), classification.role(), classification.seniority(), classification.score(),
				classification.facetScores(), facets(classification), posting.workplace().name().toLowerCase(Locale.ROOT),
				pay(posting.salary()), evidence(classification));
	}

	private static InputPosting parse(String line) {
		try {
			return Json.mapper().readValue(line, InputPosting.class);
		}
		catch (JacksonException ex) {
			throw new BadInputException("not a JSON posting object: " + ex.getOriginalMessage());
		}
	}

	/** The normaliser needs a URL; a synthetic one from the id keeps ids distinct and the posting id stable. */
	private static RawPosting raw(InputPosting input) {
		String url = "https://score.tpm-alerts.invalid/postings/"
				+ URLEncoder.encode(input.id(), StandardCharsets.UTF_8);
		return new RawPosting("score", SourceType.JSON_LD_PAGE, url, null, input.title(), input.company(), List.of(),
				input.location(), null, null, null, null, null, input.description());
	}

	private static Facets facets(Classification classification) {
		return new Facets(classification.ids("certifications"), classification.ids("degrees"),
				classification.degreeLevel(), classification.ids("methodologies"), classification.ids("technical"),
				classification.ids("industries"), classification.ids("skills"));
	}

	private static Pay pay(Salary salary) {
		if (salary == null) {
			return null;
		}
		return new Pay(number(salary.min()), number(salary.max()), salary.currency(),
				(salary.period() == null) ? null : salary.period().name().toLowerCase(Locale.ROOT));
	}

	/** 185000.0 prints as 185000, as postings and labels write it; 42.5 stays 42.5. */
	static Number number(Double amount) {
		if (amount == null) {
			return null;
		}
		return (amount == Math.rint(amount) && Math.abs(amount) < 1e15) ? (Number) amount.longValue() : amount;
	}

	private static Map<String, Map<String, List<Span>>> evidence(Classification classification) {
		Map<String, Map<String, List<Span>>> evidence = new LinkedHashMap<>();
		for (Tag tag : classification.tags()) {
			if (!FACETS.contains(tag.facet()) && !tag.facet().equals("degree-level")) {
				continue;
			}
			evidence.computeIfAbsent(tag.facet(), (facet) -> new LinkedHashMap<>())
				.put(tag.id(), tag.evidence().stream().map((each) -> new Span(each.text(), each.start(), each.end())).toList());
		}
		return evidence;
	}

}
