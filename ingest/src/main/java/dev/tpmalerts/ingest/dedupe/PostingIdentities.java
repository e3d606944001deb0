package dev.tpmalerts.ingest.dedupe;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The posting records and their aliases in ingest's database. */
@Repository
class PostingIdentities {

	private static final String COLUMNS = "posting_id, company_key, title_key, location_key, sketch, primary_source, "
			+ "content_hash, posting_json, first_seen, last_seen, expired_at";

	private final JdbcClient jdbc;

	PostingIdentities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PostingRecord> byAlias(Collection<String> aliases) {
		if (aliases.isEmpty()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select " + COLUMNS + " from posting_record where posting_id in "
					+ "(select posting_id from posting_alias where alias in (:aliases)) order by first_seen")
			.param("aliases", aliases)
			.query(PostingIdentities::record)
			.list()
			.stream()
			.findFirst();
	}

	Optional<PostingRecord> byId(String postingId) {
		return this.jdbc.sql("select " + COLUMNS + " from posting_record where posting_id = ?")
			.param(postingId)
			.query(PostingIdentities::record)
			.optional();
	}

	Optional<PostingRecord> byFingerprint(String company, String title, String location, Instant since) {
		return this.jdbc.sql("select " + COLUMNS + " from posting_record where company_key = ? and title_key = ? "
				+ "and location_key = ? and last_seen >= ? order by first_seen")
			.params(company, title, location, Timestamp.from(since))
			.query(PostingIdentities::record)
			.list()
			.stream()
			.findFirst();
	}

	/** Records that share the title or the company, seen since a time: the candidates for a near-duplicate. */
	List<PostingRecord> candidates(String company, String title, Instant since, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from posting_record where (title_key = ? or company_key = ?) "
				+ "and last_seen >= ? order by last_seen desc")
			.params(title, company, Timestamp.from(since))
			.query(PostingIdentities::record)
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	void insert(PostingRecord record) {
		this.jdbc.sql("insert into posting_record (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.postingId(), record.companyKey(), record.titleKey(), record.locationKey(),
					DedupeKeys.encode(record.sketch()), record.primarySource(), record.contentHash(),
					record.postingJson(), Timestamp.from(record.firstSeen()), Timestamp.from(record.lastSeen()), null)
			.update();
	}

	void update(String postingId, String contentHash, String postingJson, Instant lastSeen) {
		this.jdbc.sql("update posting_record set content_hash = ?, posting_json = ?, last_seen = ?, expired_at = null "
				+ "where posting_id = ?")
			.params(contentHash, postingJson, Timestamp.from(lastSeen), postingId)
			.update();
	}

	void touch(String postingId, Instant lastSeen) {
		this.jdbc.sql("update posting_record set last_seen = ? where posting_id = ?")
			.params(Timestamp.from(lastSeen), postingId)
			.update();
	}

	/** Marks every live posting first published from this source as seen now; returns how many. */
	int touchPrimarySource(String source, Instant lastSeen) {
		return this.jdbc.sql("update posting_record set last_seen = ? where primary_source = ? and expired_at is null")
			.params(Timestamp.from(lastSeen), source)
			.update();
	}

	void markExpired(String postingId, Instant at) {
		this.jdbc.sql("update posting_record set expired_at = ? where posting_id = ?")
			.params(Timestamp.from(at), postingId)
			.update();
	}

	/** Adds the aliases this record does not have yet; an alias already taken by another record is left alone. */
	void addAliases(String postingId, Collection<String> aliases) {
		for (String alias : aliases) {
			this.jdbc.sql("insert into posting_alias (alias, posting_id) select ?, ? where not exists "
					+ "(select 1 from posting_alias where alias = ?)")
				.params(alias, postingId, alias)
				.update();
		}
	}

	private static PostingRecord record(ResultSet rs, int row) throws SQLException {
		Timestamp expired = rs.getTimestamp("expired_at");
		return new PostingRecord(rs.getString("posting_id"), rs.getString("company_key"), rs.getString("title_key"),
				rs.getString("location_key"), DedupeKeys.decode(rs.getString("sketch")), rs.getString("primary_source"),
				rs.getString("content_hash"), rs.getString("posting_json"), rs.getTimestamp("first_seen").toInstant(),
				rs.getTimestamp("last_seen").toInstant(), (expired != null) ? expired.toInstant() : null);
	}

}
