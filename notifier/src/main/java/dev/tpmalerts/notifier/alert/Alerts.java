package dev.tpmalerts.notifier.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import dev.tpmalerts.shared.Json;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Saved alerts in the notifier's database. */
@Repository
public class Alerts {

	private final JdbcClient jdbc;

	private final Clock clock;

	public Alerts(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public UUID save(UUID accountId, AlertCriteria criteria, Frequency frequency) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("insert into alert (id, account_id, criteria, frequency, paused, created_at, updated_at) "
				+ "values (?, ?, ?, ?, false, ?, ?)")
			.params(id, accountId, Json.mapper().writeValueAsString(criteria), frequency.name(), now, now)
			.update();
		return id;
	}

	/** The unpaused alerts of active accounts. */
	public List<SavedAlert> active() {
		return this.jdbc.sql("select a.id, a.account_id, a.criteria, a.frequency from alert a "
				+ "join account c on c.id = a.account_id where c.status = 'ACTIVE' and a.paused = false")
			.query((rs, row) -> new SavedAlert(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					Json.mapper().readValue(rs.getString(3), AlertCriteria.class), Frequency.valueOf(rs.getString(4))))
			.list();
	}

}
