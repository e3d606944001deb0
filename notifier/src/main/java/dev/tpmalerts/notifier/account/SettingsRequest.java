package dev.tpmalerts.notifier.account;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import dev.tpmalerts.notifier.alert.Frequency;

/**
 * Account-wide settings; a field left out stays as it is.
 *
 * @param frequency a new frequency for every alert of the account
 * @param timeZone the IANA time zone ("Europe/Berlin") daily and weekly digests are timed in
 */
public record SettingsRequest(Frequency frequency, String timeZone) {

	/** Every problem, each naming its field and value; empty when the request is valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.frequency == null && this.timeZone == null) {
			problems.add("frequency or timeZone is required");
		}
		if (this.timeZone != null && !isZone(this.timeZone)) {
			problems.add("timeZone must be an IANA time zone such as Europe/Berlin or America/New_York, was '"
					+ printable(this.timeZone) + "'");
		}
		return problems;
	}

	/** Region ids only ("Europe/Berlin", "UTC"): offsets such as "+02:00" do not follow summer time. */
	static boolean isZone(String zone) {
		return zone.length() <= 64 && ZoneId.getAvailableZoneIds().contains(zone);
	}

	/** A value quoted in an error, cut short and without control characters, so an error cannot forge lines. */
	private static String printable(String value) {
		String clean = value.replaceAll("\\p{Cntrl}", "?");
		return (clean.length() > 60) ? clean.substring(0, 60) + "…" : clean;
	}

}
