package dev.tpmalerts.notifier.delivery;

import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.tpmalerts.notifier.NotifierProperties;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Composes and sends every email as multipart plain text + HTML. Every value that reaches a header is stripped
 * of line breaks, so no posting or user field can inject a header.
 */
@Component
public class Mailer {

	private final JavaMailSender sender;

	private final NotifierProperties properties;

	public Mailer(JavaMailSender sender, NotifierProperties properties) {
		this.sender = sender;
		this.properties = properties;
	}

	public void sendConfirmation(String to, String confirmToken) {
		String link = this.properties.baseUrl() + "/subscriptions/confirm?token=" + encode(confirmToken);
		String text = """
				Please confirm your TPM job alerts.

				Open this link to start receiving alerts: %s

				The link works for %d hours. If you did not ask for job alerts, ignore this email: \
				nothing will be sent to you.
				""".formatted(link, this.properties.confirmTokenTtl().toHours());
		String html = """
				<p>Please confirm your TPM job alerts.</p>
				<p><a href="%s">Confirm my job alerts</a></p>
				<p>The link works for %d hours. If you did not ask for job alerts, ignore this email:
				nothing will be sent to you.</p>
				""".formatted(HtmlUtils.htmlEscape(link), this.properties.confirmTokenTtl().toHours());
		send(to, "Confirm your TPM job alerts", text, html, null);
	}

	public void sendAlreadySubscribed(String to) {
		String text = """
				Someone (probably you) asked to subscribe this address to TPM job alerts.
				You are already subscribed, so nothing changed. Every alert email has a link to unsubscribe.
				""";
		send(to, "You are already subscribed to TPM job alerts", text, "<p>" + HtmlUtils.htmlEscape(text) + "</p>", null);
	}

	/** The confirmation email, with a manage link too: the person can see or cancel what was asked in their name. */
	public void sendConfirmation(String to, String confirmToken, String manageToken) {
		String link = this.properties.baseUrl() + "/subscriptions/confirm?token=" + encode(confirmToken);
		String manage = manageUrl(manageToken);
		String text = """
				Please confirm your TPM job alerts.

				Open this link to start receiving alerts: %s

				The link works for %d hours. If you did not ask for job alerts, ignore this email: \
				nothing will be sent to you.

				See, change or delete what was asked for, without a password: %s
				""".formatted(link, this.properties.confirmTokenTtl().toHours(), manage);
		String html = """
				<p>Please confirm your TPM job alerts.</p>
				<p><a href="%s">Confirm my job alerts</a></p>
				<p>The link works for %d hours. If you did not ask for job alerts, ignore this email:
				nothing will be sent to you.</p>
				<p style="font-size:12px;color:#555"><a href="%s">See, change or delete what was asked for</a></p>
				""".formatted(HtmlUtils.htmlEscape(link), this.properties.confirmTokenTtl().toHours(),
				HtmlUtils.htmlEscape(manage));
		send(to, "Confirm your TPM job alerts", text, html, null);
	}

	/** "You are already subscribed", with a manage link: the only difference a repeated subscription makes. */
	public void sendAlreadySubscribed(String to, String manageToken) {
		String manage = manageUrl(manageToken);
		String text = """
				Someone (probably you) asked to subscribe this address to TPM job alerts.
				You are already subscribed, so nothing changed.

				Manage your alerts (edit, pause, change frequency, unsubscribe, export or delete your data): %s
				""".formatted(manage);
		String html = """
				<p>Someone (probably you) asked to subscribe this address to TPM job alerts.
				You are already subscribed, so nothing changed.</p>
				<p><a href="%s">Manage your alerts</a> (edit, pause, change frequency, unsubscribe, export or delete
				your data)</p>
				""".formatted(HtmlUtils.htmlEscape(manage));
		send(to, "You are already subscribed to TPM job alerts", text, html, null);
	}

	/** The link to manage one's alerts, as asked for with {@code POST /api/manage-link}. */
	public void sendManageLink(String to, String manageToken) {
		String manage = manageUrl(manageToken);
		long days = this.properties.manageTokenTtl().toDays();
		String text = """
				Here is your link to manage your TPM job alerts: %s

				There you can edit, pause or delete alerts, change their frequency and time zone, unsubscribe, \
				and export or delete your data. The link works for %d days; do not forward it.
				If you did not ask for it, ignore this email.
				""".formatted(manage, days);
		String html = """
				<p><a href="%s">Manage your TPM job alerts</a></p>
				<p>There you can edit, pause or delete alerts, change their frequency and time zone, unsubscribe,
				and export or delete your data. The link works for %d days; do not forward it.
				If you did not ask for it, ignore this email.</p>
				""".formatted(HtmlUtils.htmlEscape(manage), days);
		send(to, "Manage your TPM job alerts", text, html, null);
	}

	private String manageUrl(String manageToken) {
		return this.properties.baseUrl() + "/manage?token=" + encode(manageToken);
	}

	/**
	 * Sends a composed alert or digest.
	 * @throws org.springframework.mail.MailException when the SMTP server could not be reached or refused it
	 */
	public void send(String to, ComposedMail mail) {
		send(to, mail.subject(), mail.text(), mail.html(), mail.unsubscribeUrl());
	}

	private void send(String to, String subject, String text, String html, String unsubscribeUrl) {
		MimeMessage message = this.sender.createMimeMessage();
		try {
			MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
			helper.setFrom(parseFrom(this.properties.mailFrom()));
			helper.setTo(new InternetAddress(to, true));
			helper.setSubject(singleLine(subject));
			helper.setText(text, html);
			if (unsubscribeUrl != null) {
				// RFC 8058: mail clients may POST "List-Unsubscribe=One-Click" to this URL, with no login.
				message.setHeader("List-Unsubscribe", "<" + singleLine(unsubscribeUrl) + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
		}
		catch (MessagingException | UnsupportedEncodingException ex) {
			throw new MailSendException("Could not compose the email '" + singleLine(subject) + "'", ex);
		}
		this.sender.send(message);
	}

	private static InternetAddress parseFrom(String from) throws MessagingException, UnsupportedEncodingException {
		InternetAddress parsed = new InternetAddress(from, true);
		return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), StandardCharsets.UTF_8.name());
	}

	static String singleLine(String value) {
		return value.replaceAll("[\\r\\n\\u0085\\u2028\\u2029]+", " ").strip();
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
