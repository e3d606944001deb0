package dev.tpmalerts.ingest.ops;

import java.net.InetAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.job.ScrapeLauncher;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.RejectedRecord;
import dev.tpmalerts.shared.Topics;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The operations API end to end: schedules changed live and kept in the database, runs launched, refused, stopped
 * and listed with their counts, dead runs recovered on demand, dead letters stored from the real topic, browsed and
 * replayed, and housekeeping that never deletes a run still going.
 */
class OpsApiIT extends OpsTestStack {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void shouldListTheSourcesWithTheirSchedulesAndNextFireTimes() throws Exception {
		HttpResponse<String> response = get("/api/ops/sources", OPERATOR);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode ticking = source(json(response), "ticking-board");
		assertThat(ticking.get("cron").asString()).isEqualTo("0 0 4 * * *");
		assertThat(ticking.get("type").asString()).isEqualTo("greenhouse");
		assertThat(Instant.parse(ticking.get("nextFire").asString())).isAfter(Instant.now());
		assertThat(source(json(response), "acme-greenhouse").get("nextFire").isNull()).as("on demand only").isTrue();
	}

	@Test
	void shouldChangeAScheduleLiveKeepItInTheDatabaseAndResetIt() throws Exception {
		HttpResponse<String> changed = put("/api/ops/sources/ticking-board/schedule", "{\"cron\": \"*/2 * * * * *\"}", OPERATOR);

		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(json(changed).get("cron").asString()).isEqualTo("*/2 * * * * *");
		assertThat(json(changed).get("scheduleChangedBy").asString()).isEqualTo("operator");
		assertThat(this.jdbc.sql("select cron from source_schedule where source_name = 'ticking-board'")
			.query(String.class)
			.single()).as("kept for the next start and the other nodes").isEqualTo("*/2 * * * * *");
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				json(get("/api/ops/runs?source=ticking-board", OPERATOR)).get("items").findValuesAsString("trigger"))
			.as("the new schedule fires without a restart").contains("schedule"));

		HttpResponse<String> reset = send("DELETE", "/api/ops/sources/ticking-board/schedule");
		assertThat(json(reset).get("cron").asString()).isEqualTo("0 0 4 * * *");
		assertThat(json(reset).get("scheduleChanged").asBoolean()).isFalse();

		// Another node's change reaches this one through the database within tpm.ingest.schedule-refresh (1 s here).
		this.jdbc.sql("insert into source_schedule (source_name, cron, changed_by, changed_at) values ('ticking-board', null, 'other-node', current_timestamp)")
			.update();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
				source(json(get("/api/ops/sources", OPERATOR)), "ticking-board").get("cron").isNull()).isTrue());
		assertThat(send("DELETE", "/api/ops/sources/ticking-board/schedule").statusCode()).isEqualTo(200);
	}

	@Test
	void shouldRefuseAnInvalidCronNamingTheParameter() throws Exception {
		HttpResponse<String> response = put("/api/ops/sources/ticking-board/schedule", "{\"cron\": \"every day\"}", OPERATOR);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(response).get("parameter").asString()).isEqualTo("cron");
		assertThat(json(response).get("detail").asString()).contains("every day");
		assertThat(put("/api/ops/sources/nope/schedule", "{\"cron\": \"@daily\"}", OPERATOR).statusCode()).isEqualTo(404);
		assertThat(json(get("/api/ops/runs?status=DONE", OPERATOR)).get("parameter").asString()).isEqualTo("status");
		assertThat(json(get("/api/ops/runs?size=500", OPERATOR)).get("parameter").asString()).isEqualTo("size");
		assertThat(json(get("/api/ops/runs/abc", OPERATOR)).get("parameter").asString()).isEqualTo("id");
	}

	@Test
	void shouldLaunchARunInTheBackgroundAndListItWithItsCounts() throws Exception {
		HttpResponse<String> launched = post("/api/ops/sources/acme-greenhouse/runs", OPERATOR);

		assertThat(launched.statusCode()).isEqualTo(202);
		long id = json(launched).get("executionId").asLong();
		assertThat(launched.headers().firstValue("Location")).hasValue("/api/ops/runs/" + id);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> json(get("/api/ops/runs/" + id, OPERATOR)).at("/run/status").asString().equals("COMPLETED"));
		JsonNode run = json(get("/api/ops/runs/" + id, OPERATOR));
		assertThat(run.at("/run/read").asLong()).isEqualTo(3);
		assertThat(run.at("/run/written").asLong()).isEqualTo(2);
		assertThat(run.at("/run/skipped").asLong()).isEqualTo(1);
		assertThat(run.at("/run/trigger").asString()).isEqualTo("operator:operator");
		assertThat(run.at("/run/durationMillis").asLong()).isNotNegative();
		assertThat(run.at("/steps/0/name").asString()).isEqualTo("scrapeStep");
		assertThat(run.at("/steps/0/total").asInt()).as("the postings the run had to read").isEqualTo(3);

		JsonNode history = json(get("/api/ops/runs?source=acme-greenhouse&status=COMPLETED&size=5", OPERATOR));
		assertThat(history.get("items").findValuesAsString("source")).containsOnly("acme-greenhouse");
		assertThat(history.get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(history.get("total").asLong()).isPositive();
		assertThat(source(json(get("/api/ops/sources", OPERATOR)), "acme-greenhouse").at("/lastRun/id").asLong())
			.isGreaterThanOrEqualTo(id);
	}

	@Test
	void shouldRefuseASecondRunOfASourceAndStopTheFirst() throws Exception {
		slowBoard.set(new CountDownLatch(1));
		HttpResponse<String> first = post("/api/ops/sources/slow-board/runs", OPERATOR);
		assertThat(first.statusCode()).isEqualTo(202);
		long id = json(first).get("executionId").asLong();

		HttpResponse<String> second = post("/api/ops/sources/slow-board/runs", OPERATOR);
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(json(second).get("detail").asString()).contains("in progress").contains(String.valueOf(id));
		assertThat(source(json(get("/api/ops/sources", OPERATOR)), "slow-board").get("running").asLong()).isEqualTo(id);

		HttpResponse<String> stop = post("/api/ops/runs/" + id + "/stop", OPERATOR);
		slowBoard.get().countDown();
		assertThat(stop.statusCode()).isEqualTo(202);
		assertThat(json(stop).at("/run/status").asString()).isIn("STOPPING", "STOPPED");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> json(get("/api/ops/runs/" + id, OPERATOR)).at("/run/status").asString().equals("STOPPED"));
		assertThat(json(get("/api/ops/runs?status=STOPPED", OPERATOR)).get("items").findValuesAsString("source"))
			.contains("slow-board");
		assertThat(post("/api/ops/runs/" + id + "/stop", OPERATOR).statusCode()).as("nothing left to stop").isEqualTo(409);
		assertThat(post("/api/ops/runs/999999/stop", OPERATOR).statusCode()).isEqualTo(404);
	}

	@Test
	void shouldRecoverARunLeftStartedByADeadProcessOnDemand() throws Exception {
		JobParameters parameters = new JobParametersBuilder().addString("source", "acme-greenhouse")
			.addString("run", "2026-02-01T00:00:00Z")
			.toJobParameters();
		var instance = this.jobRepository.createJobInstance(ScrapeLauncher.JOB_NAME, parameters);
		JobExecution orphan = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		orphan.setStatus(BatchStatus.STARTED);
		orphan.setStartTime(LocalDateTime.now());
		// Its owner ran on this host, in a process that is gone.
		orphan.getExecutionContext().putString("owner", InetAddress.getLocalHost().getHostName() + ":" + Integer.MAX_VALUE + ":0");
		this.jobRepository.update(orphan);
		this.jobRepository.updateExecutionContext(orphan);

		HttpResponse<String> response = post("/api/ops/recover?restart=false", OPERATOR);

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode recovered = json(response).get("recovered");
		assertThat(recovered.findValuesAsString("why")).anySatisfy((why) -> assertThat(why).contains("is gone"));
		assertThat(recovered.findValues("run").stream().map((run) -> run.get("id").asLong())).contains(orphan.getId());
		assertThat(this.jobRepository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(json(post("/api/ops/recover", OPERATOR)).get("recovered")).as("nothing is left to recover").isEmpty();
	}

	@Test
	void shouldKeepARejectedPostingAndReplayItWhenItStillFails() throws Exception {
		assertThat(post("/api/ops/sources/acme-greenhouse/runs", OPERATOR).statusCode()).isIn(202, 409);

		JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(
				() -> json(get("/api/ops/dead-letters?stage=ingest&source=acme-greenhouse", OPERATOR)).get("items"),
				(items) -> !items.isEmpty()).get(0);
		assertThat(letter.get("reason").asString()).contains("title is missing");
		assertThat(letter.get("payloadExcerpt").asString()).startsWith("{").contains("7002");
		assertThat(letter.get("status").asString()).isEqualTo("PENDING");

		HttpResponse<String> replay = post("/api/ops/dead-letters/" + letter.get("id").asLong() + "/replay", OPERATOR);

		assertThat(replay.statusCode()).isEqualTo(200);
		assertThat(json(replay).get("outcome").asString()).isEqualTo("StillRejected");
		assertThat(json(replay).get("through").asBoolean()).isFalse();
		assertThat(json(replay).at("/deadLetter/status").asString()).as("kept").isEqualTo("PENDING");
		assertThat(json(replay).at("/deadLetter/replays").asInt()).isEqualTo(1);
		assertThat(json(replay).at("/deadLetter/lastReplayOutcome").asString()).contains("title is missing");
	}

	@Test
	void shouldPublishAPostingThatPassesTheNormaliserNow() throws Exception {
		RawPosting fixed = new RawPosting("acme-greenhouse", SourceType.GREENHOUSE,
				"https://boards.greenhouse.io/acme/jobs/7999", "7999", "Technical Program Manager, Replays", "Acme Cloud",
				List.of(), "Seattle, WA", null, null, null, "2026-11-20", null, "<p>Programs that were once refused.</p>");
		RejectedRecord rejected = new RejectedRecord("ingest", "acme-greenhouse", fixed.url(),
				"title is 301 characters long (an older normaliser's limit)", Json.mapper().writeValueAsString(fixed),
				Instant.now());
		this.kafka.send(Topics.POSTINGS_DLT, "acme-greenhouse", rejected).get();
		long id = awaitLetter("ingest", fixed.url());

		JsonNode replay = json(post("/api/ops/dead-letters/" + id + "/replay", OPERATOR));

		assertThat(replay.get("outcome").asString()).isEqualTo("Published");
		assertThat(replay.at("/deadLetter/status").asString()).isEqualTo("REPLAYED");
		String postingId = PostingIds.of("7999");
		assertThat(read(Topics.POSTINGS, postingId)).isNotEmpty();
		assertThat(json(get("/api/ops/dead-letters?status=REPLAYED", OPERATOR)).get("items").findValuesAsString("location"))
			.contains(fixed.url());
	}

	@Test
	void shouldSendAPostingTheMatcherCouldNotIndexAgain() throws Exception {
		assertThat(post("/api/ops/sources/acme-greenhouse/runs", OPERATOR).statusCode()).isIn(202, 409);
		// Whichever source published it first (the tests share one database), ingest knows the job by one id.
		String postingId = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.sql("select posting_id from posting_record where posting_json like ?")
				.param("%Senior Technical Program Manager, Security%")
				.query(String.class)
				.optional(), java.util.Optional::isPresent)
			.orElseThrow();
		RejectedRecord refused = new RejectedRecord("matcher", "elasticsearch", postingId,
				"Elasticsearch refused the document: mapper_parsing_exception", null, Instant.now());
		this.kafka.send(Topics.POSTINGS_DLT, postingId, refused).get();
		long id = awaitLetter("matcher", postingId);

		JsonNode replay = json(post("/api/ops/dead-letters/" + id + "/replay", OPERATOR));

		assertThat(replay.get("outcome").asString()).isEqualTo("Republished");
		assertThat(read(Topics.POSTINGS, postingId)).anySatisfy((value) -> assertThat(value).contains("\"schemaVersion\"")
			.contains("Senior Technical Program Manager, Security"));
	}

	@Test
	void shouldKeepAPoisonRecordAndSendItsBytesBackToItsTopic() throws Exception {
		ProducerRecord<String, Object> poison = new ProducerRecord<>(Topics.POSTINGS_DLT, null, "poison-key",
				"{\"type\":\"PostingScraped\",\"schemaVersion\":99}".getBytes(StandardCharsets.UTF_8));
		poison.headers()
			.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, Topics.POSTINGS.getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, "matcher".getBytes(StandardCharsets.UTF_8))
			.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, "Record at offset 7 is not a readable posting event".getBytes(StandardCharsets.UTF_8));
		this.kafka.send(poison).get();
		long id = awaitLetter("matcher", null);
		JsonNode letter = json(get("/api/ops/dead-letters/" + id, OPERATOR));
		assertThat(letter.get("reason").asString()).contains("not a readable posting event");
		assertThat(letter.get("originalTopic").asString()).isEqualTo(Topics.POSTINGS);

		JsonNode replay = json(post("/api/ops/dead-letters/" + id + "/replay", OPERATOR));

		assertThat(replay.get("outcome").asString()).isEqualTo("Republished");
		assertThat(read(Topics.POSTINGS, "poison-key")).contains("{\"type\":\"PostingScraped\",\"schemaVersion\":99}");
	}

	@Test
	void shouldPurgeOldRunsAndDeadLettersButNeverARunStillGoing() throws Exception {
		JobExecution old = execution("2025-01-01T00:00:00Z", BatchStatus.COMPLETED, LocalDateTime.now().minusDays(200));
		JobExecution stuck = execution("2025-01-02T00:00:00Z", BatchStatus.STARTED, null);
		JobExecution recent = execution("2025-01-03T00:00:00Z", BatchStatus.COMPLETED, LocalDateTime.now().minusDays(1));
		this.kafka.send(Topics.POSTINGS_DLT, "old", new RejectedRecord("ingest", "old-source", "https://old.example/",
				"an old refusal", null, Instant.now())).get();
		long oldLetter = awaitLetter("ingest", "https://old.example/");
		this.jdbc.sql("update dead_letter set received_at = ? where id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(200))), oldLetter)
			.update();

		HttpResponse<String> response = post("/api/ops/housekeeping/purge", OPERATOR);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response).get("jobInstances").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(json(response).get("deadLetters").asInt()).isGreaterThanOrEqualTo(1);
		assertThat(get("/api/ops/runs/" + old.getId(), OPERATOR).statusCode()).isEqualTo(404);
		assertThat(get("/api/ops/runs/" + stuck.getId(), OPERATOR).statusCode()).as("never delete a run still going").isEqualTo(200);
		assertThat(get("/api/ops/runs/" + recent.getId(), OPERATOR).statusCode()).isEqualTo(200);
		assertThat(get("/api/ops/dead-letters/" + oldLetter, OPERATOR).statusCode()).isEqualTo(404);
		this.jobRepository.deleteJobInstance(stuck.getJobInstance());
	}

	private JobExecution execution(String run, BatchStatus status, LocalDateTime ended) {
		JobParameters parameters = new JobParametersBuilder().addString("source", "purged-source")
			.addString("run", run)
			.toJobParameters();
		var instance = this.jobRepository.createJobInstance(ScrapeLauncher.JOB_NAME, parameters);
		JobExecution execution = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		LocalDateTime started = (ended != null) ? ended.minusMinutes(1) : LocalDateTime.now().minusDays(200);
		execution.setStartTime(started);
		execution.setStatus(status);
		execution.setEndTime(ended);
		this.jobRepository.update(execution);
		// The repository stamps create and update times with now; the purge goes by the end (or creation) time.
		this.jdbc.sql("update batch_job_execution set create_time = ? where job_execution_id = ?")
			.params(started, execution.getId())
			.update();
		return execution;
	}

	private long awaitLetter(String stage, String location) {
		return await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Long> ids = new ArrayList<>();
			for (JsonNode item : json(get("/api/ops/dead-letters?stage=" + stage + "&size=200", OPERATOR)).get("items")) {
				boolean matches = (location == null) ? item.get("location").asString().startsWith(Topics.POSTINGS + "-")
						: location.equals(item.get("location").asString());
				if (matches) {
					ids.add(item.get("id").asLong());
				}
			}
			return ids;
		}, (ids) -> !ids.isEmpty()).get(0);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
			.method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString(OPERATOR.getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode source(JsonNode sources, String name) {
		for (JsonNode source : sources) {
			if (name.equals(source.get("name").asString())) {
				return source;
			}
		}
		throw new AssertionError("no source " + name + " in " + sources);
	}

	static JsonNode json(HttpResponse<String> response) {
		return Json.mapper().readTree(response.body());
	}

	/** The values of the records with this key on a topic (read from the beginning). */
	private static List<String> read(String topic, String key) {
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
				ConsumerConfig.GROUP_ID_CONFIG, "ops-it-" + System.nanoTime(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (key.equals(record.key())) {
						values.add(new String(record.value(), StandardCharsets.UTF_8));
					}
				}
				return !values.isEmpty();
			});
		}
		return values;
	}

}
