package dev.tpmalerts.notifier.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger, unique on (account, posting): a posting is recorded PENDING when an email carrying it is queued and
 * SENT once the SMTP server accepted that email. Whatever is in it, pending or sent, is never queued again.
 */
@Repository
class DeliveryLedger {

	private final JdbcClient jdbc;

	DeliveryLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean has(UUID accountId, String postingId) {
		return this.jdbc.sql("select count(*) from delivery where account_id = ? and posting_id = ?")
			.params(accountId, postingId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Records the pair as on its way. Callers check {@link #has} first in the same transaction; should another
	 * instance win a race for the pair, the primary key makes the transaction fail and the work is redone.
	 */
	void recordPending(UUID accountId, String postingId, UUID alertId, Instant now) {
		this.jdbc.sql("insert into delivery (account_id, posting_id, alert_id, sent_at, state) values (?, ?, ?, ?, 'PENDING')")
			.params(accountId, postingId, alertId, ItemRows.at(now))
			.update();
	}

	void markSent(UUID accountId, Collection<String> postingIds, Instant now) {
		for (String postingId : postingIds) {
			this.jdbc.sql("update delivery set state = 'SENT', sent_at = ? where account_id = ? and posting_id = ?")
				.params(ItemRows.at(now), accountId, postingId)
				.update();
		}
	}

	/** Forgets pairs that were queued but will not be sent (expired, account gone), so they could be again. */
	void forgetPending(UUID accountId, Collection<String> postingIds) {
		for (String postingId : postingIds) {
			this.jdbc.sql("delete from delivery where account_id = ? and posting_id = ? and state = 'PENDING'")
				.params(accountId, postingId)
				.update();
		}
	}

	/** Forgets every pair of the account still on its way (its mail will not go out). */
	int forgetAllPending(UUID accountId) {
		return this.jdbc.sql("delete from delivery where account_id = ? and state = 'PENDING'").param(accountId).update();
	}

}
