package dev.tpmalerts.ingest.deadletter;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.tpmalerts.ingest.deadletter.DeadLetter.Arrived;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code dead_letter} table: each record of a dead-letter topic once, its replays, its purge by age. */
@Repository
public class DeadLetterStore {

	static final int MAX_REASON = 4000;

	private static final String COLUMNS = "id, topic, kafka_partition, kafka_offset, record_key, stage, source, location,"
			+ " original_topic, reason, first_reason, payload, rejected_at, received_at, status, replays, last_replay_at,"
			+ " last_replay_outcome";

	private final JdbcClient jdbc;

	private final Clock clock;

	DeadLetterStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Which dead letters to list; a null field does not filter.
	 *
	 * @param stage ingest, matcher, unknown
	 * @param source the source (ingest) or refusing system (matcher: elasticsearch)
	 * @param status PENDING or REPLAYED
	 */
	public record Filter(String stage, String source, String status) {

		public static final Filter ALL = new Filter(null, null, null);

	}

	/** Stores a record that arrived; a record already stored (a redelivery) is left as it is. */
	boolean keep(Arrived arrived) {
		String reason = clip(arrived.reason());
		try {
			this.jdbc.sql("insert into dead_letter (topic, kafka_partition, kafka_offset, record_key, stage, source,"
					+ " location, original_topic, reason, first_reason, payload, rejected_at, received_at, status, replays)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
				.params(arrived.topic(), arrived.partition(), arrived.offset(), clip(arrived.key(), 2000),
						clip(arrived.stage(), 40), clip(arrived.source(), 200), clip(arrived.location(), 2000),
						arrived.originalTopic(), reason, reason, arrived.payload(), Timestamp.from(arrived.rejectedAt()),
						Timestamp.from(this.clock.instant()), DeadLetter.PENDING)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	public List<DeadLetter> find(Filter filter, long offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(limit);
		params.add(offset);
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter" + where + " order by id desc limit ? offset ?")
			.params(params)
			.query(DeadLetterStore::row)
			.list();
	}

	public long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		return this.jdbc.sql("select count(*) from dead_letter" + where(filter, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	public Optional<DeadLetter> byId(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from dead_letter where id = ?")
			.param(id)
			.query(DeadLetterStore::row)
			.optional();
	}

	/**
	 * Records a replay's outcome; a record that went through is REPLAYED, one that failed again stays PENDING,
	 * with the new reason when there is one.
	 */
	void replayed(long id, boolean through, String outcome, String newReason) {
		this.jdbc.sql("update dead_letter set replays = replays + 1, last_replay_at = ?, last_replay_outcome = ?,"
				+ " status = ?, reason = coalesce(?, reason) where id = ?")
			.params(Timestamp.from(this.clock.instant()), clip(outcome), through ? DeadLetter.REPLAYED : DeadLetter.PENDING,
					clip(newReason), id)
			.update();
	}

	/** Deletes the dead letters received before the cutoff; returns how many. */
	public int purgeReceivedBefore(Instant cutoff) {
		return this.jdbc.sql("delete from dead_letter where received_at < ?").param(Timestamp.from(cutoff)).update();
	}

	private static String where(Filter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.stage() != null) {
			conditions.add("stage = ?");
			params.add(filter.stage());
		}
		if (filter.source() != null) {
			conditions.add("source = ?");
			params.add(filter.source());
		}
		if (filter.status() != null) {
			conditions.add("status = ?");
			params.add(filter.status());
		}
		return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
	}

	private static DeadLetter row(ResultSet rs, int row) throws SQLException {
		return new DeadLetter(rs.getLong("id"), rs.getString("topic"), rs.getInt("kafka_partition"),
				rs.getLong("kafka_offset"), rs.getString("record_key"), rs.getString("stage"), rs.getString("source"),
				rs.getString("location"), rs.getString("original_topic"), rs.getString("reason"),
				rs.getString("first_reason"), rs.getString("payload"), instant(rs, "rejected_at"),
				instant(rs, "received_at"), rs.getString("status"), rs.getInt("replays"), instant(rs, "last_replay_at"),
				rs.getString("last_replay_outcome"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String clip(String text) {
		return clip(text, MAX_REASON);
	}

	private static String clip(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
