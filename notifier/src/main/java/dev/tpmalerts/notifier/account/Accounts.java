package dev.tpmalerts.notifier.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and consent records in the notifier's database. */
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

	public Optional<Account> findByEmail(String email) {
		return this.jdbc.sql("select id, status, email from account where email_hash = ?")
			.param(EmailAddresses.hash(email))
			.query((rs, row) -> new Account(rs.getObject(1, UUID.class), AccountStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
			.optional();
	}

	public Optional<Account> findById(UUID id) {
		return this.jdbc.sql("select id, status, email from account where id = ?")
			.param(id)
			.query((rs, row) -> new Account(rs.getObject(1, UUID.class), AccountStatus.valueOf(rs.getString(2)),
					rs.getString(3)))
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

	public void recordConsent(UUID accountId, String privacyVersion, String termsVersion, String method,
			String source) {
		this.jdbc.sql("insert into consent (id, account_id, privacy_policy_version, terms_version, given_at, method, "
				+ "source) values (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), accountId, privacyVersion, termsVersion, now(), method, source)
			.update();
	}

	public void withdrawConsent(UUID accountId) {
		this.jdbc.sql("update consent set withdrawn_at = ? where account_id = ? and withdrawn_at is null")
			.params(now(), accountId)
			.update();
	}

	public boolean isSuppressed(String email) {
		return this.jdbc.sql("select count(*) from suppression where email_hash = ?")
			.param(EmailAddresses.hash(email))
			.query(Integer.class)
			.single() > 0;
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

}
