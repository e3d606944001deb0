package dev.tpmalerts.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.MutableClock;
import dev.tpmalerts.notifier.TestServers;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.tpmalerts.embedded.MailText.html;
import static dev.tpmalerts.embedded.MailText.plainText;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.TPM;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.count;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.matched;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.posting;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Delivery against real PostgreSQL, a real SMTP server (GreenMail) and a real Kafka broker, with a clock the test
 * moves: instant alerts read back as MIME, redeliveries and updates mailed once, expired postings never mailed,
 * digests at each account's local hour (ranked and capped), and the daily cap falling back to the digest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class DeliveryIT {

	/** Monday 2 November 2026, 06:00 UTC: 01:00 in New York, 07:00 in Berlin. */
	private static final Instant START = Instant.parse("2026-11-02T06:00:00Z");

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("delivery_it");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Alerts alerts;

	@Autowired
	MutableClock clock;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	@TestConfiguration
	static class TestClock {

		@Bean
		@Primary
		MutableClock testClock() {
			return new MutableClock(START);
		}

	}

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		DeliveryFixtures.createTopic();
		TestServers.register(registry, database, mail);
		// A group of its own that starts at the end: other test classes' postings are not this class's business.
		registry.add("spring.kafka.consumer.group-id", () -> "delivery-it-" + UUID.randomUUID());
		registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
		registry.add("tpm.notifier.base-url", () -> "http://127.0.0.1:8083");
		registry.add("tpm.notifier.delivery.poll-interval", () -> "200ms");
		registry.add("tpm.notifier.delivery.digest-size", () -> "3");
		registry.add("tpm.notifier.delivery.instant-daily-cap", () -> "2");
	}

	@AfterAll
	static void stop() {
		mail.close();
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		this.clock.set(START);
		this.jdbc.sql("delete from account").update();
		this.jdbc.sql("delete from expired_posting").update();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.listeners.getListenerContainer("notifier").getAssignedPartitions().isEmpty());
	}

	@Test
	void shouldMailAnInstantAlertAsMultipartWithUnsubscribeHeadersAndNoInjectedHeader() throws Exception {
		String email = "erin@example.org";
		account(email, "UTC", Frequency.INSTANT);
		Posting posting = posting("Senior TPM\r\nBcc: victim@example.org", null,
				"<script>alert('x')</script><p>Lead <b>cross-team</b> programs.</p><img src=x onerror=alert(1)>");
		int before = mail.messageCount();

		publish(matched(posting, 85, START));

		MimeMessage alert = next(before);
		assertThat(alert.getSubject()).isEqualTo("New TPM job: Senior TPM Bcc: victim@example.org at Contoso");
		assertThat(alert.getHeader("Bcc")).isNull();
		assertThat(alert.getAllRecipients()).extracting(Object::toString).containsExactly(email);
		assertThat(alert.getContentType()).startsWith("multipart/");
		String text = plainText(alert);
		String html = html(alert);
		assertThat(text).contains("Senior TPM Bcc: victim@example.org", "Contoso — Austin, TX, US",
				"Lead cross-team programs.", posting.canonicalUrl(),
				"You receive this email because you subscribed to instant TPM job alerts for roles technical program manager, a score of at least 50.");
		assertThat(html).contains("<a href=\"" + posting.canonicalUrl() + "\">Senior TPM Bcc: victim@example.org</a>")
			.contains("Lead cross-team programs.")
			.doesNotContain("<script")
			.doesNotContain("onerror")
			.doesNotContain("<b>");
		String unsubscribe = text.lines()
			.filter((line) -> line.startsWith("Unsubscribe (one click): "))
			.findFirst()
			.orElseThrow()
			.substring("Unsubscribe (one click): ".length());
		assertThat(unsubscribe).startsWith("http://127.0.0.1:8083/unsubscribe?token=");
		assertThat(html).contains("<a href=\"" + unsubscribe + "\">Unsubscribe</a>");
		assertThat(text).containsPattern("Manage your alerts \\(edit, pause, change frequency or time zone\\): "
				+ "http://127\\.0\\.0\\.1:8083/manage\\?token=[A-Za-z0-9_-]{43}");
		assertThat(alert.getHeader("List-Unsubscribe")).containsExactly("<" + unsubscribe + ">");
		assertThat(alert.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		await().untilAsserted(() -> assertThat(this.jdbc.sql("select state from delivery").query(String.class).list())
			.containsExactly("SENT"));
		assertThat(count(this.jdbc, "select count(*) from pending_mail")).isZero();
	}

	@Test
	void shouldNotMailAPostingTwiceOnRedeliveryOrUpdate() throws Exception {
		account("frank@example.org", "UTC", Frequency.INSTANT);
		UUID daily = account("grace@example.org", "UTC", Frequency.DAILY);
		Posting posting = posting("Technical Program Manager, Storage");
		int before = mail.messageCount();

		publish(matched(posting, 80, START));
		next(before);
		Posting updated = new Posting(posting.id(), "Technical Program Manager, Storage (updated)", posting.seniority(),
				posting.company(), posting.locations(), posting.workplace(), posting.workplaceEvidence(), null,
				posting.employmentType(), posting.datePosted(), null, posting.canonicalUrl(), posting.descriptionHtml(),
				null, posting.sources(), posting.fetchedAt());
		publish(matched(posting, 80, START), matched(updated, 90, START.plusSeconds(60)));

		// Both records reached the digest account's item; by then the instant account saw them too.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
				this.jdbc.sql("select score, title from digest_item where account_id = ?").param(daily).query().listOfRows())
			.singleElement()
			.satisfies((row) -> {
				assertThat(row).containsEntry("score", 90);
				assertThat(row.get("title")).isEqualTo("Technical Program Manager, Storage (updated)");
			}));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 1);
		assertThat(count(this.jdbc, "select count(*) from delivery")).isEqualTo(1);
	}

	@Test
	void shouldNeverMailAnExpiredPosting() throws Exception {
		String email = "heidi@example.org";
		account(email, "UTC", Frequency.INSTANT);
		UUID daily = account("ivan@example.org", "UTC", Frequency.DAILY);
		int before = mail.messageCount();
		Posting closed = posting("TPM, closed yesterday", LocalDate.of(2026, 11, 1), "<p>Programs</p>");
		Posting tombstoned = posting("TPM, taken down");
		Posting waiting = posting("TPM, expires while waiting for the digest");

		publish(PostingMatched.expired(tombstoned.id(), START.plusSeconds(10)), matched(closed, 90, START),
				matched(waiting, 90, START));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from digest_item where posting_id = ?", waiting.id()) == 1);
		// A redelivered record older than the tombstone stays dead; the waiting posting's tombstone empties the digest.
		publish(matched(tombstoned, 90, START), PostingMatched.expired(waiting.id(), START.plusSeconds(20)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from digest_item where account_id = ?", daily) == 0);

		Posting live = posting("TPM, still open");
		publish(matched(live, 90, START));
		this.clock.set(Instant.parse("2026-11-02T08:00:01Z")); // the daily digest's hour
		// The instant account got the posting that was live when it arrived and the one still open; the digest
		// account's digest has only the one still open.
		assertThat(mail.waitForMessages(before + 3, Duration.ofSeconds(30))).isTrue();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 3);
		List<String> instant = new ArrayList<>();
		for (MimeMessage message : mail.receivedMessages().subList(before, before + 3)) {
			if (message.getAllRecipients()[0].toString().equals(email)) {
				instant.add(message.getSubject());
			}
			else {
				assertThat(message.getSubject()).isEqualTo("Your daily TPM jobs: 1 new posting, top: TPM, still open");
			}
		}
		assertThat(instant).containsExactlyInAnyOrder("New TPM job: TPM, expires while waiting for the digest at Contoso",
				"New TPM job: TPM, still open at Contoso");
		assertThat(this.jdbc.sql("select posting_id from expired_posting").query(String.class).list())
			.contains(tombstoned.id(), closed.id(), waiting.id());
	}

	@Test
	void shouldSendDigestsAtEachAccountsLocalHourRankedAndCapped() throws Exception {
		String newYork = "judy@example.org";
		String berlin = "karl@example.org";
		UUID daily = account(newYork, "America/New_York", Frequency.DAILY);
		UUID weekly = account(berlin, "Europe/Berlin", Frequency.WEEKLY);
		int before = mail.messageCount();
		List<PostingMatched> events = new ArrayList<>();
		for (int score : new int[] { 60, 95, 70, 90, 80 }) {
			events.add(matched(posting("TPM scored " + score), score, START));
		}
		Posting expiring = posting("TPM scored 99 but expired");
		events.add(matched(expiring, 99, START));
		publish(events.toArray(PostingMatched[]::new));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from digest_item") == 12);
		publish(PostingMatched.expired(expiring.id(), START.plusSeconds(1)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from digest_item") == 10);

		this.clock.set(Instant.parse("2026-11-02T06:59:59Z"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mail.messageCount() == before);
		this.clock.set(Instant.parse("2026-11-02T07:00:01Z")); // Monday 08:00 in Berlin: the weekly digest
		MimeMessage weeklyDigest = next(before);
		assertThat(weeklyDigest.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(berlin);
		assertThat(weeklyDigest.getSubject()).isEqualTo("Your weekly TPM jobs: 5 new postings, top: TPM scored 95");

		this.clock.set(Instant.parse("2026-11-02T12:59:59Z"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mail.messageCount() == before + 1);
		this.clock.set(Instant.parse("2026-11-02T13:00:01Z")); // 08:00 in New York
		MimeMessage dailyDigest = next(before + 1);
		assertThat(dailyDigest.getRecipients(Message.RecipientType.TO)).extracting(Object::toString).containsExactly(newYork);
		assertThat(dailyDigest.getSubject()).isEqualTo("Your daily TPM jobs: 5 new postings, top: TPM scored 95");
		String text = plainText(dailyDigest);
		assertThat(text).containsSubsequence("Monday 2 November 2026", "1. TPM scored 95", "2. TPM scored 90",
				"3. TPM scored 80", "…and 2 more matching postings not shown here.",
				"You receive this email because you subscribed to a daily digest of TPM job alerts for roles technical program manager, a score of at least 50.")
			.doesNotContain("TPM scored 99")
			.doesNotContain("TPM scored 70");
		assertThat(html(dailyDigest)).contains("TPM scored 95").doesNotContain("TPM scored 60");
		assertThat(dailyDigest.getHeader("List-Unsubscribe")).singleElement()
			.satisfies((header) -> assertThat(header).startsWith("<http://127.0.0.1:8083/unsubscribe?token="));
		assertThat(dailyDigest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
		await().untilAsserted(() -> assertThat(count(this.jdbc,
				"select count(*) from delivery where account_id = ? and state = 'SENT'", daily)).isEqualTo(3));
		assertThat(count(this.jdbc, "select count(*) from digest_item where account_id = ?", daily)).isZero();

		// The next day has nothing waiting: no digest; a redelivered posting of the last one is not queued again.
		publish(events.get(1));
		this.clock.set(Instant.parse("2026-11-03T13:00:01Z"));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 2);
		assertThat(count(this.jdbc, "select count(*) from digest_item where account_id = ?", daily)).isZero();
		assertThat(count(this.jdbc, "select count(*) from digest_item where account_id = ?", weekly)).isZero();
	}

	@Test
	void shouldMoveInstantAlertsOverTheDailyCapIntoTheNextDigest() throws Exception {
		String email = "liam@example.org";
		UUID account = account(email, "UTC", Frequency.INSTANT);
		int before = mail.messageCount();

		Posting third = posting("TPM number three");
		publish(matched(posting("TPM number one"), 70, START), matched(posting("TPM number two"), 80, START),
				matched(third, 90, START));

		assertThat(mail.waitForMessages(before + 2, Duration.ofSeconds(30))).isTrue();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from digest_item where account_id = ? and frequency = 'DAILY'", account) == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> mail.messageCount() == before + 2);
		String capped = this.jdbc.sql("select title from digest_item where account_id = ?").param(account).query(String.class).single();

		this.clock.set(Instant.parse("2026-11-02T08:00:01Z"));
		MimeMessage digest = next(before + 2);
		assertThat(digest.getSubject()).isEqualTo("Your daily TPM jobs: 1 new posting, top: " + capped);
		await().untilAsserted(() -> assertThat(count(this.jdbc,
				"select count(*) from delivery where account_id = ? and state = 'SENT'", account)).isEqualTo(3));
	}

	private UUID account(String email, String zone, Frequency frequency) {
		return DeliveryFixtures.activeAccount(this.accounts, this.alerts, this.jdbc, email, zone, TPM, frequency);
	}

	private static MimeMessage next(int alreadyReceived) {
		assertThat(mail.waitForMessages(alreadyReceived + 1, Duration.ofSeconds(30)))
			.as("message %d arrives", alreadyReceived + 1)
			.isTrue();
		return mail.receivedMessages().get(alreadyReceived);
	}

}
