package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dates as sources write them: ISO dates and times, RFC 1123 (RSS), epoch millis, and "3 days ago". */
public final class PostingDates {

	private static final Pattern RELATIVE = Pattern
		.compile("(\\d+|an?|one)\\s+(minute|hour|day|week|month)s?\\s+ago", Pattern.CASE_INSENSITIVE);

	private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

	private static final Pattern EPOCH_MILLIS = Pattern.compile("\\d{12,}");

	private PostingDates() {
	}

	/** The instant of a date-time with an offset or zone ("2026-11-01T23:59:59-05:00"); empty for a bare date. */
	public static Optional<Instant> parseInstant(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		for (DateTimeFormatter formatter : new DateTimeFormatter[] { DateTimeFormatter.ISO_OFFSET_DATE_TIME,
				DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.RFC_1123_DATE_TIME }) {
			try {
				return Optional.of(ZonedDateTime.parse(value.strip(), formatter).toInstant());
			}
			catch (DateTimeParseException ex) {
				// try the next shape
			}
		}
		return Optional.empty();
	}

	public static Optional<LocalDate> parse(String value, Clock clock) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		String text = value.strip();
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		String lower = text.toLowerCase(Locale.ROOT);
		if (lower.equals("today") || lower.equals("just posted")) {
			return Optional.of(today);
		}
		if (lower.equals("yesterday")) {
			return Optional.of(today.minusDays(1));
		}
		Matcher relative = RELATIVE.matcher(text);
		if (relative.find()) {
			String count = relative.group(1).toLowerCase(Locale.ROOT);
			long n = (count.equals("a") || count.equals("an") || count.equals("one")) ? 1 : Long.parseLong(count);
			return Optional.of(switch (relative.group(2).toLowerCase(Locale.ROOT)) {
				case "minute", "hour" -> today;
				case "day" -> today.minusDays(n);
				case "week" -> today.minusWeeks(n);
				default -> today.minusMonths(n);
			});
		}
		if (ISO_DATE.matcher(text).matches()) {
			try {
				return Optional.of(LocalDate.parse(text));
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		}
		if (EPOCH_MILLIS.matcher(text).matches()) {
			return Optional.of(Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC).toLocalDate());
		}
		for (DateTimeFormatter formatter : new DateTimeFormatter[] { DateTimeFormatter.ISO_OFFSET_DATE_TIME,
				DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.RFC_1123_DATE_TIME }) {
			try {
				return Optional.of(ZonedDateTime.parse(text, formatter).toLocalDate());
			}
			catch (DateTimeParseException ex) {
				// try the next shape
			}
		}
		try {
			return Optional.of(OffsetDateTime.parse(text.replace(' ', 'T') + (text.length() <= 19 ? "Z" : ""))
				.toLocalDate());
		}
		catch (DateTimeParseException ex) {
			// try a plain date
		}
		try {
			return Optional.of(LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
