package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real SMTP and IMAP server (GreenMail, in this JVM) on free loopback ports, so the notifier's mail goes through a
 * real protocol exchange and a person running the demo can read it, in an IMAP client or as {@code .eml} files.
 *
 * <p>
 * Authentication is disabled: any user name and password are accepted and mailboxes are created on first use. A
 * message to several recipients is stored, counted and written once per recipient, as GreenMail delivers it.
 */
public final class MailServer implements AutoCloseable {

	private static final Duration WRITE_INTERVAL = Duration.ofMillis(100);

	private static final int MAX_SUBJECT_IN_FILE_NAME = 60;

	private static final Logger log = LoggerFactory.getLogger(MailServer.class);

	private final GreenMail greenMail;

	private final Optional<EmlWriter> writer;

	private final ScheduledExecutorService writerThread;

	private final int smtpPort;

	private final int imapPort;

	private boolean closed;

	private MailServer(GreenMail greenMail, Optional<EmlWriter> writer) {
		this.greenMail = greenMail;
		this.writer = writer;
		this.smtpPort = greenMail.getSmtp().getPort();
		this.imapPort = greenMail.getImap().getPort();
		this.writerThread = writer.map((unused) -> Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "mail-server-eml-writer");
			thread.setDaemon(true);
			return thread;
		})).orElse(null);
		if (this.writerThread != null) {
			this.writerThread.scheduleWithFixedDelay(this::writeNewMessages, WRITE_INTERVAL.toMillis(),
					WRITE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Starts SMTP and IMAP on free ports of 127.0.0.1.
	 * @param mailDir where every received message is also written as {@code NNN-subject.eml}; {@code null} for no
	 * files
	 * @return the running server
	 */
	public static MailServer start(Path mailDir) {
		Optional<EmlWriter> writer = Optional.ofNullable(mailDir).map(EmlWriter::new);
		if (writer.isPresent()) {
			try {
				Files.createDirectories(mailDir);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not create the mail folder " + mailDir + ".", ex);
			}
		}
		ServerSetup smtp = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
		ServerSetup imap = new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
		GreenMail greenMail = new GreenMail(new ServerSetup[] { smtp, imap });
		greenMail.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		MailServer server = new MailServer(greenMail, writer);
		log.info("The mail server accepts SMTP on 127.0.0.1:{} and IMAP on 127.0.0.1:{}{}.", smtp.getPort(),
				imap.getPort(), writer.map((w) -> "; it writes every message to " + w.folder).orElse(""));
		return server;
	}

	/** The SMTP port on 127.0.0.1. */
	public int smtpPort() {
		return this.smtpPort;
	}

	/** The IMAP port on 127.0.0.1. */
	public int imapPort() {
		return this.imapPort;
	}

	/** Every message received so far, one per recipient mailbox. */
	public List<MimeMessage> receivedMessages() {
		writeNewMessages();
		return List.of(this.greenMail.getReceivedMessages());
	}

	/** How many messages were received so far, one per recipient mailbox. */
	public int messageCount() {
		return this.greenMail.getReceivedMessages().length;
	}

	/**
	 * Waits until at least {@code count} messages have been received; their {@code .eml} files are written when
	 * this returns true.
	 * @param count how many messages in total
	 * @param timeout how long to wait at most
	 * @return whether that many arrived in time
	 */
	public boolean waitForMessages(int count, Duration timeout) {
		boolean arrived = this.greenMail.waitForIncomingEmail(timeout.toMillis(), count);
		writeNewMessages();
		return arrived;
	}

	/** Stops both servers, after writing any message not yet written; idempotent. */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		if (this.writerThread != null) {
			this.writerThread.shutdownNow();
		}
		writeNewMessages();
		int received = messageCount();
		this.greenMail.stop();
		log.info("The mail server on SMTP port {} stopped after receiving {} messages.", this.smtpPort, received);
	}

	private void writeNewMessages() {
		this.writer.ifPresent((w) -> w.writeNew(
				this.greenMail.getManagers().getImapHostManager().getAllMessages()));
	}

	/** Writes each stored message once, numbered in the order this writer first saw it. */
	static final class EmlWriter {

		private final Path folder;

		private final Set<StoredMessage> written = Collections.newSetFromMap(new IdentityHashMap<>());

		EmlWriter(Path folder) {
			this.folder = folder;
		}

		synchronized void writeNew(List<StoredMessage> messages) {
			for (StoredMessage message : messages) {
				if (this.written.contains(message)) {
					continue;
				}
				this.written.add(message);
				MimeMessage mime = message.getMimeMessage();
				Path file = this.folder.resolve(fileName(this.written.size(), subjectOf(mime)));
				try (OutputStream out = Files.newOutputStream(file)) {
					mime.writeTo(out);
				}
				catch (IOException | MessagingException ex) {
					log.warn("Could not write a received message to {}: {}", file, ex.getMessage());
				}
			}
		}

		private static String subjectOf(MimeMessage message) {
			try {
				return Objects.requireNonNullElse(message.getSubject(), "");
			}
			catch (MessagingException ex) {
				return "";
			}
		}

		/** {@code 001-new-tpm-role-at-acme.eml}: numbered by arrival, the subject made safe for any file system. */
		static String fileName(int number, String subject) {
			String ascii = Normalizer.normalize(subject, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
			if (slug.length() > MAX_SUBJECT_IN_FILE_NAME) {
				slug = slug.substring(0, MAX_SUBJECT_IN_FILE_NAME).replaceAll("-+$", "");
			}
			return String.format(Locale.ROOT, "%03d-%s.eml", number, slug.isEmpty() ? "no-subject" : slug);
		}

	}

	@Override
	public String toString() {
		return "mail server on SMTP port " + smtpPort() + " and IMAP port " + imapPort();
	}

}
