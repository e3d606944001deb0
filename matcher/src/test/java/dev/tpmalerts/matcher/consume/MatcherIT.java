package dev.tpmalerts.matcher.consume;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Topics;
import dev.tpmalerts.shared.Workplace;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matcher against a real Kafka broker and a real Elasticsearch node: a posting event becomes an indexed
 * document and a matched event; a tombstone deletes; an unreadable record goes to the dead-letter topic and the
 * consumer goes on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MatcherIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	private static KafkaConsumer<String, byte[]> consumer;

	private static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", MatcherIT::brokers);
	}

	@BeforeAll
	static void subscribe() {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
				ConsumerConfig.GROUP_ID_CONFIG, "matcher-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(Topics.POSTINGS_MATCHED, Topics.POSTINGS_DLT));
	}

	@AfterAll
	static void close() {
		consumer.close();
	}

	@Test
	void shouldIndexAPostingAnnounceItAndDeleteItOnATombstone() throws Exception {
		Posting posting = posting("Senior Technical Program Manager, Data Platform", """
				About us
				Tesseract is a software company.
				Requirements
				Bachelor's degree in Computer Science. PMP or CSM. Agile, Scrum.
				Drive programs across our data platform and cloud infrastructure teams.
				""");
		send(posting.id(), JsonSerde.serializer().serialize(Topics.POSTINGS, PostingScraped.of(posting)));

		PostingMatched matched = JsonSerde.deserializer(PostingMatched.class)
			.deserialize(Topics.POSTINGS_MATCHED, awaitRecord(Topics.POSTINGS_MATCHED, posting.id()).value());
		assertThat(matched.role()).isEqualTo("technical-program-manager");
		assertThat(matched.tagIds("certifications")).contains("pmp", "csm");
		assertThat(matched.taxonomyVersion()).isNotBlank();
		assertThat(matched.posting().descriptionText()).isEqualTo(posting.descriptionText());
		assertThat(matched.posting().descriptionHtml()).as("the event carries the text, not the HTML too").isNull();
		HttpResponse<String> document = get("/postings/_doc/" + posting.id());
		assertThat(document.statusCode()).isEqualTo(200);
		assertThat(document.body()).contains("\"role\":\"technical-program-manager\"").contains("\"_index\":\"postings-v1\"");
		assertThat(document.body()).as("the index keeps the posting whole, for a reindex").contains("<p>x</p>");

		send(posting.id(), JsonSerde.serializer()
			.serialize(Topics.POSTINGS, PostingExpired.of(posting.id(), "valid-through passed", Instant.now())));
		await().atMost(Duration.ofSeconds(30)).until(() -> get("/postings/_doc/" + posting.id()).statusCode() == 404);
	}

	@Test
	void shouldSendAnUnreadableRecordToTheDeadLetterTopicAndGoOn() throws Exception {
		String key = "poison-" + UUID.randomUUID();
		send(key, "{this is not a posting event".getBytes(StandardCharsets.UTF_8));
		Posting after = posting("Technical Program Manager, Networking", "Run programs with our network engineering teams.");
		send(after.id(), JsonSerde.serializer().serialize(Topics.POSTINGS, PostingScraped.of(after)));

		ConsumerRecord<String, byte[]> dead = awaitRecord(Topics.POSTINGS_DLT, key);
		assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{this is not a posting event");
		assertThat(dead.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
		awaitRecord(Topics.POSTINGS_MATCHED, after.id());
	}

	@Test
	void shouldSendAPostingElasticsearchRefusesToTheDeadLetterTopicWithTheReasonAndIndexTheOthers() throws Exception {
		// A title longer than Lucene's largest term cannot be indexed in title.keyword: Elasticsearch refuses it.
		Posting refused = posting("Technical Program Manager " + "x".repeat(40_000), "Run programs.");
		Posting fine = posting("Technical Program Manager, Storage", "Run programs with our storage teams.");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.POSTINGS, refused.id(),
					JsonSerde.serializer().serialize(Topics.POSTINGS, PostingScraped.of(refused))));
			producer.send(new ProducerRecord<>(Topics.POSTINGS, fine.id(),
					JsonSerde.serializer().serialize(Topics.POSTINGS, PostingScraped.of(fine))));
			producer.flush();
		}

		String dead = new String(awaitRecord(Topics.POSTINGS_DLT, refused.id()).value(), StandardCharsets.UTF_8);
		assertThat(dead).contains("Elasticsearch refused the document").contains("failed to parse field [title.keyword]");
		awaitRecord(Topics.POSTINGS_MATCHED, fine.id());
		assertThat(get("/postings/_doc/" + fine.id()).statusCode()).isEqualTo(200);
		assertThat(get("/postings/_doc/" + refused.id()).statusCode()).isEqualTo(404);
		assertThat(seen.stream().filter((record) -> record.topic().equals(Topics.POSTINGS_MATCHED)
				&& refused.id().equals(record.key()))).isEmpty();
	}

	private static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
		return await().atMost(Duration.ofSeconds(60)).until(() -> {
			consumer.poll(Duration.ofMillis(500)).forEach(seen::add);
			return seen.stream().filter((record) -> record.topic().equals(topic) && key.equals(record.key())).findFirst().orElse(null);
		}, (found) -> found != null);
	}

	private static void send(String key, byte[] value) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.POSTINGS, key, value)).get();
		}
	}

	private static HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(ElasticsearchNode.shared().httpUrl() + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static String brokers() {
		return System.getProperty("spring.embedded.kafka.brokers");
	}

	static Posting posting(String title, String text) {
		String url = "https://careers.tesseract.example/jobs/" + UUID.randomUUID();
		return new Posting(PostingIds.of(url), title, "senior", "Tesseract", List.of(Location.of("Boston", "MA", "US")),
				Workplace.REMOTE, "remote", null, "FULL_TIME", LocalDate.of(2026, 11, 20), null, url, "<p>x</p>", text,
				List.of(new SourceRef("tesseract", "json-ld-page", url)), Instant.now());
	}

}
