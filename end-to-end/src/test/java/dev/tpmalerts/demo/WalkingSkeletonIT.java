package dev.tpmalerts.demo;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.tpmalerts.demo.ApplicationStack.Database;
import dev.tpmalerts.demo.ApplicationStack.Servers;
import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.PostgresDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole path with real servers and the real deployable jars: the embedded KRaft broker of this test run, an
 * Elasticsearch node, PostgreSQL databases made for this run, and GreenMail as the SMTP server.
 */
class WalkingSkeletonIT {

	@TempDir
	static Path work;

	static MailServer mail;

	static ApplicationStack stack;

	static PostgresDatabases.Database ingestPg;

	static PostgresDatabases.Database notifierPg;

	@BeforeAll
	static void startServers() {
		mail = MailServer.start(work.resolve("mail"));
		ingestPg = PostgresDatabases.create("e2e_ingest");
		notifierPg = PostgresDatabases.create("e2e_notifier");
		stack = new ApplicationStack(ApplicationStack.defaultAppsDir(), work.resolve("apps"));
	}

	@AfterAll
	static void stopServers() {
		if (stack != null) {
			stack.close();
		}
		if (mail != null) {
			mail.close();
		}
		PostgresDatabases.drop(ingestPg);
		PostgresDatabases.drop(notifierPg);
	}

	@Test
	void shouldCarryOneCareerPagePostingAllTheWayToAnAlertEmail() throws Exception {
		Servers servers = new Servers(System.getProperty("spring.embedded.kafka.brokers"),
				ElasticsearchNode.shared().httpUrl(), mail.smtpPort());
		WalkingSkeleton.Inbox inbox = (count, timeout) -> {
			assertThat(mail.waitForMessages(count, timeout)).as("%d message(s) within %s", count, timeout).isTrue();
			return mail.receivedMessages();
		};
		new WalkingSkeleton(stack, servers, database(ingestPg), database(notifierPg), inbox, work)
			.shouldCarryOneCareerPagePostingAllTheWayToAnAlertEmail();
	}

	private static Database database(PostgresDatabases.Database database) {
		return new Database(database.url(), database.username(), database.password());
	}

}
