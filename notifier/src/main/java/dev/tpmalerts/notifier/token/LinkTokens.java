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
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issues and redeems the tokens of email links. The raw token exists only in the link; the database keeps its
 * SHA-256, so a copy of the database opens no account.
 *
 * <p>
 * Comparison in constant time: a token is looked up by the SHA-256 of what the client sent, never by the token
 * itself. How long the index lookup takes depends on that hash, which an attacker cannot steer byte by byte
 * towards a stored one (changing one character of a guess changes the whole hash), so timing reveals nothing about
 * how close a guess was. The found row's hash is then compared with {@link MessageDigest#isEqual}, which takes
 * the same time for any two hashes of equal length.
 */
@Component
public class LinkTokens {

	/** 256 bits: far beyond guessing, and above the 128 the issue asks for. */
	static final int TOKEN_BYTES = 32;

	/** What {@link #issue} produces: 32 bytes in unpadded base64url. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	public LinkTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new token for the account, valid for {@code ttl}: the raw value, to be put in a link and nowhere else. */
	public String issue(UUID accountId, TokenPurpose purpose, Duration ttl) {
		byte[] bytes = new byte[TOKEN_BYTES];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("insert into access_token (token_hash, account_id, purpose, expires_at) values (?, ?, ?, ?)")
			.params(hash(token), accountId, purpose.name(), Timestamp.from(this.clock.instant().plus(ttl)))
			.update();
		return token;
	}

	/** The account a valid, unexpired token of this purpose belongs to; with {@code singleUse} it is spent. */
	public Optional<UUID> redeem(String token, TokenPurpose purpose, boolean singleUse) {
		if (token == null || !TOKEN.matcher(token).matches()) {
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

	/** Makes every unspent token of this purpose useless, e.g. the confirmation links of a withdrawn consent. */
	public int revoke(UUID accountId, TokenPurpose purpose) {
		return this.jdbc.sql("delete from access_token where account_id = ? and purpose = ?")
			.params(accountId, purpose.name())
			.update();
	}

	/** Deletes the tokens that expired before {@code before}: a link that no longer works needs no row. */
	public int purgeExpired(Instant before) {
		return this.jdbc.sql("delete from access_token where expires_at < ?").param(Timestamp.from(before)).update();
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
