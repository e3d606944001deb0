package dev.tpmalerts.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable posting ids: a hash of the job's identity, so the same job always gets the same id. */
public final class PostingIds {

	private PostingIds() {
	}

	/** {@code identity} is e.g. "greenhouse:northwind:4012345" or a canonical URL. */
	public static String of(String identity) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return "p-" + HexFormat.of().formatHex(digest, 0, 10);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}
