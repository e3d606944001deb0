package dev.tpmalerts.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tpmalerts.demo.ApplicationStack.Database;
import dev.tpmalerts.demo.ApplicationStack.Servers;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.shared.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kill the ingest JVM (SIGKILL) in the middle of a scrape, start it again: the run it left STARTED is recovered
 * without any SQL by hand and resumed from its last committed chunk; every posting reaches Kafka, and only the
 * records of the chunk the kill interrupted can reach it twice.
 */
class ScrapeRestartIT {

	private static final int JOBS = 40;

	private static final int CHUNK = 5;

	private static final PostgresDatabases.Database database = PostgresDatabases.create("restart_it");

	@TempDir
	static Path work;

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	@Test
	void shouldResumeAKilledRunFromItsLastCommittedChunkRepublishingAtMostThatChunk() throws Exception {
		HttpServer board = serveBoard();
		Path sources = work.resolve("sources.yml");
		Files.writeString(sources, """
				tpm:
				  ingest:
				    sources:
				      - name: big-board
				        type: greenhouse
				        url: ${tpm.samples.base-url}/v1/boards/big/jobs?content=true
				""");
		Servers servers = new Servers(System.getProperty("spring.embedded.kafka.brokers"), "http://127.0.0.1:9", 25);
		Database db = new Database(database.url(), database.username(), database.password());
		// Slow chunks (each waits 1.5 s for its batch to fill) leave time to kill the JVM between two commits.
		Map<String, String> slow = Map.of("tpm.ingest.chunk-size", String.valueOf(CHUNK),
				"spring.kafka.producer.properties.linger.ms", "1500");
		String baseUrl = "http://127.0.0.1:" + board.getAddress().getPort();
		try (ApplicationStack stack = new ApplicationStack(ApplicationStack.defaultAppsDir(), work.resolve("apps"))) {
			AppProcess first = stack.startIngest(servers, db, sources, baseUrl, slow);
			await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> commits() >= 2);
			first.kill();
			long committedBeforeKill = readCountOfCommittedChunks();
			assertThat(committedBeforeKill).isBetween((long) CHUNK, (long) JOBS - CHUNK);
			assertThat(database.query("select status from batch_job_execution")).containsExactly("STARTED");

			AppProcess second = stack.startIngest(servers, db, sources, baseUrl, Map.of("tpm.ingest.chunk-size",
					String.valueOf(CHUNK), "tpm.ingest.run-on-startup", "false"));
			second.awaitLogLine(Pattern.compile("resumed as execution \\d+: COMPLETED"), Duration.ofSeconds(120));

			assertThat(database.query("select status from batch_job_execution order by job_execution_id"))
				.containsExactly("FAILED", "COMPLETED");
			List<String> resumedReads = database.query("select read_count from batch_step_execution order by step_execution_id");
			assertThat(Long.parseLong(resumedReads.get(1))).as("the resumed step reads only what was not committed")
				.isEqualTo(JOBS - committedBeforeKill);
			// At least once, and never more than the one chunk the kill interrupted: a chunk whose records the broker
			// acknowledged just before the kill, but whose commit the database never saw, is read and sent again.
			// Downstream takes that in its stride (the matcher writes by posting id, the notifier's ledger mails
			// once), so the exact-once claim this test used to make was more than the design gives, and under load
			// it failed on that window.
			List<String> keys = publishedKeys(JOBS);
			assertThat(new HashSet<>(keys)).hasSize(JOBS);
			assertThat(keys.size() - JOBS).as("records published twice").isBetween(0, CHUNK);
		}
		finally {
			board.stop(0);
		}
	}

	private static long commits() throws Exception {
		List<String> counts = database.query("select commit_count from batch_step_execution");
		return counts.isEmpty() ? 0 : Long.parseLong(counts.get(0));
	}

	private static long readCountOfCommittedChunks() throws Exception {
		return Long.parseLong(database.query("select read_count from batch_step_execution").get(0));
	}

	private static List<String> publishedKeys(int expected) {
		List<String> keys = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.embedded.kafka.brokers"), ConsumerConfig.GROUP_ID_CONFIG, "restart-it",
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.POSTINGS));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					keys.add(record.key());
				}
				return keys.size() >= expected;
			});
			// A duplicate would arrive with the others: give it a moment.
			consumer.poll(Duration.ofSeconds(2)).forEach((record) -> keys.add(record.key()));
		}
		return keys;
	}

	private static HttpServer serveBoard() throws IOException {
		StringBuilder jobs = new StringBuilder();
		for (int i = 1; i <= JOBS; i++) {
			jobs.append((i > 1) ? "," : "").append("""
					{"id": %d, "title": "Technical Program Manager %d", "updated_at": "2026-11-20T10:00:00Z",
					 "location": {"name": "Seattle, WA"}, "absolute_url": "https://boards.greenhouse.io/big/jobs/%d",
					 "company_name": "Big Board Co", "content": "&lt;p&gt;Program number %d.&lt;/p&gt;"}""".formatted(
					8_000_000 + i, i, 8_000_000 + i, i));
		}
		byte[] body = ("{\"jobs\": [" + jobs + "], \"meta\": {\"total\": " + JOBS + "}}").getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		server.createContext("/v1/boards/big/jobs", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		return server;
	}

}
