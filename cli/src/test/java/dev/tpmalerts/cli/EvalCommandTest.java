package dev.tpmalerts.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.cli.ScoredPosting.Pay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EvalCommandTest {

	private static final PostingScorer scorer = new PostingScorer();

	/**
	 * The fixture: fx-1 is a TPM labelled with PMP and CSM (the posting asks only for PMP), fx-2 a community
	 * programme labelled, on purpose, as a project; fx-3 has no title and cannot be scored.
	 */
	@Test
	void shouldPrintEachFigureWithItsGoalAndTheDisagreements() throws URISyntaxException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = new EvalCommand(scorer).run(new String[] { fixture().toString(), "--errors" },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

		List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(status).isZero();
		assertThat(lines).first().asString().endsWith(": 2 labelled postings");
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("role accuracy\\s+0\\.500\\s+0\\.97\\s+NOT met"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("certifications precision\\s+1\\.000\\s*"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("certifications recall\\s+0\\.500\\s*"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("certifications F1\\s+0\\.667\\s+0\\.95\\s+NOT met"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("workplace accuracy\\s+1\\.000\\s+0\\.95\\s+met"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("salary accuracy\\s+1\\.000\\s+0\\.95\\s+met"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("fx-2\\s+role\\s+project-manager\\s+program-manager"));
		assertThat(lines).anySatisfy((line) -> assertThat(line).matches("fx-1\\s+certifications\\s+csm\\s+\\(absent\\)"));
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 3: title is missing in posting 'fx-3'");
	}

	@Test
	void shouldNameAMissingSet() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int status = new EvalCommand(scorer).run(new String[] { "no-such-set" }, new PrintStream(new ByteArrayOutputStream()),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(status).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("no-such-set").contains("postings.jsonl");
	}

	@ParameterizedTest(name = "tp={0} fp={1} fn={2} → P={3} R={4} F1={5}")
	@CsvSource(textBlock = """
			3, 1, 2, 0.75, 0.6, 0.6667
			0, 0, 0, 1.0, 1.0, 1.0
			0, 2, 0, 0.0, 1.0, 0.0
			""")
	void shouldComputeMicroPrecisionRecallAndF1(int tp, int fp, int fn, double precision, double recall, double f1) {
		Evaluation.Counts counts = new Evaluation.Counts(tp, fp, fn);

		assertThat(counts.precision()).isCloseTo(precision, within(1e-4));
		assertThat(counts.recall()).isCloseTo(recall, within(1e-4));
		assertThat(counts.f1()).isCloseTo(f1, within(1e-4));
	}

	@Test
	void shouldCompareAmountsAsNumbersAndNullOnlyWithNull() {
		assertThat(Evaluation.samePay(new Pay(150000, 180000, "USD", "year"), new Pay(150000.0, 180000L, "USD", "year"))).isTrue();
		assertThat(Evaluation.samePay(new Pay(null, 90000, "GBP", "year"), new Pay(90000, 90000, "GBP", "year"))).isFalse();
		assertThat(Evaluation.samePay(null, null)).isTrue();
		assertThat(Evaluation.samePay(null, new Pay(1, 1, "USD", "hour"))).isFalse();
	}

	@Test
	void shouldCountAPostingThatWasNotScoredAsWrongOnEveryField() {
		Label label = new Label("x", "other", "mid",
				new ScoredPosting.Facets(List.of("pmp"), List.of(), "none", List.of(), List.of(), List.of("other"), List.of()),
				"unknown", null);

		Evaluation evaluation = Evaluation.of(List.of(label), Map.of());

		assertThat(evaluation.figure("role accuracy").value()).isZero();
		assertThat(evaluation.figure("salary accuracy").value()).isZero();
		assertThat(evaluation.figure("certifications recall").value()).isZero();
	}

	private static Path fixture() throws URISyntaxException {
		return Path.of(EvalCommandTest.class.getResource("/eval-fixture/labels.jsonl").toURI()).getParent();
	}

}
