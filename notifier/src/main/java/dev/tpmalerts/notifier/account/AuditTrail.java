package dev.tpmalerts.notifier.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Records what happened to an account, never with personal data in the detail. */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;

	private final Clock clock;

	public AuditTrail(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public void record(UUID accountId, String action, String detail) {
		this.jdbc.sql("insert into audit_event (account_id, action, detail, at) values (?, ?, ?, ?)")
			.params(accountId, action, detail, Timestamp.from(this.clock.instant()))
			.update();
	}

}
