package dev.tpmalerts.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.demo.ApplicationStack.Database;
import dev.tpmalerts.demo.ApplicationStack.Servers;
import dev.tpmalerts.shared.Json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@link WalkingSkeletonIT}'s path and checks with the servers in containers, the images of docker-compose.yml:
 * Kafka, Elasticsearch 9, PostgreSQL (with compose's init script) and Mailpit, the alert emails read back over
 * Mailpit's HTTP API. The three deployable jars run as child processes, as in the demo. Skipped where no Docker
 * engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true, parallel = true)
class ContainersWalkingSkeletonIT {

	private static final String SUBSCRIBER = "walking.skeleton@tpm-alerts.example";

	private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/[a-z/]+\\?token=[A-Za-z0-9_%-]+)");

	private static final int POSTGRES_PORT = 5432;

	private static final int MAILPIT_SMTP_PORT = 1025;

	private static final int MAILPIT_HTTP_PORT = 8025;

	@Container
	static final KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:4.1.2"));

	@Container
	static final ElasticsearchContainer elasticsearch = new ElasticsearchContainer(
			DockerImageName.parse("docker.elastic.co/elasticsearch/elasticsearch:9.2.8"))
		.withEnv("xpack.security.enabled", "false")
		.withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
		.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
		.withStartupTimeout(Duration.ofMinutes(3));

	@Container
	static final PostgreSQLContainer postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"))
		.withDatabaseName("ingest")
		.withCopyFileToContainer(composeFile("docker/postgres/initdb/01-create-notifier-database.sql"),
				"/docker-entrypoint-initdb.d/01-create-notifier-database.sql");

	@Container
	static final GenericContainer<?> mailpit = new GenericContainer<>(DockerImageName.parse("axllent/mailpit:v1.34"))
		.withExposedPorts(MAILPIT_SMTP_PORT, MAILPIT_HTTP_PORT)
		.waitingFor(Wait.forHttp("/readyz").forPort(MAILPIT_HTTP_PORT));

	@TempDir
	static Path work;

	static ApplicationStack stack;

	static Servers servers;

	static Database ingestDb;

	static Database notifierDb;

	static final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void wireTheApplicationsToTheContainers() {
		// ApplicationStack gives the notifier 127.0.0.1 as SMTP host: the mapped port of a local Docker engine.
		servers = new Servers(kafka.getBootstrapServers(), "http://" + elasticsearch.getHttpHostAddress(),
				mailpit.getMappedPort(MAILPIT_SMTP_PORT));
		ingestDb = new Database(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
		notifierDb = new Database("jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(POSTGRES_PORT)
				+ "/notifier", postgres.getUsername(), postgres.getPassword());
		stack = new ApplicationStack(ApplicationStack.defaultAppsDir(), work.resolve("apps"));
	}

	@AfterAll
	static void stopTheApplications() {
		if (stack != null) {
			stack.close();
		}
	}

	@Test
	void shouldCarryOneCareerPagePostingAllTheWayToAnAlertEmail() throws Exception {
		new WalkingSkeleton(stack, servers, ingestDb, notifierDb, ContainersWalkingSkeletonIT::awaitMessages, work)
			.shouldCarryOneCareerPagePostingAllTheWayToAnAlertEmail();
	}

	/**
	 * Waits until Mailpit holds at least {@code count} messages and returns them oldest first, each parsed from its
	 * source so that the checks read the same MIME message as {@link WalkingSkeletonIT} does from GreenMail.
	 */
	private static List<MimeMessage> awaitMessages(int count, Duration timeout) throws Exception {
		List<String> ids = new ArrayList<>();
		await().atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
			ids.clear();
			ids.addAll(messageIdsOldestFirst());
			return ids.size() >= count;
		});
		List<MimeMessage> messages = new ArrayList<>();
		for (String id : ids) {
			messages.add(message(id));
		}
		return messages;
	}

	private static List<String> messageIdsOldestFirst() throws IOException, InterruptedException {
		JsonNode list = Json.mapper().readTree(http.send(HttpRequest.newBuilder(URI.create(mailpitUrl() + "/api/v1/messages?limit=100")).build(), HttpResponse.BodyHandlers.ofString()).body());
		List<String> ids = new ArrayList<>();
		for (JsonNode summary : list.path("messages")) {
			ids.add(summary.path("ID").asString());
		}
		// Mailpit lists the newest first.
		Collections.reverse(ids);
		return ids;
	}

	private static MimeMessage message(String id) throws IOException, InterruptedException, MessagingException {
		HttpResponse<byte[]> source = http.send(
				HttpRequest.newBuilder(URI.create(mailpitUrl() + "/api/v1/message/" + id + "/raw")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(source.statusCode()).as("source of message %s", id).isEqualTo(200);
		return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(source.body()));
	}

	private static String mailpitUrl() {
		return "http://" + mailpit.getHost() + ":" + mailpit.getMappedPort(MAILPIT_HTTP_PORT);
	}

	/** A file of the docker compose setup, from the module's folder (Maven) or the repository root (an IDE). */
	private static MountableFile composeFile(String path) {
		for (Path root : List.of(Path.of(".."), Path.of("."))) {
			Path file = root.resolve(path);
			if (Files.isRegularFile(file)) {
				return MountableFile.forHostPath(file.toAbsolutePath().normalize());
			}
		}
		throw new IllegalStateException("Cannot find " + path + " of the repository from " + Path.of("").toAbsolutePath());
	}

}
