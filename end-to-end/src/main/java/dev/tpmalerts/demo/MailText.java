package dev.tpmalerts.demo;

import java.io.IOException;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** Reads the parts of a received MIME message. */
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
