package dev.tpmalerts.matcher.search;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The recruiter search's settings.
 *
 * @param cursorKey the secret that signs the {@code next} cursors (at least 32 characters); unset, each start draws
 * a random key, so cursors stop working at a restart and are not accepted by another instance
 */
@ConfigurationProperties("tpm.matcher.search")
record SearchProperties(String cursorKey) {

	static final int MIN_KEY_LENGTH = 32;

	SearchProperties {
		if (cursorKey != null && !cursorKey.isBlank() && cursorKey.length() < MIN_KEY_LENGTH) {
			throw new IllegalArgumentException("tpm.matcher.search.cursor-key must be at least " + MIN_KEY_LENGTH
					+ " characters long, was " + cursorKey.length());
		}
	}

	/** The key's bytes: the configured secret, or 32 random bytes when none is set. */
	byte[] cursorKeyBytes() {
		if (this.cursorKey == null || this.cursorKey.isBlank()) {
			byte[] key = new byte[32];
			new SecureRandom().nextBytes(key);
			return key;
		}
		return this.cursorKey.getBytes(StandardCharsets.UTF_8);
	}

}
