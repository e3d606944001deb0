package dev.tpmalerts.notifier.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.notifier.alert.Frequency;

import static org.assertj.core.api.Assertions.assertThat;

class DigestScheduleTest {

	private final DigestSchedule schedule = new DigestSchedule(8, DayOfWeek.MONDAY);

	@ParameterizedTest
	@CsvSource({
			// now (UTC),           zone,                frequency, next digest (UTC)
			"2026-11-02T06:00:00Z, America/New_York,     DAILY,  2026-11-02T13:00:00Z",
			"2026-11-02T13:00:00Z, America/New_York,     DAILY,  2026-11-03T13:00:00Z",
			"2026-11-02T06:59:59Z, Europe/Berlin,        DAILY,  2026-11-02T07:00:00Z",
			"2026-11-02T06:00:00Z, Asia/Kolkata,         DAILY,  2026-11-03T02:30:00Z",
			"2026-11-02T06:00:00Z, Europe/Berlin,        WEEKLY, 2026-11-02T07:00:00Z",
			"2026-11-02T07:00:00Z, Europe/Berlin,        WEEKLY, 2026-11-09T07:00:00Z",
			"2026-11-04T12:00:00Z, UTC,                  WEEKLY, 2026-11-09T08:00:00Z",
			// The day DST starts in New York: 08:00 EDT is 12:00 UTC.
			"2026-03-08T06:00:00Z, America/New_York,     DAILY,  2026-03-08T12:00:00Z" })
	void shouldFindTheNextDigestAtTheLocalHour(Instant now, String zone, Frequency frequency, Instant expected) {
		assertThat(this.schedule.next(now, ZoneId.of(zone), frequency)).isEqualTo(expected);
	}

	@Test
	void shouldMoveAnHourSkippedByDaylightSavingForward() {
		DigestSchedule atTwo = new DigestSchedule(2, DayOfWeek.MONDAY);
		// 02:00 does not exist in New York on 8 March 2026: the digest goes at 03:00 EDT (07:00 UTC).
		assertThat(atTwo.next(Instant.parse("2026-03-08T05:00:00Z"), ZoneId.of("America/New_York"), Frequency.DAILY))
			.isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
	}

	@Test
	void shouldFallBackToUtcForAnUnknownZone() {
		assertThat(DigestSchedule.zone("Mars/Olympus")).isEqualTo(ZoneOffset.UTC);
		assertThat(DigestSchedule.zone(null)).isEqualTo(ZoneOffset.UTC);
		assertThat(DigestSchedule.zone("Europe/Paris")).isEqualTo(ZoneId.of("Europe/Paris"));
	}

	@Test
	void shouldDoubleTheRetryWaitUpToItsCap() {
		DeliveryProperties properties = DeliveryProperties.defaults();
		assertThat(properties.backOff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.backOff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.backOff(5)).isEqualTo(Duration.ofMinutes(8));
		assertThat(properties.backOff(11)).isEqualTo(Duration.ofHours(1));
		assertThat(properties.backOff(1_000)).isEqualTo(Duration.ofHours(1));
	}

}
