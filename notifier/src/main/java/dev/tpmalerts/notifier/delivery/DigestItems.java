package dev.tpmalerts.notifier.delivery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.tpmalerts.notifier.alert.Frequency;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Postings waiting for an account's next digest, and when each account's digests are due. */
@Repository
class DigestItems {

	private final JdbcClient jdbc;

	DigestItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account whose digest of one frequency is due. */
	record Due(UUID accountId, ZoneId zone, Instant nextAt) {

	}

	boolean has(UUID accountId, String postingId) {
		return this.jdbc.sql("select count(*) from digest_item where account_id = ? and posting_id = ?")
			.params(accountId, postingId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Adds the posting to the account's next digest, or updates it there (a posting update brings a new score or
	 * title, not a second row). A posting wanted both daily and weekly goes daily.
	 */
	void upsert(UUID accountId, DigestItem item, Frequency frequency) {
		Object[] values = ItemRows.values(item);
		List<Object> update = new ArrayList<>(List.of(frequency.name()));
		for (int i = 1; i < values.length; i++) {
			update.add(values[i]);
		}
		update.add(accountId);
		update.add(item.postingId());
		int updated = this.jdbc.sql("update digest_item set frequency = case when frequency = 'DAILY' then 'DAILY' else ? end, "
				+ "alert_id = ?, score = ?, title = ?, company = ?, location = ?, workplace = ?, url = ?, excerpt = ?, "
				+ "valid_through = ?, matched_at = ? where account_id = ? and posting_id = ?")
			.params(update)
			.update();
		if (updated == 0) {
			List<Object> insert = new ArrayList<>(List.of(accountId, frequency.name()));
			insert.addAll(Arrays.asList(values));
			this.jdbc.sql("insert into digest_item (account_id, frequency, " + ItemRows.COLUMNS
					+ ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(insert)
				.update();
		}
	}

	/** Drops the posting from every pending digest (it expired). */
	int deletePosting(String postingId) {
		return this.jdbc.sql("delete from digest_item where posting_id = ?").param(postingId).update();
	}

	int deleteAllOf(UUID accountId) {
		return this.jdbc.sql("delete from digest_item where account_id = ?").param(accountId).update();
	}

	/** Makes sure the account has a due time for digests of this frequency; keeps one already set. */
	void ensureScheduled(UUID accountId, Frequency frequency, Instant nextAt) {
		boolean scheduled = this.jdbc.sql("select count(*) from digest_run where account_id = ? and frequency = ?")
			.params(accountId, frequency.name())
			.query(Integer.class)
			.single() > 0;
		if (!scheduled) {
			this.jdbc.sql("insert into digest_run (account_id, frequency, next_at) values (?, ?, ?)")
				.params(accountId, frequency.name(), ItemRows.at(nextAt))
				.update();
		}
	}

	/** Active accounts whose digest of this frequency is due at {@code now}. */
	List<Due> due(Frequency frequency, Instant now, int limit) {
		return this.jdbc.sql("select r.account_id, a.time_zone, r.next_at from digest_run r join account a on a.id = r.account_id "
				+ "where r.frequency = ? and r.next_at <= ? and a.status = 'ACTIVE' order by r.next_at fetch first " + limit
				+ " rows only")
			.params(frequency.name(), ItemRows.at(now))
			.query((rs, row) -> new Due(rs.getObject(1, UUID.class), DigestSchedule.zone(rs.getString(2)),
					ItemRows.instant(rs, "next_at")))
			.list();
	}

	/**
	 * Claims a due digest by moving its due time on, on the condition that nobody moved it since it was read: of
	 * two instances only one changes the row (the other's update waits for the first's commit, then matches nothing).
	 */
	boolean claim(Due due, Frequency frequency, Instant nextAt) {
		return this.jdbc.sql("update digest_run set next_at = ? where account_id = ? and frequency = ? and next_at = ?")
			.params(ItemRows.at(nextAt), due.accountId(), frequency.name(), ItemRows.at(due.nextAt()))
			.update() == 1;
	}

	/**
	 * Removes and returns the account's waiting postings of this frequency whose alert is live (unpaused). Postings of
	 * deleted alerts are dropped; those of paused alerts keep waiting.
	 */
	List<DigestItem> take(UUID accountId, Frequency frequency) {
		this.jdbc.sql("delete from digest_item where account_id = ? and frequency = ? "
				+ "and alert_id not in (select id from alert where account_id = ?)")
			.params(accountId, frequency.name(), accountId)
			.update();
		List<DigestItem> items = this.jdbc.sql("select i.* from digest_item i join alert a on a.id = i.alert_id "
				+ "where i.account_id = ? and i.frequency = ? and a.paused = false")
			.params(accountId, frequency.name())
			.query(ItemRows::read)
			.list();
		for (DigestItem item : items) {
			this.jdbc.sql("delete from digest_item where account_id = ? and posting_id = ?")
				.params(accountId, item.postingId())
				.update();
		}
		return items;
	}

	/** The account's time zone (account.time_zone), UTC when unknown. */
	ZoneId zoneOf(UUID accountId) {
		return this.jdbc.sql("select time_zone from account where id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.map(DigestSchedule::zone)
			.orElse(ZoneOffset.UTC);
	}

}
