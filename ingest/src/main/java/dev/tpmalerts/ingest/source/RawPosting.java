package dev.tpmalerts.ingest.source;

import java.util.List;

import dev.tpmalerts.shared.Location;

/**
 * A posting as a source states it, before normalisation. Strings are kept as found (dates unparsed, HTML
 * unsanitised) so the normaliser can make every decision in one place, with the evidence.
 *
 * @param externalId the ATS or feed id when the source has one, else null
 * @param workplaceHint a structured workplace statement (JSON-LD jobLocationType, ATS workplaceType), else null
 * @param salary structured pay when the source gives it, else null
 */
public record RawPosting(String source, SourceType sourceType, String url, String externalId, String title,
		String company, List<Location> locations, String locationText, String workplaceHint, RawSalary salary,
		String employmentType, String datePosted, String validThrough, String descriptionHtml) {

	public RawPosting {
		locations = (locations != null) ? List.copyOf(locations) : List.of();
	}

	/** Structured pay as given: amounts, currency code, and a unit such as "YEAR", "per-hour-wage", "1 YEAR". */
	public record RawSalary(Double min, Double max, String currency, String unit) {

	}

}
