package dev.tpmalerts.notifier;

import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.tpmalerts.embedded.MailServer;

import static org.awaitility.Awaitility.await;

/** One address's messages on the test SMTP server, which lists them by mailbox rather than by arrival. */
final class Inbox {

	private Inbox() {
	}

	/** The messages to {@code email} so far. */
	static List<MimeMessage> of(MailServer mail, String email) {
		return mail.receivedMessages().stream().filter((message) -> recipient(message).equalsIgnoreCase(email)).toList();
	}

	/** The message to {@code email} after the first {@code previous} ones, waiting up to 60 s for it. */
	static MimeMessage nextTo(MailServer mail, String email, int previous) {
		await().atMost(Duration.ofSeconds(60)).until(() -> of(mail, email).size() > previous);
		return of(mail, email).get(previous);
	}

	static String recipient(MimeMessage message) {
		try {
			return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
