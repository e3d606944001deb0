package dev.tpmalerts.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.tpmalerts.cli.ScoredPosting.Pay;

/**
 * Compares scored postings with their labels: accuracies for single-valued fields, micro precision, recall and F1
 * over (posting, id) pairs for the tag facets, each against its goal. A labelled posting that could not be scored
 * counts as wrong on every field, and as missing all its tags.
 */
final class Evaluation {

	/** One figure of the table; {@code goal} is null for a figure reported without a goal. */
	record Figure(String name, double value, Double goal) {

		boolean met() {
			return this.goal == null || this.value >= this.goal - 1e-9;
		}

	}

	/** One field on which the classifier disagrees with the label. */
	record Disagreement(String id, String field, String expected, String got) {

	}

	/** Micro counts of one facet. */
	record Counts(int truePositives, int falsePositives, int falseNegatives) {

		/** With nothing predicted nothing was wrong: precision 1; likewise recall with nothing to find. */
		double precision() {
			int predicted = this.truePositives + this.falsePositives;
			return (predicted == 0) ? 1.0 : (double) this.truePositives / predicted;
		}

		double recall() {
			int expected = this.truePositives + this.falseNegatives;
			return (expected == 0) ? 1.0 : (double) this.truePositives / expected;
		}

		double f1() {
			double p = precision();
			double r = recall();
			return (p + r == 0) ? 0.0 : 2 * p * r / (p + r);
		}

	}

	private static final Map<String, Double> F1_GOALS = Map.of("certifications", 0.95, "methodologies", 0.95,
			"degrees", 0.90, "technical", 0.85);

	private final List<Figure> figures = new ArrayList<>();

	private final List<Disagreement> disagreements = new ArrayList<>();

	private final int postings;

	private Evaluation(int postings) {
		this.postings = postings;
	}

	/** @param scored the scored postings by id; a label without one counts as a miss */
	static Evaluation of(List<Label> labels, Map<String, ScoredPosting> scored) {
		Evaluation evaluation = new Evaluation(labels.size());
		Map<String, Integer> right = new LinkedHashMap<>();
		for (String field : List.of("role", "seniority", "degreeLevel", "primaryIndustry", "workplace", "salary")) {
			right.put(field, 0);
		}
		Map<String, int[]> counts = new LinkedHashMap<>();
		PostingScorer.FACETS.forEach((facet) -> counts.put(facet, new int[3]));
		for (Label label : labels) {
			ScoredPosting got = scored.get(label.id());
			ScoredPosting.Facets expectedFacets = (label.facets() != null) ? label.facets()
					: new ScoredPosting.Facets(null, null, "none", null, null, null, null);
			evaluation.compare(right, label.id(), "role", label.role(), (got == null) ? null : got.role());
			evaluation.compare(right, label.id(), "seniority", label.seniority(), (got == null) ? null : got.seniority());
			evaluation.compare(right, label.id(), "degreeLevel", expectedFacets.degreeLevel(),
					(got == null) ? null : got.facets().degreeLevel());
			evaluation.compare(right, label.id(), "primaryIndustry", first(expectedFacets.ids("industries")),
					(got == null) ? null : first(got.facets().industries()));
			evaluation.compare(right, label.id(), "workplace", label.workplace(), (got == null) ? null : got.workplace());
			boolean salaryRight = got != null && samePay(label.salary(), got.salary());
			right.merge("salary", salaryRight ? 1 : 0, Integer::sum);
			if (!salaryRight) {
				evaluation.disagreements.add(new Disagreement(label.id(), "salary", String.valueOf(label.salary()),
						(got == null) ? "(not scored)" : String.valueOf(got.salary())));
			}
			for (String facet : PostingScorer.FACETS) {
				Set<String> expected = new HashSet<>(expectedFacets.ids(facet));
				Set<String> predicted = (got == null) ? Set.of() : new HashSet<>(got.facets().ids(facet));
				int[] c = counts.get(facet);
				for (String id : predicted) {
					if (expected.contains(id)) {
						c[0]++;
					}
					else {
						c[1]++;
						evaluation.disagreements.add(new Disagreement(label.id(), facet, "(absent)", id));
					}
				}
				for (String id : expected) {
					if (!predicted.contains(id)) {
						c[2]++;
						evaluation.disagreements.add(new Disagreement(label.id(), facet, id, "(absent)"));
					}
				}
			}
		}
		double n = Math.max(1, labels.size());
		evaluation.figures.add(new Figure("role accuracy", right.get("role") / n, 0.97));
		evaluation.figures.add(new Figure("seniority accuracy", right.get("seniority") / n, null));
		for (String facet : PostingScorer.FACETS) {
			int[] c = counts.get(facet);
			Counts micro = new Counts(c[0], c[1], c[2]);
			evaluation.figures.add(new Figure(facet + " precision", micro.precision(), null));
			evaluation.figures.add(new Figure(facet + " recall", micro.recall(), null));
			evaluation.figures.add(new Figure(facet + " F1", micro.f1(), F1_GOALS.get(facet)));
		}
		evaluation.figures.add(new Figure("degreeLevel accuracy", right.get("degreeLevel") / n, null));
		evaluation.figures.add(new Figure("primary industry accuracy", right.get("primaryIndustry") / n, 0.85));
		evaluation.figures.add(new Figure("workplace accuracy", right.get("workplace") / n, 0.95));
		evaluation.figures.add(new Figure("salary accuracy", right.get("salary") / n, 0.95));
		return evaluation;
	}

	private void compare(Map<String, Integer> right, String id, String field, String expected, String got) {
		if (got != null && Objects.equals(expected, got)) {
			right.merge(field, 1, Integer::sum);
		}
		else {
			this.disagreements.add(new Disagreement(id, field, String.valueOf(expected), (got == null) ? "(not scored)" : got));
		}
	}

	private static String first(List<String> ids) {
		return (ids == null || ids.isEmpty()) ? null : ids.get(0);
	}

	/** Amounts compare as numbers (185000 equals 185000.0); null equals only null. */
	static boolean samePay(Pay expected, Pay got) {
		if (expected == null || got == null) {
			return expected == got;
		}
		return sameAmount(expected.min(), got.min()) && sameAmount(expected.max(), got.max())
				&& Objects.equals(expected.currency(), got.currency()) && Objects.equals(expected.period(), got.period());
	}

	private static boolean sameAmount(Number a, Number b) {
		if (a == null || b == null) {
			return a == b;
		}
		return Math.abs(a.doubleValue() - b.doubleValue()) < 0.005;
	}

	int postings() {
		return this.postings;
	}

	List<Figure> figures() {
		return this.figures;
	}

	Figure figure(String name) {
		return this.figures.stream()
			.filter((figure) -> figure.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No figure named '" + name + "'"));
	}

	List<Disagreement> disagreements() {
		return this.disagreements;
	}

}
