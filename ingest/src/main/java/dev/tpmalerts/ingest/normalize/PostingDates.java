package dev.tpmalerts.ingest.normalize;

import java.text.ParsePosition;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.List;
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

	/** "2026-11-01T09:00Z"; a bare date is shorter. */
	private static final int SHORTEST_ZONED = 17;

	private static final List<DateTimeFormatter> ZONED_SHAPES = List.of(DateTimeFormatter.ISO_OFFSET_DATE_TIME,
			DateTimeFormatter.ISO_INSTANT, DateTimeFormatter.RFC_1123_DATE_TIME);

	private PostingDates() {
	}

	/** The instant of a date-time with an offset or zone ("2026-11-01T23:59:59-05:00"); empty for a bare date. */
	public static Optional<Instant> parseInstant(String value) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		return zoned(value.strip()).map(ZonedDateTime::toInstant);
	}

	/** A date-time with an offset or zone in one of the shapes sources use; empty otherwise. */
	private static Optional<ZonedDateTime> zoned(String text) {
		if (text.length() < SHORTEST_ZONED) {
			return Optional.empty();
		}
		for (DateTimeFormatter formatter : ZONED_SHAPES) {
			Optional<ZonedDateTime> parsed = tryParse(text, formatter);
			if (parsed.isPresent()) {
				return parsed;
			}
		}
		return Optional.empty();
	}

	/**
	 * Parses without throwing for a text of another shape: most dates are tried against several shapes, and a
	 * {@link DateTimeParseException} per miss (its stack trace included) costs more than the parse itself.
	 */
	private static Optional<ZonedDateTime> tryParse(String text, DateTimeFormatter formatter) {
		ParsePosition position = new ParsePosition(0);
		if (formatter.parseUnresolved(text, position) == null || position.getIndex() != text.length()) {
			return Optional.empty();
		}
		try {
			return Optional.of(formatter.parse(text, ZonedDateTime::from));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
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
		Optional<ZonedDateTime> zoned = zoned(text);
		if (zoned.isPresent()) {
			return zoned.map(ZonedDateTime::toLocalDate);
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
