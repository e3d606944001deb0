package dev.tpmalerts.notifier.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation, hashing and masking of email addresses (a masked address is the only kind that may be logged). */
public final class EmailAddresses {

	// Deliberately strict: no CR/LF, no spaces, no quotes, so an address can never inject a mail header.
	private static final Pattern VALID = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	private EmailAddresses() {
	}

	public static boolean isValid(String email) {
		return email != null && email.length() <= 254 && VALID.matcher(email).matches();
	}

	public static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public static String hash(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(normalize(email).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	/** "j***@e***.com". */
	public static String mask(String email) {
		int at = email.indexOf('@');
		if (at < 1) {
			return "***";
		}
		String domain = email.substring(at + 1);
		int dot = domain.lastIndexOf('.');
		return email.charAt(0) + "***@" + (domain.isEmpty() ? "" : domain.charAt(0) + "***")
				+ ((dot > 0) ? domain.substring(dot) : "");
	}

}
