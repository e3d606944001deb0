package dev.tpmalerts.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnabledOnOs(OS.LINUX)
class KafkaBrokerIT {

	private static final String TOPIC = "embedded-it";

	@TempDir
	Path dir;

	@Test
	void shouldProduceAndConsumeRecordThenStopCompletely() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		KafkaBroker broker = KafkaBroker.start(this.dir, (server, message) -> events.add(server + ": " + message));
		long pid = broker.pid();
		try {
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
					ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
					"all"), new StringSerializer(), new StringSerializer())) {
				RecordMetadata sent = producer.send(new ProducerRecord<>(TOPIC, "posting-1", "Staff TPM at Acme"))
					.get(30, TimeUnit.SECONDS);
				assertThat(sent.topic()).isEqualTo(TOPIC);
			}

			List<ConsumerRecord<String, String>> received = new ArrayList<>();
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
					ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
					"embedded-it", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
					new StringDeserializer())) {
				consumer.subscribe(List.of(TOPIC));
				await("the record to come back").atMost(Duration.ofSeconds(30))
					.pollDelay(Duration.ZERO)
					.until(() -> {
						consumer.poll(Duration.ofMillis(500)).forEach(received::add);
						return !received.isEmpty();
					});
			}
			assertThat(received).singleElement().satisfies((record) -> {
				assertThat(record.key()).isEqualTo("posting-1");
				assertThat(record.value()).isEqualTo("Staff TPM at Acme");
			});
		}
		finally {
			broker.close();
		}

		assertThat(broker.isAlive()).isFalse();
		assertThat(ProcessChecks.isGone(pid)).isTrue();
		assertThat(events).satisfiesExactly(
				(starting) -> assertThat(starting).startsWith("kafka: starting " + broker.version() + " on port "),
				(ready) -> assertThat(ready).matches("kafka: ready in \\d+\\.\\d s"));
	}

	@Test
	void shouldWriteOneNodeKraftConfiguration() {
		String properties = KafkaBroker.serverProperties(9092, 9093, Path.of("/tmp/kafka-logs"));

		assertThat(properties.lines()).contains("process.roles=broker,controller", "node.id=1",
				"listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
				"controller.quorum.bootstrap.servers=127.0.0.1:9093", "log.dirs=/tmp/kafka-logs",
				"offsets.topic.replication.factor=1", "group.initial.rebalance.delay.ms=0", "num.partitions=3");
	}

}
