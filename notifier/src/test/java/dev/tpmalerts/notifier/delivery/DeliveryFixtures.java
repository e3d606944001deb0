package dev.tpmalerts.notifier.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Topics;
import dev.tpmalerts.shared.Workplace;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Postings, accounts and MIME helpers shared by the delivery ITs and the browser test. */
public final class DeliveryFixtures {

	static final AlertCriteria TPM = AlertCriteria.of(null, List.of("technical-program-manager"), 50);

	private DeliveryFixtures() {
	}

	public static String brokers() {
		return System.getProperty("spring.embedded.kafka.brokers");
	}

	/** Creates the topic before the application subscribes, so its consumer is assigned partitions at once. */
	public static void createTopic() {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers()))) {
			admin.createTopics(Set.of(new NewTopic(Topics.POSTINGS_MATCHED, 3, (short) 1))).all().get();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof TopicExistsException)) {
				throw new IllegalStateException(ex);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An active account (as after double opt-in) with one alert. */
	static UUID activeAccount(Accounts accounts, Alerts alerts, JdbcClient jdbc, String email, String zone,
			AlertCriteria criteria, Frequency frequency) {
		UUID id = accounts.create(email);
		accounts.setStatus(id, AccountStatus.ACTIVE);
		jdbc.sql("update account set time_zone = ? where id = ?").params(zone, id).update();
		alerts.save(id, criteria, frequency);
		return id;
	}

	public static Posting posting(String title) {
		return posting(title, null, "<p>Programs</p>");
	}

	static Posting posting(String title, LocalDate validThrough, String html) {
		String url = "https://careers.contoso.example/jobs/" + UUID.randomUUID();
		return new Posting(PostingIds.of(url), title, "senior", "Contoso", List.of(Location.of("Austin", "TX", "US")),
				Workplace.HYBRID, "hybrid", null, "FULL_TIME", LocalDate.of(2026, 11, 20), validThrough, url, html,
				null, List.of(new SourceRef("contoso", "json-ld-page", url)), Instant.parse("2026-11-01T00:00:00Z"));
	}

	public static PostingMatched matched(Posting posting, int score, Instant at) {
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(), posting, "technical-program-manager",
				score, Map.of("role", 40), List.of(), "test", false, at);
	}

	public static void publish(PostingMatched... events) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
		try (KafkaProducer<String, PostingMatched> producer = new KafkaProducer<>(config, new StringSerializer(),
				JsonSerde.serializer())) {
			for (PostingMatched event : events) {
				producer.send(new ProducerRecord<>(Topics.POSTINGS_MATCHED, event.postingId(), event)).get();
			}
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int count(JdbcClient jdbc, String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
