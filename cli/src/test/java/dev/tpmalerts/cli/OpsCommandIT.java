package dev.tpmalerts.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.ingest.IngestApplication;
import dev.tpmalerts.shared.Topics;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ./tpm-alerts ops} against a running ingest application (dev profile, real PostgreSQL and Kafka): tables
 * of sources, runs and dead letters, a launch followed to its end, refusals printed as problem details with exit
 * code 1.
 */
class OpsCommandIT {

	private static final String BOARD = """
			{"jobs": [
			 {"id": 11, "title": "Technical Program Manager, Data", "updated_at": "2026-11-18T10:00:00Z",
			  "location": {"name": "Austin, TX"}, "absolute_url": "https://boards.greenhouse.io/cli/jobs/11",
			  "company_name": "Cli Corp", "content": "&lt;p&gt;Data programs.&lt;/p&gt;"},
			 {"id": 12, "title": "", "updated_at": "2026-11-18T10:00:00Z", "location": {"name": "Austin, TX"},
			  "absolute_url": "https://boards.greenhouse.io/cli/jobs/12", "company_name": "Cli Corp", "content": "x"}
			]}""";

	private static final Map<String, String> ENV = Map.of("TPM_OPS_PASSWORD", "operator-demo-password");

	private static EmbeddedKafkaKraftBroker kafka;

	private static PostgresDatabases.Database database;

	private static HttpServer site;

	private static ConfigurableApplicationContext ingest;

	private static String url;

	@BeforeAll
	static void start() throws IOException {
		kafka = new EmbeddedKafkaKraftBroker(1, 1, Topics.POSTINGS, Topics.POSTINGS_DLT);
		kafka.afterPropertiesSet();
		database = PostgresDatabases.create("ops_cli_it");
		site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
		site.createContext("/", (exchange) -> {
			byte[] body = BOARD.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		site.start();
		// As command-line arguments: they win over ingest's application.yml, whose empty source list would win over
		// default properties.
		ingest = new SpringApplicationBuilder(IngestApplication.class).profiles("dev")
			.run("--server.port=0", "--spring.datasource.url=" + database.url(),
					"--spring.datasource.username=" + database.username(),
					"--spring.datasource.password=" + database.password(),
					"--spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
					"--tpm.ingest.fetch.default-min-interval=0ms", "--tpm.ingest.sources[0].name=cli-board",
					"--tpm.ingest.sources[0].type=greenhouse",
					"--tpm.ingest.sources[0].url=http://127.0.0.1:" + site.getAddress().getPort() + "/v1/boards/cli/jobs",
					"--tpm.ingest.sources[0].schedule=0 0 5 * * *");
		url = "http://127.0.0.1:" + ((WebServerApplicationContext) ingest).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (ingest != null) {
			ingest.close();
		}
		if (site != null) {
			site.stop(0);
		}
		if (database != null) {
			PostgresDatabases.drop(database);
		}
		if (kafka != null) {
			kafka.destroy();
		}
	}

	@Test
	void shouldLaunchARunFollowItAndListItsDeadLetter() {
		Result jobs = ops("jobs");
		assertThat(jobs.code()).isZero();
		assertThat(jobs.out()).contains("SOURCE").contains("NEXT RUN").contains("cli-board").contains("0 0 5 * * *");

		Result launched = ops("launch", "cli-board");
		assertThat(launched.code()).as(launched.err()).isZero();
		Matcher id = Pattern.compile("Started run (\\d+)").matcher(launched.out());
		assertThat(id.find()).isTrue();
		await().atMost(Duration.ofSeconds(60)).until(() -> ops("run", id.group(1)).out().contains("COMPLETED"));
		assertThat(ops("run", id.group(1)).out()).contains("scrapeStep").contains("2 of 2 read");
		assertThat(ops("history", "--source", "cli-board").out()).contains("RUN").contains("COMPLETED")
			.contains("operator:operator");

		Result letters = await().atMost(Duration.ofSeconds(30))
			.until(() -> ops("dead-letters", "--stage", "ingest"), (result) -> result.out().contains("title is missing"));
		Matcher letter = Pattern.compile("(?m)^(\\d+)\\s+ingest").matcher(letters.out());
		assertThat(letter.find()).isTrue();
		Result replay = ops("replay", letter.group(1));
		assertThat(replay.code()).as("a replay that fails again").isEqualTo(1);
		assertThat(replay.out()).contains("still rejected");
		assertThat(ops("purge").out()).startsWith("Deleted 0 run(s)");
	}

	@Test
	void shouldPrintTheProblemDetailOfARefusalAndExitWithOne() {
		Result invalid = ops("schedule", "cli-board", "every day");

		assertThat(invalid.code()).isEqualTo(1);
		assertThat(invalid.err()).contains("400 Bad parameter").contains("every day").contains("(parameter cron)");
		assertThat(ops("launch", "nope").err()).contains("404").contains("no source is named 'nope'");
		Result wrongPassword = run(Map.of("TPM_OPS_PASSWORD", "wrong"), "jobs", "--url", url);
		assertThat(wrongPassword.code()).isEqualTo(1);
		assertThat(wrongPassword.err()).contains("401");
		Result recruiter = run(Map.of("TPM_OPS_PASSWORD", "recruiter-demo-password"), "jobs", "--url", url, "--user",
				"recruiter");
		assertThat(recruiter.err()).contains("403");
	}

	@Test
	void shouldChangeAScheduleAndResetIt() {
		Result changed = ops("schedule", "cli-board", "0 30 6 * * *");
		assertThat(changed.code()).as(changed.err()).isZero();
		assertThat(changed.out()).contains("now runs on 0 30 6 * * *, next at");
		assertThat(ops("jobs").out()).contains("0 30 6 * * * (changed)");
		assertThat(ops("schedule", "cli-board", "").out()).contains("on demand only");
		assertThat(ops("schedule", "cli-board", "--reset").out()).contains("now runs on 0 0 5 * * *");
	}

	@Test
	void shouldRefuseAPasswordArgumentAndAMissingPassword() {
		Result argument = run(ENV, "jobs", "--password", "secret", "--url", url);
		assertThat(argument.code()).isEqualTo(2);
		assertThat(argument.err()).contains("TPM_OPS_PASSWORD");
		assertThat(run(Map.of(), "jobs", "--url", url).code()).isEqualTo(2);
		assertThat(run(ENV, "frobnicate", "--url", url).err()).contains("unknown command 'frobnicate'");
	}

	private static Result ops(String... args) {
		String[] withUrl = new String[args.length + 2];
		System.arraycopy(args, 0, withUrl, 0, args.length);
		withUrl[args.length] = "--url";
		withUrl[args.length + 1] = url;
		return run(ENV, withUrl);
	}

	private static Result run(Map<String, String> env, String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = new OpsCommand(HttpClient.newHttpClient(), ZoneId.of("UTC")).run(args, env,
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int code, String out, String err) {

	}

}
