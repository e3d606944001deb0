package dev.tpmalerts.notifier.account;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tpmalerts.notifier.alert.Frequency;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsRequestTest {

	@ParameterizedTest
	@ValueSource(strings = { "Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata" })
	void shouldAcceptIanaZones(String zone) {
		assertThat(new SettingsRequest(null, zone).problems()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+02:00", "CEST", "Mars/Olympus", "", "UTC\r\nBcc: x@example.org", "Europe/Berlin " })
	void shouldRefuseAnythingButAnIanaZoneNamingTheField(String zone) {
		assertThat(new SettingsRequest(Frequency.DAILY, zone).problems()).singleElement()
			.asString()
			.startsWith("timeZone must be an IANA time zone")
			.doesNotContain("\r")
			.doesNotContain("\n");
	}

	@ParameterizedTest
	@ValueSource(strings = { "INSTANT", "DAILY", "WEEKLY" })
	void shouldAcceptAFrequencyAlone(String frequency) {
		assertThat(new SettingsRequest(Frequency.valueOf(frequency), null).problems()).isEmpty();
	}

	@org.junit.jupiter.api.Test
	void shouldRefuseAnEmptyChange() {
		assertThat(new SettingsRequest(null, null).problems()).containsExactly("frequency or timeZone is required");
	}

}
