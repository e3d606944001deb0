package dev.tpmalerts.ingest.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.ingest.IngestDatabase;
import dev.tpmalerts.ingest.deadletter.DeadLetter.Arrived;
import dev.tpmalerts.ingest.deadletter.DeadLetterStore.Filter;

import static org.assertj.core.api.Assertions.assertThat;

/** The dead-letter table on a real PostgreSQL database: one row per Kafka record, filters, replays, purge by age. */
class DeadLetterStoreIT {

	private static final PostgresDatabases.Database database = PostgresDatabases.create("dead_letter_it");

	private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

	private final DeadLetterStore store = new DeadLetterStore(IngestDatabase.migrate(database),
			Clock.fixed(NOW, ZoneOffset.UTC));

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	@Test
	void shouldKeepARedeliveredRecordOnce() {
		Arrived arrived = arrived(7, "ingest", "acme");

		assertThat(this.store.keep(arrived)).isTrue();
		assertThat(this.store.keep(arrived)).as("a redelivery").isFalse();

		assertThat(this.store.count(new Filter(null, "acme", null))).isEqualTo(1);
	}

	@Test
	void shouldFilterRecordAReplayAndKeepTheFirstReason() {
		this.store.keep(arrived(20, "ingest", "beta"));
		this.store.keep(arrived(21, "matcher", "elasticsearch"));
		long id = this.store.find(new Filter("ingest", "beta", DeadLetter.PENDING), 0, 10).get(0).id();

		this.store.replayed(id, false, "still rejected: a new reason", "a new reason");

		DeadLetter letter = this.store.byId(id).orElseThrow();
		assertThat(letter.status()).isEqualTo(DeadLetter.PENDING);
		assertThat(letter.reason()).isEqualTo("a new reason");
		assertThat(letter.firstReason()).isEqualTo("title is missing");
		assertThat(letter.replays()).isEqualTo(1);
		this.store.replayed(id, true, "published", null);
		assertThat(this.store.byId(id).orElseThrow().status()).isEqualTo(DeadLetter.REPLAYED);
		assertThat(this.store.byId(id).orElseThrow().reason()).isEqualTo("a new reason");
		assertThat(this.store.find(new Filter("matcher", null, null), 0, 10)).extracting(DeadLetter::source)
			.containsOnly("elasticsearch");
	}

	@Test
	void shouldPurgeOnlyWhatWasReceivedBeforeTheCutoff() {
		this.store.keep(arrived(30, "ingest", "gamma"));

		assertThat(this.store.purgeReceivedBefore(NOW.minus(Duration.ofDays(1)))).isZero();
		assertThat(this.store.purgeReceivedBefore(NOW.plusSeconds(1))).isPositive();
		assertThat(this.store.count(new Filter(null, "gamma", null))).isZero();
	}

	private static Arrived arrived(long offset, String stage, String source) {
		return new Arrived("postings.dlt", 0, offset, "key-" + offset, stage, source, "https://example.com/" + offset, null,
				"title is missing", "{\"title\": null}", NOW.minusSeconds(60));
	}

}
