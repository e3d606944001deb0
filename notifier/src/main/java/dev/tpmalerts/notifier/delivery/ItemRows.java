package dev.tpmalerts.notifier.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The columns that digest_item and pending_mail_item share, and the conversions of their times. */
final class ItemRows {

	static final String COLUMNS = "posting_id, alert_id, score, title, company, location, workplace, url, excerpt, "
			+ "valid_through, matched_at";

	private ItemRows() {
	}

	static DigestItem read(ResultSet rs, int row) throws SQLException {
		return new DigestItem(rs.getString("posting_id"), rs.getObject("alert_id", UUID.class), rs.getInt("score"),
				rs.getString("title"), rs.getString("company"), rs.getString("location"), rs.getString("workplace"),
				rs.getString("url"), rs.getString("excerpt"), rs.getObject("valid_through", LocalDate.class),
				instant(rs, "matched_at"));
	}

	/** The values of {@link #COLUMNS}, in order. */
	static Object[] values(DigestItem item) {
		return new Object[] { item.postingId(), item.alertId(), item.score(), item.title(), item.company(),
				item.location(), item.workplace(), item.url(), item.excerpt(), item.validThrough(), at(item.matchedAt()) };
	}

	static OffsetDateTime at(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
