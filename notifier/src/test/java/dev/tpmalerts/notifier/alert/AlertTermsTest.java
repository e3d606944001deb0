package dev.tpmalerts.notifier.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.AlertTerms.Term;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Workplace;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terms demand is counted from: closed vocabularies only, never what a person typed; kept in step with the
 * alert on H2 (the embedded default; SecurityIT counts them on PostgreSQL), and derived for alerts older than the
 * table by the V5 migration.
 */
class AlertTermsTest {

	private static final AlertCriteria CRITERIA = new AlertCriteria(List.of("secret project"),
			List.of("technical-program-manager", "astronaut"), List.of("senior"), List.of("pmp"), null, List.of("agile"),
			null, null, null, List.of("de", "Berlin", "Atlantis", "US"), List.of(Workplace.REMOTE),
			new MinimumSalary(150_000.0, "EUR"), 60);

	@Test
	void shouldKeepVocabularyValuesAndCountryCodesButNoFreeText() {
		assertThat(AlertTerms.of(CRITERIA)).containsExactly(new Term("role", "technical-program-manager"),
				new Term("seniority", "senior"), new Term("certifications", "pmp"), new Term("methodologies", "agile"),
				new Term("workplace", "remote"), new Term("country", "DE"), new Term("country", "US"));
		assertThat(AlertTerms.of(AlertCriteria.any())).isEmpty();
	}

	@Test
	void shouldFollowTheAlertAndBackfillAlertsSavedBeforeTheTable() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:terms-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("4").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		UUID account = UUID.randomUUID();
		UUID old = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.parse("2026-11-01T00:00:00Z"));
		jdbc.sql("insert into account (id, email, email_hash, status, created_at) values (?, 'a@example.org', 'h', 'ACTIVE', ?)")
			.params(account, now)
			.update();
		jdbc.sql("insert into alert (id, account_id, criteria, frequency, paused, created_at, updated_at) "
				+ "values (?, ?, ?, 'DAILY', false, ?, ?)")
			.params(old, account, Json.mapper().writeValueAsString(CRITERIA), now, now)
			.update();

		Flyway.configure()
			.dataSource(dataSource)
			.locations("classpath:db/migration")
			.javaMigrations(new AlertTermsBackfill())
			.load()
			.migrate();

		assertThat(terms(jdbc, old)).containsExactly("certifications pmp", "country DE", "country US",
				"methodologies agile", "role technical-program-manager", "seniority senior", "workplace remote");

		Alerts alerts = new Alerts(jdbc, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), (event) -> { });
		UUID saved = alerts.save(account, AlertCriteria.of(null, List.of("program-manager"), null), Frequency.DAILY);
		assertThat(terms(jdbc, saved)).containsExactly("role program-manager");
		alerts.update(account, saved, AlertCriteria.of(List.of("words"), List.of("product-manager"), null), Frequency.WEEKLY);
		assertThat(terms(jdbc, saved)).containsExactly("role product-manager");
		alerts.deleteAllOf(account);
		assertThat(jdbc.sql("select count(*) from alert_term").query(Integer.class).single()).isZero();
	}

	private static List<String> terms(JdbcClient jdbc, UUID alertId) {
		return jdbc.sql("select facet || ' ' || term from alert_term where alert_id = ? order by facet, term")
			.param(alertId)
			.query(String.class)
			.list();
	}

}
