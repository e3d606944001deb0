package dev.tpmalerts.notifier.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues and redeems the tokens of email links. The raw token exists only in the link; the database keeps its
 * SHA-256, so a copy of the database opens no account.
 */
@Component
public class LinkTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	public LinkTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public String issue(UUID accountId, TokenPurpose purpose, Duration ttl) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("insert into access_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), accountId, purpose.name(), Timestamp.from(this.clock.instant().plus(ttl)))
			.update();
		return token;
	}

	/** The account a valid, unexpired token of this purpose belongs to; with {@code singleUse} it is spent. */
	public Optional<UUID> redeem(String token, TokenPurpose purpose, boolean singleUse) {
		if (token == null || token.length() < 20 || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		Instant now = this.clock.instant();
		Optional<StoredToken> stored = this.jdbc
			.sql("select token_hash, account_id, purpose, expires_at, used_at from access_token where token_hash = ?")
			.param(hash)
			.query((rs, row) -> new StoredToken(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getTimestamp(5)))
			.optional();
		if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().hash().getBytes(StandardCharsets.US_ASCII),
				hash.getBytes(StandardCharsets.US_ASCII))) {
			return Optional.empty();
		}
		StoredToken found = stored.get();
		if (!found.purpose().equals(purpose.name()) || found.expiresAt().isBefore(now)
				|| (singleUse && found.usedAt() != null)) {
			return Optional.empty();
		}
		if (singleUse) {
			int spent = this.jdbc.sql("update access_token set used_at = ? where token_hash = ? and used_at is null")
				.params(Timestamp.from(now), hash)
				.update();
			if (spent == 0) {
				return Optional.empty();
			}
		}
		return Optional.of(found.accountId());
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

	private record StoredToken(String hash, UUID accountId, String purpose, Instant expiresAt, Timestamp usedAt) {

	}

}
