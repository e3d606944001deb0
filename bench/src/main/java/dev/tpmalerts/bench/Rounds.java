package dev.tpmalerts.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs two contenders in alternating timed rounds and reports each one's median rate and their ratio. The ratio is
 * the median of the rounds' paired ratios (each round of ours against the baseline round just before it): the
 * host's speed drifts by a factor of two over a run here, and a pair sees the same host.
 */
final class Rounds {

	/** Work that does {@code n} units (pages, records) and returns how many it did. */
	@FunctionalInterface
	interface Work {

		long run() throws Exception;

	}

	/** Untimed preparation of one round (fresh topic, fresh index) that returns the work to time. */
	@FunctionalInterface
	interface Setup {

		Work prepare() throws Exception;

	}

	record Result(String name, double medianRate, double minRate, double maxRate) {

	}

	record Comparison(Result ours, Result baseline, double pairedRatio) {

	}

	private Rounds() {
	}

	/** Warms both up for {@code warmups} rounds, then measures {@code rounds} alternating rounds of each. */
	static Comparison compare(String ours, Work oursWork, String baseline, Work baselineWork, int warmups, int rounds)
			throws Exception {
		return compareWithSetup(ours, () -> oursWork, baseline, () -> baselineWork, warmups, rounds);
	}

	/** As {@link #compare}, each round first running its contender's untimed setup. */
	static Comparison compareWithSetup(String ours, Setup oursSetup, String baseline, Setup baselineSetup, int warmups,
			int rounds) throws Exception {
		for (int i = 0; i < warmups; i++) {
			oursSetup.prepare().run();
			baselineSetup.prepare().run();
		}
		List<Double> oursRates = new ArrayList<>();
		List<Double> baselineRates = new ArrayList<>();
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			double baselineRate = rate(baselineSetup.prepare());
			double oursRate = rate(oursSetup.prepare());
			baselineRates.add(baselineRate);
			oursRates.add(oursRate);
			ratios.add(oursRate / baselineRate);
		}
		return new Comparison(result(ours, oursRates), result(baseline, baselineRates), median(ratios));
	}

	private static Result result(String name, List<Double> rates) {
		return new Result(name, median(rates), rates.stream().mapToDouble(Double::doubleValue).min().orElse(0),
				rates.stream().mapToDouble(Double::doubleValue).max().orElse(0));
	}

	private static double rate(Work work) throws Exception {
		long start = System.nanoTime();
		long units = work.run();
		return units / ((System.nanoTime() - start) / 1e9);
	}

	private static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Double::compare);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	static void print(String unit, Comparison comparison, double goal) {
		for (Result result : new Result[] { comparison.ours(), comparison.baseline() }) {
			System.out.printf(Locale.ROOT, "  %-46s %10.0f %s (median; rounds %.0f–%.0f)%n", result.name(),
					result.medianRate(), unit, result.minRate(), result.maxRate());
		}
		double ratio = comparison.pairedRatio();
		System.out.printf(Locale.ROOT, "  ratio %.2f, median of the paired rounds (goal >= %.2f): %s%n", ratio, goal,
				(ratio >= goal) ? "met" : "NOT met");
	}

}
