package dev.tpmalerts.notifier.delivery;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailSendException;

/**
 * Why an email could not be sent, told from the exception without its message: SMTP servers put the recipient's
 * address in their replies, and these reasons are logged and stored.
 */
sealed interface SmtpFailure {

	String reason();

	/** The server refused the recipient or the message for good (5xx on RCPT or DATA): the address bounces. */
	record Permanent(int code, String command) implements SmtpFailure {

		@Override
		public String reason() {
			return "SMTP " + this.code + " on " + this.command;
		}

	}

	/** Anything else (no connection, a timeout, 4xx, a 5xx on MAIL FROM, which is the sender's problem): try later. */
	record Transient(String reason) implements SmtpFailure {

	}

	static SmtpFailure of(Exception failure) {
		Deque<Throwable> pending = new ArrayDeque<>();
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		pending.add(failure);
		SmtpFailure found = null;
		while (!pending.isEmpty()) {
			Throwable next = pending.poll();
			if (!seen.add(next)) {
				continue;
			}
			SmtpFailure here = classify(next);
			if (here instanceof Permanent) {
				return here;
			}
			if (found == null && here != null) {
				found = here;
			}
			if (next instanceof MailSendException send) {
				Collections.addAll(pending, send.getMessageExceptions());
			}
			if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
				pending.add(messaging.getNextException());
			}
			if (next.getCause() != null) {
				pending.add(next.getCause());
			}
		}
		return (found != null) ? found : new Transient(failure.getClass().getSimpleName());
	}

	private static SmtpFailure classify(Throwable failure) {
		if (failure instanceof SMTPAddressFailedException address) {
			return smtp(address.getReturnCode(), address.getCommand(), true);
		}
		if (failure instanceof SMTPSenderFailedException sender) {
			return smtp(sender.getReturnCode(), sender.getCommand(), false);
		}
		if (failure instanceof SMTPSendFailedException send) {
			String verb = verb(send.getCommand());
			return smtp(send.getReturnCode(), send.getCommand(), !verb.equals("MAIL"));
		}
		if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
				|| failure instanceof UnknownHostException) {
			return new Transient("could not connect to the SMTP server (" + failure.getClass().getSimpleName() + ")");
		}
		if (failure instanceof SocketTimeoutException) {
			return new Transient("the SMTP server did not answer in time");
		}
		return null;
	}

	private static SmtpFailure smtp(int code, String command, boolean addressCanBounce) {
		if (addressCanBounce && code >= 500 && code < 600) {
			return new Permanent(code, verb(command));
		}
		return new Transient("SMTP " + code + " on " + verb(command));
	}

	/** "RCPT" from "RCPT TO:&lt;someone@example.org&gt;": the command without the address. */
	private static String verb(String command) {
		if (command == null || command.isBlank()) {
			return "DATA";
		}
		String verb = command.strip().split("[\\s:]", 2)[0].toUpperCase(Locale.ROOT);
		return verb.equals(".") ? "DATA" : verb;
	}

}
