package dev.tpmalerts.ingest.normalize;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tpmalerts.shared.Location;

/**
 * Reads location text ("Austin, TX", "London, UK", "Toronto, ON", "Remote (US)") into city, region and an
 * ISO 3166-1 alpha-2 country. A two-letter code is a US state only when it is one; a bare country stays a
 * country, not a city.
 */
public final class Locations {

	private static final Set<String> US_STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA",
			"HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
			"NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA",
			"WA", "WV", "WI", "WY", "DC");

	private static final Set<String> CANADIAN_PROVINCES = Set.of("AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON",
			"PE", "QC", "SK", "YT");

	private static final Map<String, String> COUNTRIES = new HashMap<>();

	static {
		country("US", "us", "usa", "u.s.", "u.s.a.", "united states", "united states of america", "america");
		country("GB", "uk", "gb", "united kingdom", "great britain", "england", "scotland", "wales");
		country("CA", "canada");
		country("DE", "de", "germany", "deutschland");
		country("FR", "fr", "france");
		country("IE", "ie", "ireland");
		country("NL", "nl", "netherlands", "the netherlands");
		country("ES", "es", "spain");
		country("IT", "it", "italy");
		country("PT", "pt", "portugal");
		country("PL", "pl", "poland");
		country("SE", "se", "sweden");
		country("CH", "ch", "switzerland");
		country("AT", "at", "austria");
		country("BE", "be", "belgium");
		country("DK", "dk", "denmark");
		country("NO", "no", "norway");
		country("FI", "fi", "finland");
		country("IN", "in", "india");
		country("SG", "sg", "singapore");
		country("JP", "jp", "japan");
		country("AU", "au", "australia");
		country("NZ", "nz", "new zealand");
		country("BR", "br", "brazil");
		country("MX", "mx", "mexico");
		country("IL", "il", "israel");
		country("AE", "ae", "uae", "united arab emirates");
	}

	private Locations() {
	}

	private static void country(String code, String... names) {
		for (String name : names) {
			COUNTRIES.put(name, code);
		}
	}

	/** The ISO code of a country name or code, when it is one this list knows. */
	public static Optional<String> countryCode(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String key = text.strip().toLowerCase(Locale.ROOT);
		if (COUNTRIES.containsKey(key)) {
			return Optional.of(COUNTRIES.get(key));
		}
		return (key.length() == 2 && !US_STATES.contains(key.toUpperCase(Locale.ROOT))) ? Optional.of(key.toUpperCase(Locale.ROOT))
				: Optional.empty();
	}

	/** A structured location with its country normalised to an ISO code where possible. */
	public static Location normalise(Location location) {
		String country = (location.country() == null) ? null
				: countryCode(location.country()).orElse(location.country());
		if (country == null && location.region() != null && US_STATES.contains(location.region().toUpperCase(Locale.ROOT))) {
			country = "US";
		}
		return Location.of(location.city(), location.region(), country);
	}

	public static Location parse(String text) {
		String cleaned = text.replaceAll("(?i)\\b(remote|hybrid|on-?site)\\b\\s*[-–:]?\\s*", "")
			.replaceAll("[()]", " ")
			.replaceAll("\\s+", " ")
			.strip()
			.replaceAll("^,|,$", "")
			.strip();
		List<String> parts = List.of(cleaned.split("\\s*,\\s*"));
		if (cleaned.isEmpty()) {
			return Location.of(null, null, null);
		}
		if (parts.size() == 1) {
			String only = parts.get(0);
			Optional<String> country = COUNTRIES.containsKey(only.toLowerCase(Locale.ROOT))
					? Optional.of(COUNTRIES.get(only.toLowerCase(Locale.ROOT))) : Optional.empty();
			if (country.isPresent()) {
				return Location.of(null, null, country.get());
			}
			return US_STATES.contains(only) ? Location.of(null, only, "US") : Location.of(only, null, null);
		}
		String city = parts.get(0);
		String last = parts.get(parts.size() - 1);
		String upper = last.toUpperCase(Locale.ROOT);
		if (parts.size() == 2) {
			if (US_STATES.contains(upper) && last.length() == 2) {
				return Location.of(city, upper, "US");
			}
			if (CANADIAN_PROVINCES.contains(upper) && last.length() == 2) {
				return Location.of(city, upper, "CA");
			}
			Optional<String> country = countryCode(last);
			return country.map((code) -> Location.of(city, null, code)).orElseGet(() -> Location.of(city, last, null));
		}
		String region = parts.get(1);
		return Location.of(city, region, countryCode(last).orElse(last));
	}

}
