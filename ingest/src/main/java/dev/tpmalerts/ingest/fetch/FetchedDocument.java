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

	/**
	 * The body as text: in the encoding of its byte order mark if it starts with one (the mark left out, as a
	 * browser does; a JSON parser would stop at it), else the declared charset, else UTF-8 (JSON and most feeds).
	 */
	public String text() {
		if (startsWith(0xEF, 0xBB, 0xBF)) {
			return new String(this.body, 3, this.body.length - 3, StandardCharsets.UTF_8);
		}
		if (startsWith(0xFE, 0xFF)) {
			return new String(this.body, 2, this.body.length - 2, StandardCharsets.UTF_16BE);
		}
		if (startsWith(0xFF, 0xFE)) {
			return new String(this.body, 2, this.body.length - 2, StandardCharsets.UTF_16LE);
		}
		return new String(this.body, declaredCharset().orElse(StandardCharsets.UTF_8));
	}

	private boolean startsWith(int... mark) {
		if (this.body.length < mark.length) {
			return false;
		}
		for (int i = 0; i < mark.length; i++) {
			if ((this.body[i] & 0xFF) != mark[i]) {
				return false;
			}
		}
		return true;
	}

}
