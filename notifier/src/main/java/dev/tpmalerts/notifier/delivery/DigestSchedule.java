package dev.tpmalerts.notifier.delivery;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import dev.tpmalerts.notifier.alert.Frequency;

/** When digests are due: at the digest hour of each account's own time zone, every day or on the weekly day. */
record DigestSchedule(int hour, DayOfWeek weeklyDay) {

	/** The first digest time strictly after {@code now}. A local hour skipped by a DST change moves forward. */
	Instant next(Instant now, ZoneId zone, Frequency frequency) {
		LocalDate today = now.atZone(zone).toLocalDate();
		LocalDate day = switch (frequency) {
			case DAILY -> today;
			case WEEKLY -> today.with(TemporalAdjusters.nextOrSame(this.weeklyDay));
			case INSTANT -> throw new IllegalArgumentException("instant alerts have no digest");
		};
		ZonedDateTime at = ZonedDateTime.of(day, LocalTime.of(this.hour, 0), zone);
		while (!at.toInstant().isAfter(now)) {
			day = day.plusDays((frequency == Frequency.DAILY) ? 1 : 7);
			at = ZonedDateTime.of(day, LocalTime.of(this.hour, 0), zone);
		}
		return at.toInstant();
	}

	/** The account's time zone; UTC when the stored name is not one. */
	static ZoneId zone(String name) {
		try {
			return (name != null && !name.isBlank()) ? ZoneId.of(name) : ZoneOffset.UTC;
		}
		catch (DateTimeException ex) {
			return ZoneOffset.UTC;
		}
	}

}
