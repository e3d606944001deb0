package dev.tpmalerts.notifier.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The delivery tables and queries on H2, the notifier's embedded default database (the ITs run them on
 * PostgreSQL): the migration applies and every statement of the stores parses and does what it says.
 */
class DeliveryStoreH2Test {

	private static final Instant NOW = Instant.parse("2026-11-02T06:00:00Z");

	private JdbcClient jdbc;

	private UUID account;

	private UUID alert;

	@BeforeEach
	void migrate() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		Accounts accounts = new Accounts(this.jdbc, clock);
		this.account = accounts.create("h2@example.org");
		accounts.setStatus(this.account, AccountStatus.ACTIVE);
		this.alert = new Alerts(this.jdbc, clock, (event) -> { }).save(this.account, DeliveryFixtures.TPM, Frequency.DAILY);
	}

	@Test
	void shouldQueueClaimAndTakeDigestItems() {
		DigestItems items = new DigestItems(this.jdbc);
		items.upsert(this.account, item("p1", 70, "First title"), Frequency.WEEKLY);
		items.upsert(this.account, item("p1", 90, "Updated title"), Frequency.DAILY);
		items.upsert(this.account, item("p1", 91, "Updated again"), Frequency.WEEKLY);
		items.ensureScheduled(this.account, Frequency.DAILY, NOW.plusSeconds(7200));
		items.ensureScheduled(this.account, Frequency.DAILY, NOW.plusSeconds(99_999));

		assertThat(items.due(Frequency.DAILY, NOW, 10)).isEmpty();
		List<DigestItems.Due> due = items.due(Frequency.DAILY, NOW.plusSeconds(7200), 10);
		assertThat(due).singleElement().satisfies((found) -> assertThat(found.nextAt()).isEqualTo(NOW.plusSeconds(7200)));
		assertThat(items.claim(due.get(0), Frequency.DAILY, NOW.plus(Duration.ofDays(1)))).isTrue();
		assertThat(items.claim(due.get(0), Frequency.DAILY, NOW.plus(Duration.ofDays(1)))).as("claimed once").isFalse();
		assertThat(items.take(this.account, Frequency.DAILY)).singleElement().satisfies((taken) -> {
			assertThat(taken.score()).isEqualTo(91);
			assertThat(taken.title()).isEqualTo("Updated again");
		});
		assertThat(items.has(this.account, "p1")).isFalse();
	}

	@Test
	void shouldKeepMailsInTheOutboxUntilDeleted() {
		Outbox outbox = new Outbox(this.jdbc);
		UUID mail = outbox.enqueue(this.account, Frequency.DAILY, List.of(item("p1", 80, "A"), item("p2", 70, "B")), 4, NOW);

		assertThat(outbox.due(NOW, 10)).containsExactly(mail);
		assertThat(outbox.claim(mail, NOW, Duration.ofMinutes(5))).hasValueSatisfying((claimed) -> {
			assertThat(claimed.attempts()).isEqualTo(1);
			assertThat(claimed.omitted()).isEqualTo(4);
			assertThat(claimed.postingIds()).containsExactlyInAnyOrder("p1", "p2");
		});
		assertThat(outbox.claim(mail, NOW, Duration.ofMinutes(5))).as("leased").isEmpty();
		outbox.retryAt(mail, NOW.plusSeconds(30), "SMTP 451 on RCPT");
		assertThat(outbox.due(NOW.plusSeconds(29), 10)).isEmpty();
		assertThat(outbox.due(NOW.plusSeconds(30), 10)).containsExactly(mail);
		outbox.delete(mail);
		assertThat(outbox.countQueued()).isZero();
	}

	@Test
	void shouldCapLedgerAndExpire() {
		SendCaps caps = new SendCaps(this.jdbc);
		LocalDate day = LocalDate.of(2026, 11, 2);
		assertThat(List.of(caps.tryTake(this.account, day, 2), caps.tryTake(this.account, day, 2),
				caps.tryTake(this.account, day, 2))).containsExactly(true, true, false);
		assertThat(caps.sentOn(this.account, day)).isEqualTo(2);
		assertThat(caps.forgetBefore(day.plusDays(1))).isEqualTo(1);

		DeliveryLedger ledger = new DeliveryLedger(this.jdbc);
		ledger.recordPending(this.account, "p1", this.alert, NOW);
		ledger.recordPending(this.account, "p2", this.alert, NOW);
		ledger.markSent(this.account, List.of("p1"), NOW);
		ledger.forgetPending(this.account, List.of("p1", "p2"));
		assertThat(ledger.has(this.account, "p1")).isTrue();
		assertThat(ledger.has(this.account, "p2")).isFalse();

		ExpiredPostings expired = new ExpiredPostings(this.jdbc);
		expired.record("p3", NOW);
		expired.record("p3", NOW.minusSeconds(60));
		assertThat(expired.since("p3")).contains(NOW);
		assertThat(expired.among(List.of("p1", "p3"))).containsExactly("p3");
	}

	private DigestItem item(String id, int score, String title) {
		return new DigestItem(id, this.alert, score, title, "Contoso", null, null, "https://example.org/" + id, null, null, NOW);
	}

}
