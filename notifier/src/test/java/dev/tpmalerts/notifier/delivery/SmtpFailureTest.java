package dev.tpmalerts.notifier.delivery;

import java.net.ConnectException;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailSendException;

import static org.assertj.core.api.Assertions.assertThat;

/** The exceptions are built as Angus Mail throws them (the SMTP conversations themselves are in SmtpFailureIT). */
class SmtpFailureTest {

	@Test
	void shouldTreatARecipientRefusedWith5xxAsPermanentWithoutItsAddress() throws Exception {
		InternetAddress to = new InternetAddress("someone@example.org");
		SMTPAddressFailedException refused = new SMTPAddressFailedException(to, "RCPT TO:<someone@example.org>", 550,
				"550 5.1.1 <someone@example.org>: no such user");
		SendFailedException invalid = new SendFailedException("Invalid Addresses", refused, new Address[0],
				new Address[0], new Address[] { to });

		SmtpFailure failure = SmtpFailure.of(new MailSendException(Map.of(new Object(), invalid)));

		assertThat(failure).isEqualTo(new SmtpFailure.Permanent(550, "RCPT"));
		assertThat(failure.reason()).isEqualTo("SMTP 550 on RCPT").doesNotContain("someone");
	}

	@Test
	void shouldTreatAMessageRefusedWith5xxAfterDataAsPermanent() {
		SMTPSendFailedException refused = new SMTPSendFailedException(".", 554, "554 5.7.1 rejected", null, null, null, null);

		assertThat(SmtpFailure.of(new MailSendException("failed", refused))).isEqualTo(new SmtpFailure.Permanent(554, "DATA"));
	}

	@Test
	void shouldRetryA4xxAConnectionFailureAndASenderProblem() throws Exception {
		InternetAddress to = new InternetAddress("someone@example.org");
		SMTPAddressFailedException busy = new SMTPAddressFailedException(to, "RCPT TO:<someone@example.org>", 451, "451 later");
		assertThat(SmtpFailure.of(new MailSendException("failed", busy)))
			.isEqualTo(new SmtpFailure.Transient("SMTP 451 on RCPT"));

		MessagingException noServer = new MessagingException("Couldn't connect to host, port: 127.0.0.1, 1",
				new ConnectException("Connection refused"));
		assertThat(SmtpFailure.of(new MailSendException("Mail server connection failed", noServer)))
			.isEqualTo(new SmtpFailure.Transient("could not connect to the SMTP server (ConnectException)"));

		SMTPSenderFailedException sender = new SMTPSenderFailedException(new InternetAddress("alerts@tpm-alerts.local"),
				"MAIL FROM:<alerts@tpm-alerts.local>", 553, "553 sender rejected");
		assertThat(SmtpFailure.of(new MailSendException("failed", sender))).isInstanceOf(SmtpFailure.Transient.class);
	}

}
