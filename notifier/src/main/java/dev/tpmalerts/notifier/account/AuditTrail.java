package dev.tpmalerts.notifier.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records what happened to an account, never with personal data in the detail: no address, no criteria values
 * (keywords or places could say who someone is), only ids, field names and policy versions. After an erasure the
 * rows keep the account id, a random id that then leads to nothing, so the history of an erased account can still be
 * read as one.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** One recorded change. */
	public record AuditEvent(String action, String detail, Instant at) {

	}

	public void record(UUID accountId, String action, String detail) {
		this.jdbc.sql("insert into audit_event (account_id, action, detail, at) values (?, ?, ?, ?)")
			.params(accountId, action, detail, Timestamp.from(this.clock.instant()))
			.update();
	}

	public List<AuditEvent> eventsOf(UUID accountId) {
		return this.jdbc.sql("select action, detail, at from audit_event where account_id = ? order by id")
			.param(accountId)
			.query((rs, row) -> new AuditEvent(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.list();
	}

}
