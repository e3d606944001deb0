package dev.tpmalerts.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ETag and Last-Modified of the last full answer of each URL, kept for conditional requests. */
@Repository
public class FetchStates {

	static final int MAX_URL_LENGTH = 2000;

	static final int MAX_ETAG_LENGTH = 1000;

	static final int MAX_LAST_MODIFIED_LENGTH = 100;

	private final JdbcClient jdbc;

	private final Clock clock;

	public FetchStates(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A document's version as its server described it; either part may be absent (null), never both.
	 *
	 * @param etag the ETag header, verbatim (weak validators included)
	 * @param lastModified the Last-Modified header, verbatim
	 */
	record Validators(String etag, String lastModified) {

		/** The validators of an answer that can be stored, when it has any. */
		static Optional<Validators> of(HttpHeaders headers) {
			String etag = headers.firstValue("ETag")
				.map(String::strip)
				.filter((value) -> !value.isEmpty() && value.length() <= MAX_ETAG_LENGTH)
				.orElse(null);
			String lastModified = headers.firstValue("Last-Modified")
				.map(String::strip)
				.filter((value) -> !value.isEmpty() && value.length() <= MAX_LAST_MODIFIED_LENGTH)
				.orElse(null);
			return (etag == null && lastModified == null) ? Optional.empty()
					: Optional.of(new Validators(etag, lastModified));
		}

	}

	Optional<Validators> find(URI url) {
		return key(url).flatMap((key) -> this.jdbc.sql("select etag, last_modified from fetch_state where url = ?")
			.param(key)
			.query((rs, row) -> new Validators(rs.getString("etag"), rs.getString("last_modified")))
			.optional());
	}

	/** Keeps the validators of a full answer, or forgets the URL's old ones when the answer had none. */
	void remember(URI url, Optional<Validators> validators) {
		if (validators.isEmpty()) {
			forget(url);
			return;
		}
		Optional<String> key = key(url);
		if (key.isEmpty()) {
			return;
		}
		Validators found = validators.get();
		Timestamp now = Timestamp.from(this.clock.instant());
		if (update(key.get(), found, now) > 0) {
			return;
		}
		try {
			this.jdbc.sql("insert into fetch_state (url, etag, last_modified, updated_at) values (?, ?, ?, ?)")
				.params(key.get(), found.etag(), found.lastModified(), now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// another fetch of the same URL stored its row first; ours is as recent
			update(key.get(), found, now);
		}
	}

	/** Drops what is known of a URL, so that its next conditional fetch asks for the full document. */
	public void forget(URI url) {
		key(url).ifPresent((key) -> this.jdbc.sql("delete from fetch_state where url = ?").param(key).update());
	}

	private int update(String key, Validators validators, Timestamp now) {
		return this.jdbc.sql("update fetch_state set etag = ?, last_modified = ?, updated_at = ? where url = ?")
			.params(validators.etag(), validators.lastModified(), now, key)
			.update();
	}

	private static Optional<String> key(URI url) {
		String key = url.toASCIIString();
		return (key.length() <= MAX_URL_LENGTH) ? Optional.of(key) : Optional.empty();
	}

}
