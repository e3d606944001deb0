package dev.tpmalerts.notifier.delivery;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Postings that expired, as of the event that said so; no email carries them. */
@Repository
class ExpiredPostings {

	private final JdbcClient jdbc;

	ExpiredPostings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the expiry; of two expiries of one posting the later is kept. */
	void record(String postingId, Instant at) {
		Optional<Instant> known = since(postingId);
		if (known.isEmpty()) {
			this.jdbc.sql("insert into expired_posting (posting_id, expired_at) values (?, ?)")
				.params(postingId, ItemRows.at(at))
				.update();
		}
		else if (at.isAfter(known.get())) {
			this.jdbc.sql("update expired_posting set expired_at = ? where posting_id = ?")
				.params(ItemRows.at(at), postingId)
				.update();
		}
	}

	Optional<Instant> since(String postingId) {
		return this.jdbc.sql("select expired_at from expired_posting where posting_id = ?")
			.param(postingId)
			.query((rs, row) -> ItemRows.instant(rs, "expired_at"))
			.optional();
	}

	/** The posting is listed again (an event newer than its expiry). */
	void clear(String postingId) {
		this.jdbc.sql("delete from expired_posting where posting_id = ?").param(postingId).update();
	}

	Set<String> among(Collection<String> postingIds) {
		Set<String> expired = new HashSet<>();
		if (postingIds.isEmpty()) {
			return expired;
		}
		expired.addAll(this.jdbc.sql("select posting_id from expired_posting where posting_id in (:ids)")
			.param("ids", postingIds)
			.query(String.class)
			.list());
		return expired;
	}

}
