package dev.tpmalerts.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;

import dev.tpmalerts.shared.Json;

/**
 * {@code ./tpm-alerts eval [dev|test|DIR] [--errors]}: scores {@code eval/<set>/postings.jsonl} with exactly the
 * {@code score} code path, compares with {@code eval/<set>/labels.jsonl} and prints each figure with its goal.
 */
public final class EvalCommand {

	private final PostingScorer scorer;

	EvalCommand(PostingScorer scorer) {
		this.scorer = scorer;
	}

	public static void main(String[] args) {
		System.exit(new EvalCommand(new PostingScorer()).run(args, System.out, System.err));
	}

	int run(String[] args, PrintStream out, PrintStream err) {
		String set = "dev";
		boolean errors = false;
		for (String arg : args) {
			if (arg.equals("--errors")) {
				errors = true;
			}
			else if (arg.startsWith("-")) {
				err.println("Unknown option '" + arg + "'; usage: eval [dev|test|DIR] [--errors]");
				return 2;
			}
			else {
				set = arg;
			}
		}
		Path dir = (set.equals("dev") || set.equals("test")) ? Path.of("eval", set) : Path.of(set);
		Path postings = dir.resolve("postings.jsonl");
		Path labels = dir.resolve("labels.jsonl");
		for (Path file : List.of(postings, labels)) {
			if (!Files.isRegularFile(file)) {
				err.println("The eval set has no " + file + "; expected postings.jsonl and labels.jsonl in " + dir);
				return 2;
			}
		}
		try {
			Evaluation evaluation = evaluate(postings, labels, err);
			print(evaluation, dir, out);
			if (errors) {
				printErrors(evaluation, out);
			}
			return 0;
		}
		catch (IOException ex) {
			err.println("Cannot read the eval set in " + dir + ": " + ex.getMessage());
			return 1;
		}
	}

	Evaluation evaluate(Path postings, Path labels, PrintStream err) throws IOException {
		Map<String, ScoredPosting> scored = new LinkedHashMap<>();
		try (BufferedReader reader = Files.newBufferedReader(postings, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				try {
					ScoredPosting posting = this.scorer.score(line);
					scored.put(posting.id(), posting);
				}
				catch (BadInputException ex) {
					err.println(postings + " line " + number + ": " + ex.getMessage());
				}
				catch (RuntimeException ex) {
					// Counted as wrong on every field; one posting that trips the code must not hide the others' figures.
					err.println(postings + " line " + number + ": could not be scored: " + ex);
				}
			}
		}
		List<Label> expected = new ArrayList<>();
		List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).isBlank()) {
				continue;
			}
			try {
				Label label = Json.mapper().readValue(lines.get(i), Label.class);
				if (label.id() == null) {
					err.println(labels + " line " + (i + 1) + ": id is missing; the label is left out");
					continue;
				}
				expected.add(label);
			}
			catch (JacksonException ex) {
				err.println(labels + " line " + (i + 1) + ": not a JSON label: " + ex.getOriginalMessage());
			}
		}
		return Evaluation.of(expected, scored);
	}

	private static void print(Evaluation evaluation, Path dir, PrintStream out) {
		out.printf(Locale.ROOT, "Evaluation of %s: %d labelled postings%n", dir, evaluation.postings());
		out.printf(Locale.ROOT, "%-32s %7s %7s  %s%n", "figure", "value", "goal", "");
		for (Evaluation.Figure figure : evaluation.figures()) {
			String goal = (figure.goal() == null) ? "" : String.format(Locale.ROOT, "%.2f", figure.goal());
			String verdict = (figure.goal() == null) ? "" : (figure.met() ? "met" : "NOT met");
			out.printf(Locale.ROOT, "%-32s %7.3f %7s  %s%n", figure.name(), figure.value(), goal, verdict).flush();
		}
	}

	private static void printErrors(Evaluation evaluation, PrintStream out) {
		out.println();
		out.printf(Locale.ROOT, "Disagreements (%d):%n", evaluation.disagreements().size());
		out.printf(Locale.ROOT, "%-14s %-16s %-28s %s%n", "id", "field", "expected", "got");
		for (Evaluation.Disagreement each : evaluation.disagreements()) {
			out.printf(Locale.ROOT, "%-14s %-16s %-28s %s%n", each.id(), each.field(), each.expected(), each.got());
		}
	}

}
