package dev.tpmalerts.embedded;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MailServerTest {

	private static final String SUBJECT = "New TPM role: Staff TPM at Acme";

	@TempDir
	Path mailDir;

	@Test
	void shouldReceiveMessageOverSmtpAndServeItOverImapAndAsEmlFile() throws Exception {
		try (MailServer server = MailServer.start(this.mailDir)) {
			Session session = Session.getInstance(new Properties());
			MimeMessage message = new MimeMessage(session);
			message.setFrom(new InternetAddress("alerts@tpm-alerts.test"));
			message.setRecipient(Message.RecipientType.TO, new InternetAddress("alex@example.test"));
			message.setSubject(SUBJECT);
			message.setText("A role matched your saved search.", "UTF-8");
			try (Transport transport = session.getTransport("smtp")) {
				transport.connect("127.0.0.1", server.smtpPort(), null, null);
				transport.sendMessage(message, message.getAllRecipients());
			}

			assertThat(server.waitForMessages(1, Duration.ofSeconds(10))).isTrue();

			assertThat(server.messageCount()).isEqualTo(1);
			assertThat(server.receivedMessages()).singleElement()
				.satisfies((received) -> assertThat(received.getSubject()).isEqualTo(SUBJECT));
			Path eml = this.mailDir.resolve("001-new-tpm-role-staff-tpm-at-acme.eml");
			assertThat(eml).exists();
			assertThat(Files.readString(eml, StandardCharsets.UTF_8)).contains("Subject: " + SUBJECT)
				.contains("A role matched your saved search.");
			try (Store store = session.getStore("imap")) {
				store.connect("127.0.0.1", server.imapPort(), "alex@example.test", "any password");
				Folder inbox = store.getFolder("INBOX");
				inbox.open(Folder.READ_ONLY);
				assertThat(inbox.getMessages()).singleElement()
					.satisfies((read) -> assertThat(read.getSubject()).isEqualTo(SUBJECT));
				inbox.close(false);
			}
		}
	}

	@Test
	void shouldWaitInVainWhenNothingArrives() {
		try (MailServer server = MailServer.start(null)) {
			assertThat(server.waitForMessages(1, Duration.ofMillis(200))).isFalse();
			assertThat(server.receivedMessages()).isEmpty();
			assertThat(server.smtpPort()).isNotEqualTo(server.imapPort());
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			1  | New TPM role: Staff TPM at Acme | 001-new-tpm-role-staff-tpm-at-acme.eml
			12 | Équipe « Produit » — Paris        | 012-equipe-produit-paris.eml
			3  | ''                               | 003-no-subject.eml
			""")
	void shouldNameEmlFileAfterNumberAndSubject(int number, String subject, String fileName) {
		assertThat(MailServer.EmlWriter.fileName(number, subject)).isEqualTo(fileName);
	}

}
