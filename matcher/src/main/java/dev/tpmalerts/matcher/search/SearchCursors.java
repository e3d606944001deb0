package dev.tpmalerts.matcher.search;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.tpmalerts.matcher.search.PostingQuery.Sort;
import dev.tpmalerts.shared.Json;

import org.springframework.stereotype.Component;

/**
 * The {@code next} cursors of the search: the last hit's sort values with their sort, signed with HMAC-SHA256 so
 * that a client can hand back only what a page handed out (no forged or altered {@code search_after} values).
 */
@Component
class SearchCursors {

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	SearchCursors(SearchProperties properties) {
		this.key = new SecretKeySpec(properties.cursorKeyBytes(), ALGORITHM);
	}

	/** The cursor a page hands out for the next one: {@code payload.signature}, both base64url. */
	String write(Sort sort, List<?> sortValues) {
		List<Object> cursor = new ArrayList<>();
		cursor.add(sort.name());
		cursor.addAll(sortValues);
		byte[] payload = Json.mapper().writeValueAsBytes(cursor);
		return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
	}

	/**
	 * The sort values of a cursor this search handed out for the same sort.
	 * @throws BadParameterException naming {@code after} when the cursor is malformed, tampered with, signed with
	 * another key (another instance, an earlier start without a configured key) or of the other sort
	 */
	List<Object> read(String value, Sort sort) {
		int dot = value.indexOf('.');
		byte[] payload;
		byte[] signature;
		try {
			payload = Base64.getUrlDecoder().decode(value.substring(0, Math.max(dot, 0)));
			signature = Base64.getUrlDecoder().decode(value.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw notACursor();
		}
		// Constant-time comparison: how long a refusal takes says nothing about how much of a guess was right.
		if (dot <= 0 || !MessageDigest.isEqual(sign(payload), signature)) {
			throw notACursor();
		}
		List<?> cursor = Json.mapper().readValue(payload, List.class);
		if (cursor.size() != 4 || !sort.name().equals(cursor.get(0))) {
			throw new BadParameterException("after",
					"after is not a cursor of this search's sort (" + sort.name().toLowerCase(Locale.ROOT) + ")");
		}
		return List.copyOf(cursor.subList(1, cursor.size()));
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", ex);
		}
	}

	private static BadParameterException notACursor() {
		return new BadParameterException("after",
				"after is not a cursor this search handed out (pass the previous page's next unchanged)");
	}

}
