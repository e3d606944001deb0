package dev.tpmalerts.notifier;

import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.PostgresDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a notifier test context at its real servers: its own PostgreSQL database, SMTP and the Kafka broker. */
public final class TestServers {

	private TestServers() {
	}

	public static void register(DynamicPropertyRegistry registry, PostgresDatabases.Database database, MailServer mail) {
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", mail::smtpPort);
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

}
