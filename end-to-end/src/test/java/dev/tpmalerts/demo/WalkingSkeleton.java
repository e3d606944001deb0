package dev.tpmalerts.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;

import dev.tpmalerts.demo.ApplicationStack.Database;
import dev.tpmalerts.demo.ApplicationStack.Servers;
import dev.tpmalerts.embedded.MailText;
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
 * The walking skeleton's path and checks, whatever runs the servers: a career page served over loopback → ingest
 * (Spring Batch) → Kafka → matcher → Elasticsearch → Kafka → notifier → SMTP, with every hop checked, run by
 * {@link WalkingSkeletonIT} on embedded servers and by {@link ContainersWalkingSkeletonIT} on containers.
 */
final class WalkingSkeleton {

	private static final String SUBSCRIBER = "walking.skeleton@tpm-alerts.example";

	private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/[a-z/]+\\?token=[A-Za-z0-9_%-]+)");

	private static final HttpClient http = HttpClient.newHttpClient();

	/** Where the alert emails arrive: oldest first, once at least {@code count} are there. */
	@FunctionalInterface
	interface Inbox {

		List<MimeMessage> awaitMessages(int count, Duration timeout) throws Exception;

	}

	private final ApplicationStack stack;

	private final Servers servers;

	private final Database ingestDb;

	private final Database notifierDb;

	private final Inbox inbox;

	private final Path work;

	WalkingSkeleton(ApplicationStack stack, Servers servers, Database ingestDb, Database notifierDb, Inbox inbox,
			Path work) {
		this.stack = stack;
		this.servers = servers;
		this.ingestDb = ingestDb;
		this.notifierDb = notifierDb;
		this.inbox = inbox;
		this.work = work;
	}

	void shouldCarryOneCareerPagePostingAllTheWayToAnAlertEmail() throws Exception {
		Path siteRoot = this.work.resolve("site");
		try (StaticSite careers = StaticSite.serve(siteRoot)) {
			String pageUrl = careers.baseUrl() + "/careers/senior-tpm-platform.html";
			Files.createDirectories(siteRoot.resolve("careers"));
			String page = new String(WalkingSkeleton.class.getResourceAsStream("/site/careers/senior-tpm-platform.html").readAllBytes(),
					StandardCharsets.UTF_8)
				.replace("PAGE_URL", pageUrl);
			Files.writeString(siteRoot.resolve("careers/senior-tpm-platform.html"), page);
			Path sources = this.work.resolve("sources.yml");
			Files.writeString(sources, """
					tpm:
					  ingest:
					    sources:
					      - name: halden-careers
					        type: json-ld-page
					        url: ${tpm.samples.base-url}/careers/senior-tpm-platform.html
					""");

			AppProcess matcher = this.stack.startMatcher(servers);
			AppProcess notifier = this.stack.startNotifier(this.servers, this.notifierDb);
			matcher.awaitHealthy(Duration.ofSeconds(180));
			notifier.awaitHealthy(Duration.ofSeconds(180));

			// A confirmed subscriber with a saved alert: subscribe, then open the emailed confirmation link.
			HttpResponse<String> subscribed = post(notifier.baseUrl() + "/api/subscriptions", """
					{"email": "%s", "frequency": "INSTANT",
					 "criteria": {"roles": ["technical-program-manager"], "keywords": ["platform"], "minScore": 50},
					 "consent": {"privacyPolicy": true, "termsOfService": true}}""".formatted(SUBSCRIBER));
			assertThat(subscribed.statusCode()).isEqualTo(202);
			MimeMessage confirmation = this.inbox.awaitMessages(1, Duration.ofSeconds(30)).get(0);
			assertThat(confirmation.getSubject()).isEqualTo("Confirm your TPM job alerts");
			String confirmLink = MailText.link(LINK, MailText.plainText(confirmation), "/subscriptions/confirm");
			assertThat(get(confirmLink).statusCode()).isEqualTo(200);
			assertThat(get(confirmLink).statusCode()).as("a confirmation link works once").isEqualTo(404);

			// 1. Ingest: the Spring Batch job fetches and normalises the page.
			AppProcess ingest = this.stack.startIngest(this.servers, this.ingestDb, sources, careers.baseUrl());
			ingest.awaitLogLine(Pattern.compile("Scrape job COMPLETED: 1 postings read, 1 published"), Duration.ofSeconds(180));
			assertThat(this.ingestDb.query("select status from batch_job_execution")).containsExactly("COMPLETED");

			// 2. Kafka: one record keyed by the posting id, whose id is the hash of the canonical URL.
			String postingId = PostingIds.of(pageUrl);
			List<ConsumerRecord<String, byte[]>> published = consumeKeyed(this.servers, Topics.POSTINGS, postingId);
			assertThat(published).as("records keyed by the posting id").hasSize(1);
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
			String documentUrl = this.servers.elasticsearchUrl() + "/postings/_doc/" + postingId;
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(get(documentUrl).statusCode()).isEqualTo(200));
			Map<?, ?> document = (Map<?, ?>) Json.mapper().readValue(get(documentUrl).body(), Map.class).get("_source");
			assertThat(document.get("role")).isEqualTo("technical-program-manager");
			assertThat(document.get("certifications")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("pmp", "csm");
			assertThat(document.get("methodologies")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("agile", "scrum");
			assertThat(document.get("degrees")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("computer-science", "engineering");
			List<ConsumerRecord<String, byte[]>> matchedRecords = consumeKeyed(this.servers, Topics.POSTINGS_MATCHED, postingId);
			PostingMatched matched = JsonSerde.deserializer(PostingMatched.class).deserialize(Topics.POSTINGS_MATCHED,
					matchedRecords.get(0).value());
			assertThat(matched.postingId()).isEqualTo(postingId);
			assertThat(matched.score()).isGreaterThanOrEqualTo(50);
			assertThat(matched.tags()).allSatisfy((tag) -> assertThat(tag.evidence()).isNotEmpty());
			String searchUrl = matcher.baseUrl() + "/api/postings?q=platform&role=technical-program-manager";
			assertThat(get(searchUrl).statusCode()).as("the recruiter search needs a login").isEqualTo(401);
			HttpResponse<String> search = http.send(HttpRequest.newBuilder(URI.create(searchUrl))
				.header("Authorization", "Basic " + Base64.getEncoder()
					.encodeToString((ApplicationStack.DEMO_RECRUITER + ":" + ApplicationStack.DEMO_RECRUITER_PASSWORD)
						.getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(search.statusCode()).isEqualTo(200);
			assertThat(search.body()).contains(postingId);

			// 4. Notifier: the alert email, as the SMTP server received it.
			MimeMessage alert = this.inbox.awaitMessages(2, Duration.ofSeconds(60)).get(1);
			assertThat(alert.getSubject()).isEqualTo("New TPM job: Senior Technical Program Manager, Platform at Halden Systems");
			assertThat(alert.getAllRecipients()[0].toString()).isEqualTo(SUBSCRIBER);
			assertThat(alert.getContentType()).startsWith("multipart/");
			String text = MailText.plainText(alert);
			String html = MailText.html(alert);
			assertThat(text).contains("Senior Technical Program Manager, Platform").contains(pageUrl);
			assertThat(html).contains("href=\"" + pageUrl + "\"");
			assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
			String unsubscribeLink = MailText.link(LINK, text, "/unsubscribe");
			assertThat(alert.getHeader("List-Unsubscribe")[0]).isEqualTo("<" + unsubscribeLink + ">");
			assertThat(this.notifierDb.query("select posting_id from delivery")).containsExactly(postingId);

			// The one-click unsubscribe works without login or cookie and stops the account's mail.
			HttpResponse<String> unsubscribed = http.send(HttpRequest.newBuilder(URI.create(unsubscribeLink))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(unsubscribed.statusCode()).isEqualTo(200);
			assertThat(this.notifierDb.query("select status from account")).containsExactly("UNSUBSCRIBED");
			assertThat(this.notifierDb.query("select count(*) from consent where withdrawn_at is not null")).containsExactly("1");
		}
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

	/** The records of one key: other tests of the run share the broker and publish to the same topics. */
	private static List<ConsumerRecord<String, byte[]>> consumeKeyed(Servers servers, String topic, String key) {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrapServers());
		properties.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + topic + "-" + System.nanoTime());
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				consumer.poll(Duration.ofMillis(500)).forEach((record) -> keep(record, key, records));
				return !records.isEmpty();
			});
			// Anything more that was published would be a duplicate: give it a moment to show up.
			consumer.poll(Duration.ofSeconds(1)).forEach((record) -> keep(record, key, records));
		}
		return records;
	}

	private static void keep(ConsumerRecord<String, byte[]> record, String key, List<ConsumerRecord<String, byte[]>> into) {
		if (key.equals(record.key())) {
			into.add(record);
		}
	}

}
