package dev.tpmalerts.matcher.consume;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.embedded.ActuatorClient;
import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingScraped;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the matcher, against real Kafka and Elasticsearch: health with components for OPS only,
 * readiness, and the indexing counters and consumer lag on /actuator/prometheus after a small run on a topic of its
 * own (so the counts are exactly this run's).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { ActuatorClient.OPS_USER_NAME, ActuatorClient.OPS_USER_PASSWORD_HASH, ActuatorClient.OPS_USER_ROLES,
				"tpm.matcher.topic=" + MatcherOperationsIT.TOPIC, "spring.kafka.consumer.group-id=matcher-operations-it" })
@DirtiesContext
class MatcherOperationsIT {

	static final String TOPIC = "postings-operations-it";

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) throws Exception {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
		}
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", MatcherOperationsIT::brokers);
	}

	@Test
	void shouldShowComponentsToOperatorsOnlyAndCountWhatItIndexedAndRejected() throws Exception {
		HttpResponse<String> anonymous = ActuatorClient.anonymous(this.port).get("health");
		assertThat(anonymous.statusCode()).isEqualTo(200);
		assertThat(json(anonymous).at("/status").asString()).isEqualTo("UP");
		assertThat(json(anonymous).has("components")).as("components for OPS and ADMIN only").isFalse();
		assertThat(ActuatorClient.anonymous(this.port).get("prometheus").statusCode()).isEqualTo(401);

		ActuatorClient operator = ActuatorClient.operator(this.port);
		JsonNode health = json(operator.get("health"));
		assertThat(health.at("/components/elasticsearch/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
		JsonNode readiness = json(operator.get("health/readiness"));
		assertThat(readiness.at("/status").asString()).isEqualTo("UP");
		assertThat(readiness.at("/components").propertyNames()).containsExactlyInAnyOrder("elasticsearch", "kafka",
				"readinessState");

		Posting kept = MatcherIT.posting("Technical Program Manager, Metrics", "Run programs with our metrics teams.");
		Posting retracted = MatcherIT.posting("Technical Program Manager, Logs", "Run programs with our logging teams.");
		// A title longer than Lucene's largest term cannot be indexed in title.keyword: Elasticsearch refuses it.
		Posting refused = MatcherIT.posting("Technical Program Manager " + "x".repeat(40_000), "Run programs.");
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()), new StringSerializer(), new ByteArraySerializer())) {
			for (Posting posting : List.of(kept, retracted, refused)) {
				producer.send(new ProducerRecord<>(TOPIC, posting.id(),
						JsonSerde.serializer().serialize(TOPIC, PostingScraped.of(posting))));
			}
			producer.send(new ProducerRecord<>(TOPIC, "poison", "{not an event".getBytes(StandardCharsets.UTF_8)));
			producer.send(new ProducerRecord<>(TOPIC, retracted.id(), JsonSerde.serializer()
				.serialize(TOPIC, PostingExpired.of(retracted.id(), "taken down", Instant.now()))));
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(operator.sample("tpm_postings_indexed_total", "operation", "delete")).isEqualTo(1.0));
		assertThat(operator.sample("tpm_postings_indexed_total", "operation", "index")).isEqualTo(2.0);
		assertThat(operator.sample("tpm_postings_rejected_total", "stage", "matcher", "reason", "refused-by-elasticsearch"))
			.isEqualTo(1.0);
		assertThat(operator.sample("tpm_postings_rejected_total", "stage", "matcher", "reason", "unreadable-event"))
			.isEqualTo(1.0);
		assertThat(operator.get("prometheus").body()).contains("kafka_consumer_fetch_manager_records_lag_max{");
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.mapper().readTree(response.body());
	}

	private static String brokers() {
		return System.getProperty("spring.embedded.kafka.brokers");
	}

}
