package dev.tpmalerts.ingest.fetch;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/** The bytes a source answered with, and what is needed to decode them. */
public record FetchedDocument(URI url, int status, String contentType, byte[] body) {

	/** The charset named in the Content-Type header, when there is a valid one. */
	public Optional<Charset> declaredCharset() {
		if (this.contentType == null) {
			return Optional.empty();
		}
		for (String part : this.contentType.split(";")) {
			String trimmed = part.strip();
			if (trimmed.toLowerCase(Locale.ROOT).startsWith("charset=")) {
				String name = trimmed.substring("charset=".length()).replace("\"", "").strip();
				try {
					return Optional.of(Charset.forName(name));
				}
				catch (IllegalCharsetNameException | UnsupportedCharsetException ex) {
					return Optional.empty();
				}
			}
		}
		return Optional.empty();
	}

	/** The body as text: the declared charset, else UTF-8 (JSON and most feeds). */
	public String text() {
		return new String(this.body, declaredCharset().orElse(StandardCharsets.UTF_8));
	}

}
