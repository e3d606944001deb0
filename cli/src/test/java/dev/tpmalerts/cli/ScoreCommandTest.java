package dev.tpmalerts.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.shared.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ScoreCommandTest {

	private static final PostingScorer scorer = new PostingScorer();

	@Test
	void shouldScoreEachLineInOrderAndReportABadLineOnStderr() {
		String stdin = """
				{"id": "a-1", "title": "Senior Technical Program Manager", "company": "First Harbor Bank", "location": "Remote (US)", "description": "<h3>About us</h3><p>First Harbor is a bank serving 2 million customers.</p><h3>Requirements</h3><ul><li>PMP or PgMP certification</li><li>Experience with Agile and Scrum on cloud infrastructure programs</li></ul><p>Pay: $180,000 - $220,000 per year.</p>"}
				this is not json
				{"id": "a-3", "company": "Acme"}
				{"id": "a-4", "title": "Program Manager, Community Outreach", "company": "Helping Hands", "location": "Austin, TX", "description": "About us\\nHelping Hands is a nonprofit.\\n\\nWhat you will do\\n- Run our volunteer programs\\n- Work on-site in our Austin office"}
				""";

		Result result = run(stdin);

		assertThat(result.out()).hasSize(2);
		JsonNode first = result.out().get(0);
		assertThat(first.get("id").asString()).isEqualTo("a-1");
		assertThat(first.get("role").asString()).isEqualTo("technical-program-manager");
		assertThat(first.get("seniority").asString()).isEqualTo("senior");
		assertThat(first.get("workplace").asString()).isEqualTo("remote");
		assertThat(first.get("salary").get("min").asLong()).isEqualTo(180000);
		assertThat(first.get("salary").get("max").asLong()).isEqualTo(220000);
		assertThat(first.get("salary").get("currency").asString()).isEqualTo("USD");
		assertThat(first.get("salary").get("period").asString()).isEqualTo("year");
		assertThat(ids(first.get("facets").get("certifications"))).containsExactlyInAnyOrder("pmp", "pgmp");
		assertThat(ids(first.get("facets").get("methodologies"))).contains("agile", "scrum");
		assertThat(ids(first.get("facets").get("industries"))).first().isEqualTo("finance");
		JsonNode pmp = first.get("evidence").get("certifications").get("pmp").get(0);
		assertThat(pmp.get("text").asString()).isEqualTo("PMP");
		assertThat(pmp.get("end").asInt() - pmp.get("start").asInt()).isEqualTo(3);
		JsonNode second = result.out().get(1);
		assertThat(second.get("id").asString()).isEqualTo("a-4");
		assertThat(second.get("role").asString()).isEqualTo("program-manager");
		assertThat(second.get("salary").isNull()).isTrue();
		assertThat(second.get("workplace").asString()).isEqualTo("onsite");
		assertThat(ids(second.get("facets").get("industries"))).first().isEqualTo("nonprofit");
		assertThat(result.err()).hasSize(2);
		assertThat(result.err().get(0)).startsWith("line 2: not a JSON posting object");
		assertThat(result.err().get(1)).isEqualTo("line 3: title is missing in posting 'a-3'");
		assertThat(result.status()).isZero();
	}

	@Test
	void shouldGiveEveryPostingAnIndustryAndAScoreWithinRange() {
		Result result = run("{\"id\": \"b-1\", \"title\": \"Warehouse Associate - PM Shift\", \"description\": \"Pick and pack orders.\"}\n");

		JsonNode only = result.out().get(0);
		assertThat(only.get("role").asString()).isEqualTo("other");
		assertThat(ids(only.get("facets").get("industries"))).isNotEmpty();
		assertThat(only.get("score").asInt()).isBetween(0, 100);
		assertThat(only.get("facets").get("degreeLevel").asString()).isEqualTo("none");
	}

	@Test
	void shouldWriteEachResultBeforeTheInputEnds() throws Exception {
		PipedOutputStream stdin = new PipedOutputStream();
		PipedInputStream in = new PipedInputStream(stdin);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Thread command = new Thread(() -> new ScoreCommand(scorer).run(in, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
		command.start();

		stdin.write("{\"id\": \"s-1\", \"title\": \"Technical Program Manager\", \"description\": \"Run programs.\"}\n"
			.getBytes(StandardCharsets.UTF_8));
		stdin.flush();

		// The input is still open: the first posting's line must already be out.
		await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> out.toString(StandardCharsets.UTF_8).contains("\"id\":\"s-1\""));
		stdin.close();
		command.join(10_000);
		assertThat(command.isAlive()).isFalse();
	}

	private static List<String> ids(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	private static Result run(String stdin) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		InputStream in = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
		int status = new ScoreCommand(scorer).run(in, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		List<JsonNode> lines = out.toString(StandardCharsets.UTF_8).lines().map((line) -> Json.mapper().readTree(line)).toList();
		return new Result(status, lines, err.toString(StandardCharsets.UTF_8).lines().toList());
	}

	private record Result(int status, List<JsonNode> out, List<String> err) {

	}

}
