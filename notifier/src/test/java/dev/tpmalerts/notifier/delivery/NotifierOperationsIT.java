package dev.tpmalerts.notifier.delivery;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.embedded.ActuatorClient;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.TestServers;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.shared.Json;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.TPM;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.matched;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.posting;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees of the notifier, against real PostgreSQL, Kafka and SMTP: the health of each, the
 * delivery counters and the consumer lag on /actuator/prometheus, and what an SMTP outage changes (the notifier
 * stays ready: mail waits in the outbox). No log line carries the subscriber's address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { ActuatorClient.OPS_USER_NAME, ActuatorClient.OPS_USER_PASSWORD_HASH, ActuatorClient.OPS_USER_ROLES })
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class NotifierOperationsIT {

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("notifier_ops_it");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Alerts alerts;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		DeliveryFixtures.createTopic();
		TestServers.register(registry, database, mail);
		registry.add("spring.kafka.consumer.group-id", () -> "notifier-ops-it-" + UUID.randomUUID());
		registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
	}

	@AfterAll
	static void stop() {
		mail.close();
		PostgresDatabases.drop(database);
	}

	@Test
	void shouldReportHealthAndCountDeliveriesWithoutLoggingAddresses(CapturedOutput output) throws Exception {
		assertThat(json(ActuatorClient.anonymous(this.port).get("health")).has("components"))
			.as("components for OPS and ADMIN only").isFalse();
		ActuatorClient operator = ActuatorClient.operator(this.port);
		JsonNode health = json(operator.get("health"));
		assertThat(health.at("/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/db/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/kafka/status").asString()).isEqualTo("UP");
		assertThat(health.at("/components/kafka/details/nodes").asInt()).isEqualTo(1);
		assertThat(health.at("/components/mail/status").asString()).isEqualTo("UP");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.listeners.getListenerContainer("notifier").getAssignedPartitions().isEmpty());

		String email = "observed.subscriber@example.org";
		DeliveryFixtures.activeAccount(this.accounts, this.alerts, this.jdbc, email, "UTC", TPM, Frequency.INSTANT);
		publish(matched(posting("Technical Program Manager, Observability"), 80, Instant.now()));
		assertThat(mail.waitForMessages(1, Duration.ofSeconds(30))).isTrue();

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(operator.sample("tpm_emails_sent_total")).isEqualTo(1.0));
		assertThat(operator.sample("tpm_alerts_matched_total", "frequency", "instant")).isEqualTo(1.0);
		assertThat(operator.sample("tpm_emails_failed_total")).isZero();
		assertThat(operator.get("prometheus").body()).contains("kafka_consumer_fetch_manager_records_lag_max");

		mail.close();
		HttpResponse<String> down = operator.get("health");
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(json(down).at("/components/mail/status").asString()).isEqualTo("DOWN");
		HttpResponse<String> readiness = ActuatorClient.anonymous(this.port).get("health/readiness");
		assertThat(readiness.statusCode()).as("mail waits in the outbox: still ready").isEqualTo(200);
		assertThat(json(readiness).at("/status").asString()).isEqualTo("UP");

		publish(matched(posting("Technical Program Manager, Reliability"), 80, Instant.now()));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(operator.sample("tpm_emails_failed_total")).isEqualTo(1.0));
		assertThat(operator.sample("tpm_emails_sent_total")).isEqualTo(1.0);
		assertThat(output.getAll()).contains("Sent an instant email with 1 posting(s) to account")
			.contains("Could not send an instant email to account")
			.doesNotContain(email);
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.mapper().readTree(response.body());
	}

}
