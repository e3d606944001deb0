package dev.tpmalerts.ingest.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.embedded.ActuatorClient;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.RejectedRecord;
import dev.tpmalerts.shared.Topics;
import dev.tpmalerts.shared.Workplace;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scrape job against a real Kafka broker and a real PostgreSQL job repository, reading a Greenhouse board
 * served over loopback. A posting without a title and a source that answers 404 go to the dead-letter topic with
 * their reasons; the good postings are published keyed by posting id; the job completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { ActuatorClient.OPS_USER_NAME, ActuatorClient.OPS_USER_PASSWORD_HASH, ActuatorClient.OPS_USER_ROLES,
				// Ingest has no sign-in yet, so nobody is authorised to see the components: show them to all here.
				"management.endpoint.health.show-details=always" })
class ScrapeJobIT {

	private static final PostgresDatabases.Database database = PostgresDatabases.create("ingest_it");

	private static final AtomicReference<String> userAgent = new AtomicReference<>();

	private static final AtomicReference<Integer> vanishingStatus = new AtomicReference<>(200);

	private static final java.util.concurrent.atomic.AtomicInteger vanishingConditionalHits = new java.util.concurrent.atomic.AtomicInteger();

	private static final HttpServer site = serve();

	@LocalServerPort
	int port;

	@Autowired
	ScrapeLauncher launcher;

