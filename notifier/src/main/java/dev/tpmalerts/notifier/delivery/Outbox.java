package dev.tpmalerts.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Emails waiting to be sent, in the database so that none is lost to a restart or an SMTP outage. A row is
 * claimed for sending by moving its next attempt past a lease with a conditional update, so two instances never
 * send it at once and no lock is held while the SMTP server answers.
 */
@Repository
class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A queued email: whose, of which kind, with which postings. {@code attempts} counts this one. */
	record PendingMail(UUID id, UUID accountId, Frequency kind, int omitted, int attempts, List<DigestItem> items) {

		List<String> postingIds() {
			return this.items.stream().map(DigestItem::postingId).toList();
		}

	}

	/** Queues an email due now. */
	UUID enqueue(UUID accountId, Frequency kind, List<DigestItem> items, int omitted, Instant now) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into pending_mail (id, account_id, kind, omitted, state, attempts, next_attempt_at, created_at) "
				+ "values (?, ?, ?, ?, 'QUEUED', 0, ?, ?)")
			.params(id, accountId, kind.name(), omitted, ItemRows.at(now), ItemRows.at(now))
			.update();
		for (DigestItem item : items) {
			List<Object> values = new ArrayList<>(List.of(id));
			values.addAll(Arrays.asList(ItemRows.values(item)));
			this.jdbc.sql("insert into pending_mail_item (mail_id, " + ItemRows.COLUMNS
					+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(values)
				.update();
		}
		return id;
	}

	/** Queued emails whose next attempt is due, oldest first. */
	List<UUID> due(Instant now, int limit) {
		return this.jdbc.sql("select id from pending_mail where state = 'QUEUED' and next_attempt_at <= ? "
				+ "order by next_attempt_at fetch first " + limit + " rows only")
			.param(ItemRows.at(now))
			.query(UUID.class)
			.list();
	}

	/** Claims a due email for one attempt: empty when it is not due or another instance has it. */
	Optional<PendingMail> claim(UUID id, Instant now, Duration lease) {
		int claimed = this.jdbc.sql("update pending_mail set next_attempt_at = ?, attempts = attempts + 1 "
				+ "where id = ? and state = 'QUEUED' and next_attempt_at <= ?")
			.params(ItemRows.at(now.plus(lease)), id, ItemRows.at(now))
			.update();
		if (claimed == 0) {
			return Optional.empty();
		}
		List<DigestItem> items = this.jdbc.sql("select * from pending_mail_item where mail_id = ?")
			.param(id)
			.query(ItemRows::read)
			.list();
		return this.jdbc.sql("select account_id, kind, omitted, attempts from pending_mail where id = ?")
			.param(id)
			.query((rs, row) -> new PendingMail(id, rs.getObject(1, UUID.class), Frequency.valueOf(rs.getString(2)),
					rs.getInt(3), rs.getInt(4), items))
			.optional();
	}

	/** The SMTP server accepted the email: it leaves the outbox. */
	void delete(UUID id) {
		this.jdbc.sql("delete from pending_mail where id = ?").param(id).update();
	}

	void retryAt(UUID id, Instant at, String error) {
		this.jdbc.sql("update pending_mail set next_attempt_at = ?, last_error = ? where id = ?")
			.params(ItemRows.at(at), error, id)
			.update();
	}

	/** No more attempts; the row stays, with its error, for a person to look at. */
	void fail(UUID id, String error) {
		this.jdbc.sql("update pending_mail set state = 'FAILED', last_error = ? where id = ?").params(error, id).update();
	}

	/** Drops every email of the account, queued or failed. */
	int deleteAllOf(UUID accountId) {
		return this.jdbc.sql("delete from pending_mail where account_id = ?").param(accountId).update();
	}

	int countQueued() {
		return this.jdbc.sql("select count(*) from pending_mail where state = 'QUEUED'").query(Integer.class).single();
	}

}
