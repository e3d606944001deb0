package dev.tpmalerts.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonSerdeTest {

	private static final Posting POSTING = new Posting(PostingIds.of("https://example.test/jobs/1"),
			"Senior Technical Program Manager", "senior", "Contoso",
			List.of(Location.of("Austin", "TX", "US")), Workplace.HYBRID, "3 days a week in our Austin office",
			Salary.of(150_000.0, 180_000.0, "USD", SalaryPeriod.YEAR), "FULL_TIME", LocalDate.of(2026, 11, 2),
			LocalDate.of(2027, 1, 31), "https://example.test/jobs/1", "<p>Lead programs</p>", "Lead programs",
			List.of(new SourceRef("contoso-careers", "json-ld-page", "https://example.test/jobs/1?utm_source=x")),
			Instant.parse("2026-11-25T10:00:00Z"));

	@Test
	void shouldRoundTripPostingEventsWithTheirTypeAndSchemaVersion() {
		byte[] bytes = JsonSerde.<PostingEvent>serializer().serialize(Topics.POSTINGS, PostingScraped.of(POSTING));

		assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("\"type\":\"PostingScraped\"")
			.contains("\"schemaVersion\":1");
		PostingEvent read = JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, bytes);
		assertThat(read).isEqualTo(PostingScraped.of(POSTING));
		assertThat(read.postingId()).isEqualTo(POSTING.id());
	}

	@Test
	void shouldRoundTripTombstones() {
		PostingExpired expired = PostingExpired.of("p-1", "valid-through 2026-11-01 has passed",
				Instant.parse("2026-11-25T00:00:00Z"));
		byte[] bytes = JsonSerde.<PostingEvent>serializer().serialize(Topics.POSTINGS, expired);

		assertThat(JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, bytes)).isEqualTo(expired);
	}

	@Test
	void shouldRoundTripMatchedEvents() {
		PostingMatched matched = new PostingMatched(PostingMatched.SCHEMA_VERSION, POSTING.id(), POSTING,
				"technical-program-manager", 87, Map.of("certifications", 10),
				List.of(new Tag("certifications", "pmp", "PMP", List.of(new Evidence("PMP", 3, 6)))), "1", false,
				Instant.parse("2026-11-25T10:00:01Z"));
		byte[] bytes = JsonSerde.serializer().serialize(Topics.POSTINGS_MATCHED, matched);

		PostingMatched read = JsonSerde.deserializer(PostingMatched.class).deserialize(Topics.POSTINGS_MATCHED, bytes);
		assertThat(read).isEqualTo(matched);
		assertThat(read.tagIds("certifications")).containsExactly("pmp");
	}

	@Test
	void shouldNameTheTypeWhenARecordIsNotValidJson() {
		byte[] garbage = "{not json".getBytes(StandardCharsets.UTF_8);

		assertThatExceptionOfType(SerializationException.class)
			.isThrownBy(() -> JsonSerde.deserializer(PostingEvent.class).deserialize(Topics.POSTINGS, garbage))
			.withMessageContaining("postings")
			.withMessageContaining("PostingEvent");
	}

	@Test
	void shouldGiveTheSameIdToTheSameIdentity() {
		assertThat(PostingIds.of("greenhouse:northwind:1")).isEqualTo(PostingIds.of("greenhouse:northwind:1"))
			.isNotEqualTo(PostingIds.of("greenhouse:northwind:2"))
			.startsWith("p-")
			.hasSize(22);
	}

	@Test
	void shouldAnnualiseHourlyPay() {
		Salary hourly = Salary.of(75.0, 90.0, "USD", SalaryPeriod.HOUR);

		assertThat(hourly.annualMin()).isEqualTo(156_000.0);
		assertThat(hourly.annualMax()).isEqualTo(187_200.0);
	}

}
