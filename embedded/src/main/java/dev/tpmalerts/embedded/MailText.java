package dev.tpmalerts.embedded;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the parts of a received MIME message, and the links in them: for the demo and the tests. */
public final class MailText {

	private MailText() {
	}

	/** The text/plain part, wherever it sits in the multipart tree. */
	public static String plainText(Part part) throws IOException, MessagingException {
		return find(part, "text/plain");
	}

	/** The text/html part, wherever it sits in the multipart tree. */
	public static String html(Part part) throws IOException, MessagingException {
		return find(part, "text/html");
	}

	/**
	 * The first of the links {@code links} finds (its group 1) whose path is {@code path}, followed by its query.
	 * @throws AssertionError when the text has no such link
	 */
	public static String link(Pattern links, String text, String path) {
		Matcher matcher = links.matcher(text);
		while (matcher.find()) {
			if (matcher.group(1).contains(path + "?")) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("No " + path + " link in:\n" + text);
	}

	private static String find(Part part, String type) throws IOException, MessagingException {
		if (part.isMimeType(type)) {
			return part.getContent().toString();
		}
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				String found = find(child, type);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return "";
	}

}
