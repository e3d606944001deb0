package dev.tpmalerts.cli;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import dev.tpmalerts.shared.Json;

/**
 * {@code ./tpm-alerts score}: reads JSON Lines postings ({@code id, title, company, location, description}) on
 * stdin and writes one scored posting per line on stdout, in input order, as it goes. A line that cannot be scored
 * gets one error line on stderr naming its line number and what was wrong; the command goes on.
 */
public final class ScoreCommand {

	private final PostingScorer scorer;

	ScoreCommand(PostingScorer scorer) {
		this.scorer = scorer;
	}

	public static void main(String[] args) {
		// Buffered, flushed after each posting: a reader downstream sees every line as soon as it is scored.
		PrintStream out = new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
				false, StandardCharsets.UTF_8);
		int status = new ScoreCommand(new PostingScorer()).run(System.in, out, System.err);
		out.flush();
		System.exit(status);
	}

	/** @return 0, or 1 when the input could not be read at all */
	int run(InputStream in, PrintStream out, PrintStream err) {
		BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
		int number = 0;
		try {
			String line;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					// A blank line holds no posting (editors add one at the end); there is nothing to report.
					continue;
				}
				try {
					ScoredPosting scored = this.scorer.score(line);
					out.println(Json.mapper().writeValueAsString(scored));
					out.flush();
				}
				catch (BadInputException ex) {
					err.println("line " + number + ": " + ex.getMessage());
				}
				catch (RuntimeException ex) {
					// One posting that trips the code must not stop a batch; say which one and why.
					err.println("line " + number + ": could not be scored: " + ex);
				}
			}
			return 0;
		}
		catch (IOException ex) {
			err.println("Cannot read the input after line " + number + ": " + ex.getMessage());
			return 1;
		}
	}

}
