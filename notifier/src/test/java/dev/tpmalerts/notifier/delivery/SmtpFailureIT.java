package dev.tpmalerts.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.MutableClock;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;

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

import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.TPM;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.count;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.matched;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.posting;
import static dev.tpmalerts.notifier.delivery.DeliveryFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Real SMTP conversations that fail: a server that answers 550 to RCPT TO (the address is suppressed), and no
 * server at all until GreenMail starts on the port (the email waits in the outbox and goes out on a later attempt).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class SmtpFailureIT {

	private static final Instant START = Instant.parse("2026-11-02T06:00:00Z");

	/** Nothing listens here until a test starts a server. */
	private static final int SMTP_PORT = FreePorts.next();

	private static final PostgresDatabases.Database database = PostgresDatabases.create("smtp_failure_it");

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
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("spring.kafka.bootstrap-servers", DeliveryFixtures::brokers);
		registry.add("spring.kafka.consumer.group-id", () -> "smtp-failure-it-" + UUID.randomUUID());
		registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
		registry.add("tpm.notifier.delivery.poll-interval", () -> "200ms");
	}

	@AfterAll
	static void stop() {
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		this.clock.set(START);
		this.jdbc.sql("delete from account").update();
		this.jdbc.sql("delete from suppression").update();
		this.jdbc.sql("delete from audit_event").update();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.listeners.getListenerContainer("notifier").getAssignedPartitions().isEmpty());
	}

	@Test
	void shouldSuppressAnAddressTheServerRefusesForGood() throws Exception {
		String email = "no-such-mailbox@example.org";
		UUID account = DeliveryFixtures.activeAccount(this.accounts, this.alerts, this.jdbc, email, "UTC", TPM,
				Frequency.INSTANT);
		try (RefusingSmtpServer server = RefusingSmtpServer.start(SMTP_PORT, 550)) {
			publish(matched(posting("Technical Program Manager, Identity"), 80, START));

			await().atMost(Duration.ofSeconds(30)).until(() -> status(account).equals("SUPPRESSED"));
			assertThat(server.verbs()).contains("MAIL", "RCPT").doesNotContain("DATA");
			Map<String, Object> suppression = this.jdbc.sql("select email_hash, reason from suppression").query().singleRow();
			assertThat(suppression).containsEntry("email_hash", EmailAddresses.hash(email)).containsEntry("reason", "bounced");
			String detail = this.jdbc.sql("select detail from audit_event where account_id = ? and action = 'suppressed'")
				.param(account)
				.query(String.class)
				.single();
			assertThat(detail).contains("SMTP 550 on RCPT").doesNotContain("no-such-mailbox").doesNotContain("example.org");
			assertThat(count(this.jdbc, "select count(*) from pending_mail")).isZero();
			assertThat(count(this.jdbc, "select count(*) from delivery")).isZero();

			// Nothing more is sent to the address: the account's alerts stopped.
			int conversations = (int) server.verbs().stream().filter("MAIL"::equals).count();
			publish(matched(posting("Technical Program Manager, Storage"), 90, START));
			await().during(Duration.ofSeconds(2))
				.atMost(Duration.ofSeconds(4))
				.until(() -> server.verbs().stream().filter("MAIL"::equals).count() == conversations);
		}
	}

	@Test
	void shouldKeepTheEmailWhileTheServerIsAwayAndSendItOnceItIsBack() throws Exception {
		UUID account = DeliveryFixtures.activeAccount(this.accounts, this.alerts, this.jdbc, "patient@example.org", "UTC",
				TPM, Frequency.INSTANT);

		publish(matched(posting("Technical Program Manager, Networking"), 80, START));

		await().atMost(Duration.ofSeconds(30))
			.until(() -> count(this.jdbc, "select count(*) from pending_mail where attempts = 1 and last_error is not null") == 1);
		assertThat(this.jdbc.sql("select last_error from pending_mail").query(String.class).single())
			.isEqualTo("could not connect to the SMTP server (ConnectException)");
		assertThat(this.jdbc.sql("select state from delivery where account_id = ?").param(account).query(String.class).list())
			.containsExactly("PENDING");
		// The next attempt waits for the back-off (30 s on the test's clock), however often the scheduler runs.
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> count(this.jdbc, "select count(*) from pending_mail where attempts = 1") == 1);

		GreenMail greenMail = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		greenMail.start();
		try {
			this.clock.advance(Duration.ofSeconds(31));
			assertThat(greenMail.waitForIncomingEmail(30_000, 1)).isTrue();
			assertThat(greenMail.getReceivedMessages()[0].getSubject())
				.isEqualTo("New TPM job: Technical Program Manager, Networking at Contoso");
			await().untilAsserted(() -> assertThat(this.jdbc.sql("select state from delivery where account_id = ?")
				.param(account)
				.query(String.class)
				.list()).containsExactly("SENT"));
			assertThat(count(this.jdbc, "select count(*) from pending_mail")).isZero();
			assertThat(status(account)).isEqualTo("ACTIVE");
		}
		finally {
			greenMail.stop();
		}
	}

	private String status(UUID account) {
		return this.jdbc.sql("select status from account where id = ?").param(account).query(String.class).single();
	}

}
