package dev.tpmalerts.notifier.alert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tpmalerts.shared.Json;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Saved alerts in the notifier's database. Every change goes through here and announces itself with an
 * {@link AlertsChanged} event, which the alert index publishes to every notifier instance once the transaction
 * has committed. Methods that take an account id only touch that account's alerts: an alert id alone never opens
 * another person's alert.
 */
@Repository
public class Alerts {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	public Alerts(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** An alert as its owner sees and edits it. */
	public record AlertSettings(UUID id, AlertCriteria criteria, Frequency frequency, boolean paused) {

	}

	public UUID save(UUID accountId, AlertCriteria criteria, Frequency frequency) {
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("insert into alert (id, account_id, criteria, frequency, paused, created_at, updated_at) "
				+ "values (?, ?, ?, ?, false, ?, ?)")
			.params(id, accountId, Json.mapper().writeValueAsString(criteria), frequency.name(), now, now)
			.update();
		AlertTerms.replace(this.jdbc, id, criteria);
		changed(accountId, Set.of(id), true);
		return id;
	}

	/** Replaces an alert's criteria and frequency; false when the account has no such alert. */
	public boolean update(UUID accountId, UUID alertId, AlertCriteria criteria, Frequency frequency) {
		boolean updated = this.jdbc
			.sql("update alert set criteria = ?, frequency = ?, updated_at = ? where id = ? and account_id = ?")
			.params(Json.mapper().writeValueAsString(criteria), frequency.name(), Timestamp.from(this.clock.instant()),
					alertId, accountId)
			.update() > 0;
		if (updated) {
			AlertTerms.replace(this.jdbc, alertId, criteria);
		}
		return changed(accountId, Set.of(alertId), updated);
	}

	/** Pauses or resumes one alert; false when the account has no such alert. */
	public boolean setPaused(UUID accountId, UUID alertId, boolean paused) {
		return changed(accountId, Set.of(alertId),
				this.jdbc.sql("update alert set paused = ?, updated_at = ? where id = ? and account_id = ?")
					.params(paused, Timestamp.from(this.clock.instant()), alertId, accountId)
					.update() > 0);
	}

	/** Changes the frequency of every alert of the account. */
	public int setFrequency(UUID accountId, Frequency frequency) {
		int updated = this.jdbc.sql("update alert set frequency = ?, updated_at = ? where account_id = ?")
			.params(frequency.name(), Timestamp.from(this.clock.instant()), accountId)
			.update();
		changed(accountId, Set.of(), updated > 0);
		return updated;
	}

	/** Deletes one alert; false when the account has no such alert. */
	public boolean delete(UUID accountId, UUID alertId) {
		return changed(accountId, Set.of(alertId),
				this.jdbc.sql("delete from alert where id = ? and account_id = ?").params(alertId, accountId).update() > 0);
	}

	/** Deletes every alert of the account (erasure). */
	public int deleteAllOf(UUID accountId) {
		Set<UUID> gone = Set.copyOf(idsOf(accountId));
		int deleted = this.jdbc.sql("delete from alert where account_id = ?").param(accountId).update();
		changed(accountId, gone, deleted > 0);
		return deleted;
	}

	/**
	 * Called after the account's status changed (confirmed, unsubscribed, suppressed): its alerts become live or
	 * stop being live.
	 */
	public void accountChanged(UUID accountId) {
		changed(accountId, Set.of(), true);
	}

	/** The ids of every alert of the account, live or not. */
	public List<UUID> idsOf(UUID accountId) {
		return this.jdbc.sql("select id from alert where account_id = ?").param(accountId).query(UUID.class).list();
	}

	/** The account's unpaused alerts when the account is active; none otherwise. */
	public List<SavedAlert> activeOf(UUID accountId) {
		return this.jdbc.sql("select a.id, a.account_id, a.criteria, a.frequency from alert a "
				+ "join account c on c.id = a.account_id where a.account_id = ? and c.status = 'ACTIVE' and a.paused = false")
			.param(accountId)
			.query((rs, row) -> new SavedAlert(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					criteria(rs, 3), Frequency.valueOf(rs.getString(4))))
			.list();
	}

	public List<AlertSettings> ofAccount(UUID accountId) {
		return this.jdbc.sql("select id, criteria, frequency, paused from alert where account_id = ? order by created_at, id")
			.param(accountId)
			.query((rs, row) -> new AlertSettings(rs.getObject(1, UUID.class), criteria(rs, 2),
					Frequency.valueOf(rs.getString(3)), rs.getBoolean(4)))
			.list();
	}

	public Optional<AlertSettings> find(UUID accountId, UUID alertId) {
		return this.jdbc.sql("select id, criteria, frequency, paused from alert where id = ? and account_id = ?")
			.params(alertId, accountId)
			.query((rs, row) -> new AlertSettings(rs.getObject(1, UUID.class), criteria(rs, 2),
					Frequency.valueOf(rs.getString(3)), rs.getBoolean(4)))
			.optional();
	}

	/** The unpaused alerts of active accounts. */
	public List<SavedAlert> active() {
		return this.jdbc.sql("select a.id, a.account_id, a.criteria, a.frequency from alert a "
				+ "join account c on c.id = a.account_id where c.status = 'ACTIVE' and a.paused = false")
			.query((rs, row) -> new SavedAlert(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					criteria(rs, 3), Frequency.valueOf(rs.getString(4))))
			.list();
	}

	private boolean changed(UUID accountId, Set<UUID> alertIds, boolean changed) {
		if (changed) {
			this.events.publishEvent(new AlertsChanged(accountId, alertIds));
		}
		return changed;
	}

	private static AlertCriteria criteria(ResultSet rs, int column) throws SQLException {
		return Json.mapper().readValue(rs.getString(column), AlertCriteria.class);
	}

}
