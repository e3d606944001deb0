package dev.tpmalerts.notifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.MailText;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Topics;
import dev.tpmalerts.shared.Workplace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The notifier against real PostgreSQL, a real SMTP server and a real Kafka broker: double opt-in, an alert email
 * read back as MIME, the ledger that never sends twice, header injection, and the one-click unsubscribe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class NotifierIT {

	private static final int PORT = FreePorts.next();

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("notifier_it");

	private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/[a-z/]+\\?token=[A-Za-z0-9_%-]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("tpm.notifier.base-url", () -> "http://127.0.0.1:" + PORT);
		TestServers.register(registry, database, mail);
	}

	@AfterAll
	static void stop() {
		mail.close();
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from account").update();
		this.jdbc.sql("delete from suppression").update();
	}

	@Test
	void shouldMailAConfirmedSubscriberOnceAndStopAfterOneClickUnsubscribe() throws Exception {
		String email = "alice.tpm@example.org";
		int before = mail.messageCount();
		assertThat(subscribe(email, true, true).statusCode()).isEqualTo(202);
		MimeMessage confirmation = nextMessage(before);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your TPM job alerts");

		// No alert before confirmation (double opt-in).
		Posting early = posting("Technical Program Manager, Storage");
		publish(matched(early, 80));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mail.messageCount() == before + 1);

		assertThat(get(MailText.link(LINK, MailText.plainText(confirmation), "/subscriptions/confirm")).statusCode()).isEqualTo(200);
		assertThat(status(email)).isEqualTo("ACTIVE");

		Posting posting = posting("Senior Technical Program Manager, Payments");
		publish(matched(posting, 85));
		MimeMessage alert = nextMessage(before + 1);
		assertThat(alert.getSubject()).isEqualTo("New TPM job: Senior Technical Program Manager, Payments at Contoso");
		assertThat(alert.getContentType()).startsWith("multipart/mixed");
		assertThat(MailText.plainText(alert)).contains("Senior Technical Program Manager, Payments")
			.contains(posting.canonicalUrl())
			.contains("You receive this email because you subscribed to instant TPM job alerts");
		assertThat(MailText.html(alert)).contains("<a href=\"" + posting.canonicalUrl() + "\">");
		String unsubscribe = MailText.link(LINK, MailText.plainText(alert), "/unsubscribe");
		assertThat(alert.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
		assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		// Redelivery of the same posting (a Kafka replay, or an update) sends nothing more.
		publish(matched(posting, 90));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mail.messageCount() == before + 2);
		assertThat(this.jdbc.sql("select count(*) from delivery").query(Integer.class).single()).isEqualTo(1);

		// GET shows a button and changes nothing; the RFC 8058 POST needs no login or cookie.
		assertThat(get(unsubscribe).body()).contains("<form method=\"post\"");
		assertThat(status(email)).isEqualTo("ACTIVE");
		HttpResponse<String> oneClick = this.http.send(HttpRequest.newBuilder(URI.create(unsubscribe))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(status(email)).isEqualTo("UNSUBSCRIBED");

		publish(matched(posting("Staff Technical Program Manager, Networking"), 88));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> mail.messageCount() == before + 2);
	}

	@Test
	void shouldRecordConsentWithPolicyVersionsAndNotLeakWhetherAnAddressIsKnown() throws Exception {
		HttpResponse<String> first = subscribe("bob@example.org", true, true);
		HttpResponse<String> again = subscribe("BOB@example.org", true, true);

		assertThat(again.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(1);
		Map<String, Object> consent = this.jdbc.sql("select privacy_policy_version, terms_version, method, source from consent")
			.query()
			.listOfRows()
			.get(0);
		assertThat(consent).containsEntry("privacy_policy_version", "2026-11")
			.containsEntry("terms_version", "2026-11")
			.containsEntry("method", "api");
		assertThat(this.jdbc.sql("select token_hash from access_token").query(String.class).list())
			.allSatisfy((hash) -> assertThat(hash).matches("[0-9a-f]{64}"));
	}

	@Test
	void shouldRefuseSubscriptionsWithoutExplicitConsentNamingTheField() throws Exception {
		HttpResponse<String> response = subscribe("carol@example.org", true, false);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("consent.termsOfService");
		assertThat(subscribeRaw("{\"email\": \"not-an-address\\r\\nBcc: x@example.org\"}").body()).contains("email is not a valid email address");
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
	}

	@Test
	void shouldKeepLineBreaksInPostingFieldsOutOfMailHeaders() throws Exception {
		String email = "dave@example.org";
		int before = mail.messageCount();
		subscribe(email, true, true);
		get(MailText.link(LINK, MailText.plainText(nextMessage(before)), "/subscriptions/confirm"));

		publish(matched(posting("TPM\r\nBcc: victim@example.org"), 80));

		MimeMessage alert = nextMessage(before + 1);
		assertThat(alert.getSubject()).doesNotContain("\r").doesNotContain("\n");
		assertThat(alert.getHeader("Bcc")).isNull();
		assertThat(alert.getAllRecipients()).hasSize(1);
	}

	private HttpResponse<String> subscribe(String email, boolean privacy, boolean terms) throws Exception {
		return subscribeRaw("""
				{"email": "%s", "frequency": "INSTANT",
				 "criteria": {"roles": ["technical-program-manager"], "minScore": 50},
				 "consent": {"privacyPolicy": %s, "termsOfService": %s}}""".formatted(email, privacy, terms));
	}

	private HttpResponse<String> subscribeRaw(String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + "/api/subscriptions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private String status(String email) {
		return this.jdbc.sql("select status from account where email = ?").param(email).query(String.class).single();
	}

	private static MimeMessage nextMessage(int alreadyReceived) {
		assertThat(mail.waitForMessages(alreadyReceived + 1, Duration.ofSeconds(30)))
			.as("message %d arrives", alreadyReceived + 1)
			.isTrue();
		return mail.receivedMessages().get(alreadyReceived);
	}

	private static Posting posting(String title) {
		String url = "https://careers.contoso.example/jobs/" + UUID.randomUUID();
		return new Posting(PostingIds.of(url), title, "senior", "Contoso", List.of(Location.of("Austin", "TX", "US")),
				Workplace.HYBRID, "hybrid", null, "FULL_TIME", LocalDate.of(2026, 11, 20), null, url, "<p>Programs</p>",
				"Programs", List.of(new SourceRef("contoso", "json-ld-page", url)), Instant.now());
	}

	private static PostingMatched matched(Posting posting, int score) {
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(), posting, "technical-program-manager",
				score, Map.of("role", 40), List.of(), "test", false, Instant.now());
	}

	private static void publish(PostingMatched event) throws Exception {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
				System.getProperty("spring.embedded.kafka.brokers"));
		try (KafkaProducer<String, PostingMatched> producer = new KafkaProducer<>(config, new StringSerializer(),
				JsonSerde.serializer())) {
			producer.send(new ProducerRecord<>(Topics.POSTINGS_MATCHED, event.postingId(), event)).get();
		}
	}

}
