package dev.tpmalerts.notifier.delivery;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts the instant emails of each account per day of its calendar, for the per-account cap. */
@Repository
class SendCaps {

	private final JdbcClient jdbc;

	SendCaps(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes one email from the account's allowance of the day; false when the cap is reached. The conditional update
	 * keeps the count right when two consumers take at once.
	 */
	boolean tryTake(UUID accountId, LocalDate day, int cap) {
		if (cap <= 0) {
			return false;
		}
		int taken = this.jdbc.sql("update daily_send_count set sent = sent + 1 where account_id = ? and send_day = ? and sent < ?")
			.params(accountId, day, cap)
			.update();
		if (taken > 0) {
			return true;
		}
		boolean counted = this.jdbc.sql("select count(*) from daily_send_count where account_id = ? and send_day = ?")
			.params(accountId, day)
			.query(Integer.class)
			.single() > 0;
		if (counted) {
			return false;
		}
		this.jdbc.sql("insert into daily_send_count (account_id, send_day, sent) values (?, ?, 1)").params(accountId, day).update();
		return true;
	}

	int sentOn(UUID accountId, LocalDate day) {
		return this.jdbc.sql("select coalesce(max(sent), 0) from daily_send_count where account_id = ? and send_day = ?")
			.params(accountId, day)
			.query(Integer.class)
			.single();
	}

	/** Forgets the counts of days before the given one. */
	int forgetBefore(LocalDate day) {
		return this.jdbc.sql("delete from daily_send_count where send_day < ?").param(day).update();
	}

}
