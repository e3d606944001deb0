package dev.tpmalerts.bench;

import java.nio.file.Path;

/** {@code ./tpm-alerts bench ingest|match|alerts}: runs one benchmark and prints its figures. */
public final class Bench {

	private Bench() {
	}

	public static void main(String[] args) throws Exception {
		String which = (args.length > 0) ? args[0] : "";
		Path samples = Path.of(System.getProperty("tpm.samples.dir", "samples"));
		switch (which) {
			case "ingest" -> new IngestBenchmark(samples).run();
			case "match" -> new MatchBenchmark(samples).run();
			case "alerts" -> new AlertsBenchmark(samples).run();
			default -> {
				System.err.println("Usage: ./tpm-alerts bench ingest|match|alerts");
				System.exit(2);
			}
		}
		System.exit(0);
	}

}
