package dev.tpmalerts.notifier.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, consent records and the suppression list in the notifier's database. */
@Repository
public class Accounts {

	private final JdbcClient jdbc;

	private final Clock clock;

	public Accounts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An account's id, status and address (for mailing only: never to be logged). */
	public record Account(UUID id, AccountStatus status, String email) {

	}

	/** Everything the account row holds, as its owner sees and exports it. */
	public record AccountDetails(UUID id, String email, AccountStatus status, String timeZone, Instant createdAt,
			Instant confirmedAt) {

	}

	/**
	 * One consent as given: which versions of the Privacy Policy and Terms, when, how and where; and when and how it
	 * was withdrawn, if it was.
	 */
	public record ConsentRecord(UUID id, String privacyPolicyVersion, String termsVersion, Instant givenAt,
			String method, String source, Instant withdrawnAt, String withdrawnVia) {

	}

	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("select id, status, email from account where email_hash = ?")
			.param(EmailAddresses.hash(email))
			.query((rs, row) -> new Account(rs.getObject(1, UUID.class), AccountStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.optional();
	}

	/**
	 * Which of these accounts are active now. The alert index of an instance may lag behind a change made on
	 * another (an erasure, an unsubscribe): delivery asks the database before it mails anyone.
	 */
	public Set<UUID> activeAmong(Collection<UUID> ids) {
		Set<UUID> active = new HashSet<>();
		List<UUID> all = List.copyOf(ids);
		for (int from = 0; from < all.size(); from += 500) {
			List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
			this.jdbc.sql("select id from account where status = 'ACTIVE' and id in (:ids)")
				.param("ids", chunk)
				.query((rs, row) -> rs.getObject(1, UUID.class))
				.list()
				.forEach(active::add);
		}
		return active;
	}

	public Optional<Account> findById(UUID id) {
		return this.jdbc.sql("select id, status, email from account where id = ?")
			.param(id)
			.query((rs, row) -> new Account(rs.getObject(1, UUID.class), AccountStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.optional();
	}

	public Optional<AccountDetails> details(UUID id) {
		return this.jdbc.sql("select id, email, status, time_zone, created_at, confirmed_at from account where id = ?")
			.param(id)
			.query((rs, row) -> new AccountDetails(rs.getObject(1, UUID.class), rs.getString(2),
					AccountStatus.valueOf(rs.getString(3)), rs.getString(4), instant(rs, 5), instant(rs, 6)))
			.optional();
	}

	public UUID create(String email) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into account (id, email, email_hash, status, created_at) values (?, ?, ?, ?, ?)")
			.params(id, EmailAddresses.normalize(email), EmailAddresses.hash(email), AccountStatus.PENDING.name(),
					now())
			.update();
		return id;
	}

	public void setStatus(UUID id, AccountStatus status) {
		if (status == AccountStatus.ACTIVE) {
			this.jdbc.sql("update account set status = ?, confirmed_at = ? where id = ?")
				.params(status.name(), now(), id)
				.update();
		}
		else {
			this.jdbc.sql("update account set status = ? where id = ?").params(status.name(), id).update();
		}
	}

	/** The time zone digests are scheduled in; the caller has checked it is an IANA zone id. */
	public void setTimeZone(UUID id, String timeZone) {
		this.jdbc.sql("update account set time_zone = ? where id = ?").params(timeZone, id).update();
	}

	public void recordConsent(UUID accountId, String privacyVersion, String termsVersion, String method,
			String source) {
		this.jdbc.sql("insert into consent (id, account_id, privacy_policy_version, terms_version, given_at, method, "
				+ "source) values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), accountId, privacyVersion, termsVersion, now(), method, source)
			.update();
	}

	/**
	 * Marks every consent of the account that is still in force as withdrawn now.
	 * @param via how it was withdrawn: "one-click", "manage-page", "api"
	 * @return how many consents were in force
	 */
	public int withdrawConsent(UUID accountId, String via) {
		return this.jdbc.sql("update consent set withdrawn_at = ?, withdrawn_via = ? where account_id = ? "
				+ "and withdrawn_at is null")
			.params(now(), via, accountId)
			.update();
	}

	public List<ConsentRecord> consents(UUID accountId) {
		return this.jdbc.sql("select id, privacy_policy_version, terms_version, given_at, method, source, withdrawn_at, "
				+ "withdrawn_via from consent where account_id = ? order by given_at, id")
			.param(accountId)
			.query((rs, row) -> new ConsentRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					instant(rs, 4), rs.getString(5), rs.getString(6), instant(rs, 7), rs.getString(8)))
			.list();
	}

	public boolean isSuppressed(String email) {
		return this.jdbc.sql("select count(*) from suppression where email_hash = ?")
			.param(EmailAddresses.hash(email))
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Puts the address's hash on the suppression list, so it is never mailed again; a reason already recorded is
	 * kept.
	 * @return whether it was not on the list before
	 */
	public boolean suppress(String email, String reason) {
		if (isSuppressed(email)) {
			return false;
		}
		this.jdbc.sql("insert into suppression (email_hash, reason, created_at) values (?, ?, ?)")
			.params(EmailAddresses.hash(email), reason, now())
			.update();
		return true;
	}

	/** Deletes the account row; its consents, alerts, tokens and delivery ledger go with it (on delete cascade). */
	public boolean delete(UUID id) {
		return this.jdbc.sql("delete from account where id = ?").param(id).update() > 0;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