	@Autowired
	StaleRunRecovery recovery;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		String base = "http://127.0.0.1:" + site.getAddress().getPort();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
		registry.add("tpm.ingest.sources[0].name", () -> "acme-greenhouse");
		registry.add("tpm.ingest.sources[0].type", () -> "greenhouse");
		registry.add("tpm.ingest.sources[0].url", () -> base + "/v1/boards/acme/jobs?content=true");
		registry.add("tpm.ingest.sources[1].name", () -> "gone-careers");
		registry.add("tpm.ingest.sources[1].type", () -> "json-ld-page");
		registry.add("tpm.ingest.sources[1].url", () -> base + "/careers/gone.html");
		registry.add("tpm.ingest.sources[2].name", () -> "disabled-board");
		registry.add("tpm.ingest.sources[2].type", () -> "lever");
		registry.add("tpm.ingest.sources[2].url", () -> base + "/v0/postings/never");
		registry.add("tpm.ingest.sources[2].enabled", () -> "false");
		registry.add("tpm.ingest.sources[3].name", () -> "vanishing-page");
		registry.add("tpm.ingest.sources[3].type", () -> "json-ld-page");
		registry.add("tpm.ingest.sources[3].url", () -> base + "/careers/vanishing.html");
		registry.add("tpm.ingest.sources[3].enabled", () -> "true");
	}

	@AfterAll
	static void stop() {
		site.stop(0);
		PostgresDatabases.drop(database);
	}

	@Test
	void shouldPublishGoodPostingsAndKeepRejectedOnesWithTheirReasons() throws Exception {
		ActuatorClient operator = ActuatorClient.operator(this.port);
		Map<String, Double> before = counters(operator);
		List<ScrapeLauncher.Launch> launches = this.launcher.runAll("test");

		assertThat(launches).extracting(ScrapeLauncher.Launch::source)
			.containsExactly("acme-greenhouse", "gone-careers", "vanishing-page");
		JobExecution execution = ((ScrapeLauncher.Launch.Ran) launches.get(0)).execution();
		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(execution.getJobParameters().getString("source")).isEqualTo("acme-greenhouse");
		var step = execution.getStepExecutions().iterator().next();
		assertThat(step.getReadCount()).isEqualTo(3);
		assertThat(step.getWriteCount()).isEqualTo(2);
		assertThat(step.getSkipCount()).isEqualTo(1);
		for (ScrapeLauncher.Launch launch : launches) {
			long executionId = ((ScrapeLauncher.Launch.Ran) launch).execution().getId();
			assertThat(this.jdbc.sql("select status from batch_job_execution where job_execution_id = ?")
				.param(executionId)
				.query(String.class)
				.single()).as("run of %s", launch.source()).isEqualTo("COMPLETED");
		}
		assertThat(userAgent.get()).startsWith("tpm-alerts/");

		List<ConsumerRecord<String, byte[]>> published = read(Topics.POSTINGS, 3);
		assertThat(published).extracting(ConsumerRecord::key)
			.contains(PostingIds.of("greenhouse:acme:7001"), PostingIds.of("greenhouse:acme:7003"));
		PostingScraped infrastructure = published.stream()
			.map((record) -> JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, record.value()))
			.map(PostingScraped.class::cast)
			.filter((event) -> event.posting().title().endsWith("Infrastructure"))
			.findFirst()
			.orElseThrow();
		assertThat(infrastructure.posting().workplace()).isEqualTo(Workplace.HYBRID);
		assertThat(infrastructure.posting().salary().min()).isEqualTo(150_000.0);
		assertThat(infrastructure.posting().canonicalUrl()).isEqualTo("https://boards.greenhouse.io/acme/jobs/7001");
		assertThat(infrastructure.posting().company()).isEqualTo("Acme Cloud");

		List<RejectedRecord> rejected = read(Topics.POSTINGS_DLT, 2).stream()
			.map((record) -> JsonSerde.deserializer(RejectedRecord.class).deserialize(Topics.POSTINGS_DLT, record.value()))
			.toList();
		assertThat(rejected).anySatisfy((record) -> {
			assertThat(record.source()).isEqualTo("acme-greenhouse");
			assertThat(record.reason()).contains("title is missing");
			assertThat(record.location()).isEqualTo("https://boards.greenhouse.io/acme/jobs/7002");
		});
		assertThat(rejected).anySatisfy((record) -> {
			assertThat(record.source()).isEqualTo("gone-careers");
			assertThat(record.reason()).contains("HTTP 404");
		});
		assertThat(rejected).noneSatisfy((record) -> assertThat(record.source()).isEqualTo("disabled-board"));

		Map<String, Double> after = counters(operator);
		assertThat(after).containsEntry("fetched", before.get("fetched") + 3)
			.containsEntry("published", before.get("published") + 2)
			// acme's posting without a title, and gone-careers: a posting page that answers 404 before it was published
			.containsEntry("rejected", before.get("rejected") + 2)
			.containsEntry("unreadable", before.get("unreadable"));
	}

	@Test
	void shouldReportTheDatabaseAndKafkaUpAndReady() {
		ActuatorClient operator = ActuatorClient.operator(this.port);
		JsonNode health = Json.mapper().readTree(operator.get("health").body());
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/details/database").asString()).isEqualTo("PostgreSQL");
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
		JsonNode readiness = Json.mapper().readTree(operator.get("health/readiness").body());
		assertThat(readiness.at("/status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components").propertyNames()).containsExactlyInAnyOrder("db", "kafka", "readinessState");
	}

	private static Map<String, Double> counters(ActuatorClient operator) {
		return Map.of("fetched", operator.sample("tpm_postings_fetched_total", "source", "acme-greenhouse"),
				"published", operator.sample("tpm_postings_published_total", "source", "acme-greenhouse"),
				"rejected", operator.sample("tpm_postings_rejected_total", "stage", "ingest", "reason", "rejected-posting"),
				"unreadable", operator.sample("tpm_postings_rejected_total", "stage", "ingest", "reason", "unreadable-source"));
	}

	@Test
	void shouldSkipAnUnchangedPageAndRetractThePostingOfAPageThatIsGone() throws Exception {
		vanishingStatus.set(200);
		this.launcher.run("vanishing-page", "test", Instant.parse("2026-11-01T00:00:00Z"));
		String pageUrl = "http://127.0.0.1:" + site.getAddress().getPort() + "/careers/vanishing.html";
		String id = PostingIds.of(pageUrl);

		ScrapeLauncher.Launch unchanged = this.launcher.run("vanishing-page", "test", Instant.parse("2026-11-02T00:00:00Z"));
		assertThat(vanishingConditionalHits.get()).as("the second fetch is conditional").isPositive();
		assertThat(((ScrapeLauncher.Launch.Ran) unchanged).execution().getStepExecutions().iterator().next().getReadCount())
			.as("an unchanged page is not read again").isZero();

		vanishingStatus.set(410);
		this.launcher.run("vanishing-page", "test", Instant.parse("2026-11-03T00:00:00Z"));

		List<PostingEvent> events = read(Topics.POSTINGS, 1).stream()
			.filter((record) -> id.equals(record.key()))
			.map((record) -> JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, record.value()))
			.toList();
		assertThat(events).last().isInstanceOf(PostingExpired.class);
		assertThat(((PostingExpired) events.get(events.size() - 1)).reason()).contains("HTTP 410");
	}

	@Test
	void shouldRefuseUnknownAndDisabledSourcesNamingThem() {
		assertThat(this.launcher.run("nope", "test", Instant.now()))
			.isEqualTo(new ScrapeLauncher.Launch.Refused("nope", "no source is named 'nope'"));
		assertThat(this.launcher.run("disabled-board", "test", Instant.now()))
			.isEqualTo(new ScrapeLauncher.Launch.Refused("disabled-board", "source 'disabled-board' is disabled"));
	}

	@Test
	void shouldRecoverARunLeftStartedByADeadProcessAndNotStartASecondRunOfThatSource() throws Exception {
		JobParameters parameters = new JobParametersBuilder().addString("source", "acme-greenhouse")
			.addString("run", "2026-01-01T00:00:00Z")
			.toJobParameters();
		var instance = this.jobRepository.createJobInstance(ScrapeLauncher.JOB_NAME, parameters);
		JobExecution orphan = this.jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
		orphan.setStatus(BatchStatus.STARTED);
		orphan.setStartTime(LocalDateTime.now());
		String host = ScrapeLauncher.owner().split(":")[0];
		orphan.getExecutionContext().putString(ScrapeLauncher.OWNER, host + ":" + Integer.MAX_VALUE + ":0");
		this.jobRepository.update(orphan);
		this.jobRepository.updateExecutionContext(orphan);

		assertThat(this.launcher.run("acme-greenhouse", "test", Instant.now()))
			.isInstanceOf(ScrapeLauncher.Launch.Refused.class);

		List<JobExecution> recovered = this.recovery.recover(false);

		assertThat(recovered).extracting(JobExecution::getId).containsExactly(orphan.getId());
		assertThat(this.jobRepository.getJobExecution(orphan.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(this.jobRepository.findRunningJobExecutions(ScrapeLauncher.JOB_NAME)).isEmpty();
		assertThat(this.recovery.recover(false)).as("a live run is never taken for a dead one").isEmpty();
	}

	private static List<ConsumerRecord<String, byte[]>> read(String topic, int expected) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
				ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
				ConsumerConfig.GROUP_ID_CONFIG, "scrape-it-" + topic, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				return records.size() >= expected;
			});
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
		}
		return records;
	}

	private static void answerVanishingPage(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
		try (exchange) {
			if (vanishingStatus.get() != 200) {
				exchange.sendResponseHeaders(vanishingStatus.get(), -1);
				return;
			}
			if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				vanishingConditionalHits.incrementAndGet();
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			byte[] body = """
					<html><head><script type="application/ld+json">
					{"@context": "https://schema.org", "@type": "JobPosting", "title": "Technical Program Manager, Vanishing",
					 "hiringOrganization": {"name": "Acme Cloud"}, "description": "<p>Programs.</p>"}
					</script></head><body></body></html>""".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.getResponseHeaders().set("ETag", "\"v1\"");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static HttpServer serve() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
			server.createContext("/", (exchange) -> {
				userAgent.set(exchange.getRequestHeaders().getFirst("User-Agent"));
				String path = exchange.getRequestURI().getPath();
				if (path.equals("/careers/vanishing.html")) {
					answerVanishingPage(exchange);
					return;
				}
				if (!path.equals("/v1/boards/acme/jobs")) {
					exchange.sendResponseHeaders(404, -1);
					exchange.close();
					return;
				}
				byte[] body;
				try (InputStream in = ScrapeJobIT.class.getResourceAsStream("/scrape-it/board.json")) {
					body = in.readAllBytes();
				}
				exchange.getResponseHeaders().set("Content-Type", "application/json; charset=" + StandardCharsets.UTF_8.name());
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
