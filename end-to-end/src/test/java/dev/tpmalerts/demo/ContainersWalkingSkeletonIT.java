package dev.tpmalerts.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;
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
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.Topics;

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
		Path siteRoot = work.resolve("site");
		try (StaticSite careers = StaticSite.serve(siteRoot)) {
			String pageUrl = careers.baseUrl() + "/careers/senior-tpm-platform.html";
			Files.createDirectories(siteRoot.resolve("careers"));
			String page = new String(getClass().getResourceAsStream("/site/careers/senior-tpm-platform.html").readAllBytes(),
					StandardCharsets.UTF_8)
				.replace("PAGE_URL", pageUrl);
			Files.writeString(siteRoot.resolve("careers/senior-tpm-platform.html"), page);
			Path sources = work.resolve("sources.yml");
			Files.writeString(sources, """
					tpm:
					  ingest:
					    sources:
					      - name: halden-careers
					        type: json-ld-page
					        url: ${tpm.samples.base-url}/careers/senior-tpm-platform.html
					""");

			AppProcess matcher = stack.startMatcher(servers);
			AppProcess notifier = stack.startNotifier(servers, notifierDb);
			matcher.awaitHealthy(Duration.ofSeconds(180));
			notifier.awaitHealthy(Duration.ofSeconds(180));

			// A confirmed subscriber with a saved alert: subscribe, then open the emailed confirmation link.
			HttpResponse<String> subscribed = post(notifier.baseUrl() + "/api/subscriptions", """
					{"email": "%s", "frequency": "INSTANT",
					 "criteria": {"roles": ["technical-program-manager"], "keywords": ["platform"], "minScore": 50},
					 "consent": {"privacyPolicy": true, "termsOfService": true}}""".formatted(SUBSCRIBER));
			assertThat(subscribed.statusCode()).isEqualTo(202);
			MimeMessage confirmation = awaitMessages(1, Duration.ofSeconds(30)).get(0);
			assertThat(confirmation.getSubject()).isEqualTo("Confirm your TPM job alerts");
			String confirmLink = link(MailText.plainText(confirmation), "/subscriptions/confirm");
			assertThat(get(confirmLink).statusCode()).isEqualTo(200);
			assertThat(get(confirmLink).statusCode()).as("a confirmation link works once").isEqualTo(404);

			// 1. Ingest: the Spring Batch job fetches and normalises the page.
			AppProcess ingest = stack.startIngest(servers, ingestDb, sources, careers.baseUrl());
			ingest.awaitLogLine(Pattern.compile("Scrape job COMPLETED: 1 postings read, 1 published"), Duration.ofSeconds(180));
			assertThat(query(ingestDb, "select status from batch_job_execution")).containsExactly("COMPLETED");

			// 2. Kafka: one record keyed by the posting id, whose id is the hash of the canonical URL.
			String postingId = PostingIds.of(pageUrl);
			List<ConsumerRecord<String, byte[]>> published = consumeAll(Topics.POSTINGS, 1);
			assertThat(published).hasSize(1);
			assertThat(published.get(0).key()).isEqualTo(postingId);
			PostingEvent event = JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, published.get(0).value());
			assertThat(event).isInstanceOf(PostingScraped.class);
			PostingScraped scraped = (PostingScraped) event;
			assertThat(scraped.posting().title()).isEqualTo("Senior Technical Program Manager, Platform");
			assertThat(scraped.posting().canonicalUrl()).isEqualTo(pageUrl).doesNotContain("utm_");
			assertThat(scraped.posting().company()).isEqualTo("Halden Systems");
			assertThat(scraped.posting().salary().currency()).isEqualTo("USD");
			assertThat(scraped.posting().salary().min()).isEqualTo(165_000.0);
			assertThat(scraped.posting().workplace().name()).isEqualTo("HYBRID");

			// 3. Matcher: indexed in Elasticsearch under the posting id, tagged, and announced.
			String documentUrl = servers.elasticsearchUrl() + "/postings/_doc/" + postingId;
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(documentUrl).statusCode()).isEqualTo(200));
			Map<?, ?> document = (Map<?, ?>) Json.mapper().readValue(get(documentUrl).body(), Map.class).get("_source");
			assertThat(document.get("role")).isEqualTo("technical-program-manager");
			assertThat(document.get("certifications")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("pmp", "csm");
			assertThat(document.get("methodologies")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("agile", "scrum");
			assertThat(document.get("degrees")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("computer-science", "engineering");
			List<ConsumerRecord<String, byte[]>> matchedRecords = consumeAll(Topics.POSTINGS_MATCHED, 1);
			PostingMatched matched = JsonSerde.deserializer(PostingMatched.class).deserialize(Topics.POSTINGS_MATCHED,
					matchedRecords.get(0).value());
			assertThat(matched.postingId()).isEqualTo(postingId);
			assertThat(matched.score()).isGreaterThanOrEqualTo(50);
			assertThat(matched.tags()).allSatisfy((tag) -> assertThat(tag.evidence()).isNotEmpty());
			String search = get(matcher.baseUrl() + "/api/postings?q=platform&role=technical-program-manager").body();
			assertThat(search).contains(postingId);

			// 4. Notifier: the alert email, as Mailpit received it over SMTP.
			MimeMessage alert = awaitMessages(2, Duration.ofSeconds(60)).get(1);
			assertThat(alert.getSubject()).isEqualTo("New TPM job: Senior Technical Program Manager, Platform at Halden Systems");
			assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(SUBSCRIBER);
			assertThat(alert.getContentType()).startsWith("multipart/");
			String text = MailText.plainText(alert);
			String html = MailText.html(alert);
			assertThat(text).contains("Senior Technical Program Manager, Platform").contains(pageUrl);
			assertThat(html).contains("href=\"" + pageUrl + "\"");
			assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			String unsubscribeLink = link(text, "/unsubscribe");
			assertThat(alert.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + unsubscribeLink + ">");
			assertThat(query(notifierDb, "select posting_id from delivery")).containsExactly(postingId);

			// The one-click unsubscribe works without login or cookie and stops the account's mail.
			HttpResponse<String> unsubscribed = http.send(HttpRequest.newBuilder(URI.create(unsubscribeLink))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(unsubscribed.statusCode()).isEqualTo(200);
			assertThat(query(notifierDb, "select status from account")).containsExactly("UNSUBSCRIBED");
			assertThat(query(notifierDb, "select count(*) from consent where withdrawn_at is not null")).containsExactly("1");
		}
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
		JsonNode list = Json.mapper().readTree(get(mailpitUrl() + "/api/v1/messages?limit=100").body());
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

	private static String link(String text, String path) {
		Matcher matcher = LINK.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).contains(path + "?")) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("No " + path + " link in:\n" + text);
	}

	private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static List<String> query(Database database, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.url(), database.username(), database.password());
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	private static List<ConsumerRecord<String, byte[]>> consumeAll(String topic, int atLeast) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + topic + "-" + System.nanoTime());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
				return records.size() >= atLeast;
			});
			// Anything more that was published would be a duplicate: give it a moment to show up.
			consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
		}
		return records;
	}

}
