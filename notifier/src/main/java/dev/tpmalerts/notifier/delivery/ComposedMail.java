package dev.tpmalerts.notifier.delivery;

/**
 * An email ready to send: its subject, both bodies, and the one-click unsubscribe URL for the
 * {@code List-Unsubscribe} header (null for emails that are not alerts).
 */
public record ComposedMail(String subject, String text, String html, String unsubscribeUrl) {

}
