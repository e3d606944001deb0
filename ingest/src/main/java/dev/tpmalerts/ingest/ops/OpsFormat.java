package dev.tpmalerts.ingest.ops;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the dashboard writes times and durations: in the server's zone, named, to the second. */
final class OpsFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

	private final ZoneId zone;

	OpsFormat(ZoneId zone) {
		this.zone = zone;
	}

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant.atZone(this.zone)) : "—";
	}

	public String duration(Long millis) {
		if (millis == null) {
			return "—";
		}
		Duration duration = Duration.ofMillis(millis);
		if (duration.toMinutes() >= 60) {
			return duration.toHours() + " h " + duration.toMinutesPart() + " min";
		}
		if (duration.toSeconds() >= 60) {
			return duration.toMinutes() + " min " + duration.toSecondsPart() + " s";
		}
		return (millis < 1000) ? millis + " ms" : duration.toSeconds() + "." + (duration.toMillisPart() / 100) + " s";
	}

}
