package dev.tpmalerts.notifier.match;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.NotifierApplication;
import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.PostingMatched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The alert definitions topic on a real Kafka broker and a real PostgreSQL: every change made through
 * {@link Alerts} reaches the index, and a second notifier started afterwards rebuilds the very same index from the
 * topic alone and matches the same postings as the database's alerts do.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class AlertDefinitionsIT {

	/** A topic of its own: other test classes' notifiers publish their alerts to the default one. */
	private static final String TOPIC = "alerts.it." + UUID.randomUUID();

	private static final PostgresDatabases.Database database = PostgresDatabases.create("alert_definitions_it");

	@Autowired
	Alerts alerts;

	@Autowired
	Accounts accounts;

	@Autowired
	AlertIndex index;

	@Autowired
	AlertDefinitions definitions;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		arguments().forEach((name, value) -> registry.add(name, () -> value));
	}

	private static Map<String, String> arguments() {
		Map<String, String> arguments = new HashMap<>();
		arguments.put("spring.datasource.url", database.url());
		arguments.put("spring.datasource.username", database.username());
		arguments.put("spring.datasource.password", database.password());
		arguments.put("spring.kafka.bootstrap-servers", System.getProperty("spring.embedded.kafka.brokers"));
		// No posting listener: it would join the group of the other test classes' notifiers.
		arguments.put("spring.kafka.listener.auto-startup", "false");
		arguments.put("tpm.notifier.alert-index.topic", TOPIC);
		arguments.put("tpm.notifier.alert-index.reconcile-on-start", "false");
		return arguments;
	}

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		for (UUID account : this.jdbc.sql("select id from account").query(UUID.class).list()) {
			this.alerts.deleteAllOf(account);
		}
		this.jdbc.sql("delete from account").update();
		assertThat(this.index.size()).isZero();
	}

	@Test
	void shouldRebuildTheSameIndexInAFreshInstanceFromTheTopicAlone() {
		Generated generated = new Generated(11);
		UUID active = account(AccountStatus.ACTIVE);
		UUID pending = account(AccountStatus.PENDING);
		UUID erased = account(AccountStatus.ACTIVE);
		UUID leaving = account(AccountStatus.ACTIVE);
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			ids.add(this.alerts.save(active, generated.criteria(), Frequency.INSTANT));
		}
		UUID unconfirmed = this.alerts.save(pending, generated.criteria(), Frequency.INSTANT);
		this.alerts.save(erased, generated.criteria(), Frequency.DAILY);
		this.alerts.save(leaving, AlertCriteria.any(), Frequency.INSTANT);
		UUID kubernetes = this.alerts.save(leaving, AlertCriteria.of(List.of("kubernetes"), null, null), Frequency.INSTANT);

		// Updated, paused, resumed, deleted, a new frequency; one account erased, one unsubscribed.
		this.alerts.update(active, ids.get(0), AlertCriteria.of(List.of("payments"), null, 60), Frequency.DAILY);
		this.alerts.setPaused(active, ids.get(1), true);
		this.alerts.setPaused(active, ids.get(2), true);
		this.alerts.setPaused(active, ids.get(2), false);
		this.alerts.delete(active, ids.get(3));
		this.alerts.setFrequency(active, Frequency.WEEKLY);
		this.alerts.deleteAllOf(erased);
		assertThat(this.index.find(kubernetes)).isPresent();
		this.accounts.setStatus(leaving, AccountStatus.UNSUBSCRIBED);
		this.alerts.accountChanged(leaving);

		Map<UUID, SavedAlert> expected = byId(this.alerts.active());
		assertThat(expected).hasSize(198).doesNotContainKeys(ids.get(1), ids.get(3), unconfirmed, kubernetes);
		assertThat(expected.get(ids.get(0)).criteria().keywords()).containsExactly("payments");
		assertThat(expected.values()).allSatisfy((alert) -> assertThat(alert.frequency()).isEqualTo(Frequency.WEEKLY));
		assertThat(snapshot(this.index)).isEqualTo(expected);
		// The topic's own records come back to this instance too, and change nothing.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.definitions.recordsRead() >= this.definitions.recordsPublished());
		assertThat(snapshot(this.index)).isEqualTo(expected);

		Map<String, String> arguments = arguments();
		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(NotifierApplication.class)
			.web(WebApplicationType.NONE)
			.run(arguments.entrySet().stream().map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
				.toArray(String[]::new))) {
			AlertIndex rebuilt = second.getBean(AlertIndex.class);

			assertThat(snapshot(rebuilt)).isEqualTo(expected);
			int matches = 0;
			for (int i = 0; i < 300; i++) {
				PostingMatched posting = generated.posting();
				Set<UUID> scanned = new HashSet<>();
				expected.values().stream().filter((alert) -> alert.criteria().matches(posting))
					.forEach((alert) -> scanned.add(alert.id()));
				assertThat(byId(rebuilt.matching(posting)).keySet()).isEqualTo(scanned)
					.isEqualTo(byId(this.index.matching(posting)).keySet());
				matches += scanned.size();
			}
			assertThat(matches).isPositive();
		}
	}

	@Test
	void shouldPublishOnReconcileWhatTheTopicNeverGot() {
		UUID account = account(AccountStatus.ACTIVE);
		// Written behind the repository's back, as when Kafka was away while the change committed.
		UUID missed = UUID.randomUUID();
		this.jdbc.sql("insert into alert (id, account_id, criteria, frequency, paused, created_at, updated_at) "
				+ "values (?, ?, ?, 'INSTANT', false, current_timestamp, current_timestamp)")
			.params(missed, account, Json.mapper().writeValueAsString(AlertCriteria.of(List.of("storage"), null, 50)))
			.update();
		UUID stale = UUID.randomUUID();
		this.index.put(new SavedAlert(stale, account, AlertCriteria.any(), Frequency.INSTANT));

		assertThat(this.definitions.reconcile()).isEqualTo(2);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.index.find(missed).isPresent()
				&& this.index.find(stale).isEmpty());
		assertThat(this.definitions.reconcile()).isZero();
	}

	private UUID account(AccountStatus status) {
		UUID id = this.accounts.create("person-" + UUID.randomUUID() + "@example.org");
		this.accounts.setStatus(id, status);
		this.alerts.accountChanged(id);
		return id;
	}

	private static Map<UUID, SavedAlert> snapshot(AlertIndex index) {
		Map<UUID, SavedAlert> alerts = new HashMap<>();
		index.ids().forEach((id) -> alerts.put(id, index.find(id).orElseThrow()));
		return alerts;
	}

	private static Map<UUID, SavedAlert> byId(List<SavedAlert> alerts) {
		Map<UUID, SavedAlert> map = new HashMap<>();
		alerts.forEach((alert) -> map.put(alert.id(), alert));
		return map;
	}

}
