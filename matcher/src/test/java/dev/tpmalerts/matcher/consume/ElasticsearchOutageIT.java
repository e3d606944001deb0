package dev.tpmalerts.matcher.consume;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.StartupListener;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Topics;
import dev.tpmalerts.shared.Workplace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matcher while its own Elasticsearch node goes down and comes back: the consumer backs off without committing,
 * indexing, announcing or dead-lettering anything, then resumes where it stopped and loses nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "tpm.matcher.topic=" + ElasticsearchOutageIT.TOPIC,
				"spring.kafka.consumer.group-id=" + ElasticsearchOutageIT.GROUP, "tpm.matcher.retry.max-interval=2s",
				"tpm.matcher.bulk.ack-timeout=20s" })
@DirtiesContext
class ElasticsearchOutageIT {

	static final String TOPIC = "postings-outage-it";

	static final String GROUP = "matcher-outage-it";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static Path nodeDir;

	private static int port;

	private static ElasticsearchNode node;

	private static KafkaConsumer<String, byte[]> consumer;

	private static final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws Exception {
		nodeDir = Files.createTempDirectory("tpm-alerts-outage-it-");
		node = ElasticsearchNode.start(nodeDir, StartupListener.NONE);
		port = node.httpPort();
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		registry.add("spring.elasticsearch.uris", () -> "http://127.0.0.1:" + port);
		registry.add("spring.kafka.bootstrap-servers", ElasticsearchOutageIT::brokers);
	}

	@BeforeAll
	static void subscribe() {
		consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers(),
				ConsumerConfig.GROUP_ID_CONFIG, "outage-it-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer());
		consumer.subscribe(List.of(Topics.POSTINGS_MATCHED, Topics.POSTINGS_DLT));
	}

	@AfterAll
	static void stop() throws IOException {
		consumer.close();
		if (node != null) {
			node.close();
		}
		try (Stream<Path> files = Files.walk(nodeDir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Test
	void shouldBackOffWhileElasticsearchIsDownAndIndexEveryPostingOnceItIsBack() throws Exception {
		// given the matcher's consumers each owning one partition: a consumer joining late would rebalance the group
		// in the middle of the outage, and a batch handed over while its first owner backs off is then processed
		// twice (indexed once by id, but announced twice: at-least-once, which the notifier's ledger absorbs)
		await().atMost(Duration.ofSeconds(60)).until(() -> this.listeners.getListenerContainers()
			.stream()
			.flatMap((container) -> ((ConcurrentMessageListenerContainer<?, ?>) container).getContainers().stream())
			.allMatch((consumer) -> consumer.getAssignedPartitions() != null && consumer.getAssignedPartitions().size() == 1));
		// and postings the matcher indexed while the node was up
		List<Posting> before = postings(30);
		publish(before);
		await().atMost(Duration.ofSeconds(60)).until(() -> count() == before.size());
		await().atMost(Duration.ofSeconds(30)).until(() -> committed() == before.size());
		awaitMatched(before);

		// when the node stops and more postings arrive
		node.close();
		List<Posting> during = postings(40);
		publish(during);

		// then nothing of them is committed, announced or dead-lettered while it is down
		await().during(Duration.ofSeconds(10)).atMost(Duration.ofSeconds(15)).until(() -> {
			poll();
			return committed() == before.size() && keys(Topics.POSTINGS_MATCHED, during).isEmpty()
					&& keys(Topics.POSTINGS_DLT, during).isEmpty() && keys(Topics.POSTINGS_DLT, before).isEmpty();
		});

		// when the node comes back on the same folder and port
		node = ElasticsearchNode.start(nodeDir, port, StartupListener.NONE);

		// then every posting is indexed exactly once and announced once, and the offsets are committed
		int total = before.size() + during.size();
		await().atMost(Duration.ofSeconds(120)).until(() -> count() == total);
		await().atMost(Duration.ofSeconds(60)).until(() -> committed() == total);
		awaitMatched(during);
		for (Posting posting : during) {
			assertThat(get("/postings/_doc/" + posting.id()).statusCode()).isEqualTo(200);
		}
		assertThat(count()).isEqualTo(total);
		assertThat(keys(Topics.POSTINGS_MATCHED, during)).hasSize(during.size()).doesNotHaveDuplicates();
		assertThat(keys(Topics.POSTINGS_DLT, during)).isEmpty();
	}

	private static void awaitMatched(List<Posting> postings) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			poll();
			return keys(Topics.POSTINGS_MATCHED, postings).size() >= postings.size();
		});
	}

	private static void poll() {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
	}

	private static List<String> keys(String topic, List<Posting> postings) {
		List<String> ids = postings.stream().map(Posting::id).toList();
		return seen.stream()
			.filter((record) -> record.topic().equals(topic) && ids.contains(record.key()))
			.map(ConsumerRecord::key)
			.toList();
	}

	/** Documents in the alias after a refresh; -1 while the node does not answer. */
	private static long count() {
		try {
			get("/postings/_refresh");
			HttpResponse<String> response = get("/postings/_count");
			if (response.statusCode() != 200) {
				return -1;
			}
			return Long.parseLong(response.body().replaceAll(".*\"count\":(\\d+).*", "$1"));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** The sum of the matcher group's committed offsets on the test topic. */
	private static long committed() throws Exception {
		try (Admin admin = admin()) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(GROUP)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return offsets.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().topic().equals(TOPIC) && entry.getValue() != null)
				.mapToLong((entry) -> entry.getValue().offset())
				.sum();
		}
	}

	private static void publish(List<Posting> postings) throws Exception {
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(),
				new ByteArraySerializer())) {
			for (Posting posting : postings) {
				producer.send(new ProducerRecord<>(TOPIC, posting.id(),
						JsonSerde.serializer().serialize(TOPIC, PostingScraped.of(posting))));
			}
			producer.flush();
		}
	}

	private static HttpResponse<String> get(String path) throws IOException {
		try {
			return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static Admin admin() {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
		return Admin.create(config);
	}

	private static String brokers() {
		return System.getProperty("spring.embedded.kafka.brokers");
	}

	private static List<Posting> postings(int n) {
		List<Posting> postings = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			String url = "https://careers.outage.example/jobs/" + UUID.randomUUID();
			postings.add(new Posting(PostingIds.of(url), "Technical Program Manager " + i, "senior", "Outage Inc",
					List.of(Location.of("Austin", "TX", "US")), Workplace.HYBRID, "hybrid", null, "FULL_TIME",
					LocalDate.of(2026, 11, 20), null, url, "<p>x</p>",
					"Drive programs across our cloud infrastructure teams. Agile, Scrum, PMP.",
					List.of(new SourceRef("outage", "json-ld-page", url)), Instant.now()));
		}
		return postings;
	}

}
