package dev.tpmalerts.shared;

import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A place a job is tied to. Every part is optional; {@code country} is an ISO 3166-1 alpha-2 code when known.
 */
public record Location(String city, String region, String country) {

	public static Location of(String city, String region, String country) {
		return new Location(blankToNull(city), blankToNull(region), blankToNull(country));
	}

	/** "Austin, TX, US". */
	public String display() {
		return Stream.of(this.city, this.region, this.country)
			.filter(Objects::nonNull)
			.collect(Collectors.joining(", "));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
