package dev.tpmalerts.ingest.source.microdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jsoup.nodes.Document;

import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.microdata.MicrodataItem.Property;
import dev.tpmalerts.shared.Location;

/**
 * Reads schema.org {@code JobPosting}s written as HTML microdata ({@code itemscope itemtype=".../JobPosting"}),
 * with the same fields and fallbacks as the JSON-LD reader so both give the normaliser the same evidence.
 */
public final class MicrodataExtractor {

	private MicrodataExtractor() {
	}

	/**
	 * The JobPostings in the microdata of a parsed page (parsed with its URL as base, so relative links resolve);
	 * empty when it has none.
	 * @param type the source type the postings are attributed to (the page's or the listing's)
	 */
	public static List<RawPosting> extract(SourceDefinition source, SourceType type, Document page) {
		return MicrodataItem.itemsOfType(page, "JobPosting")
			.stream()
			.map((job) -> toRaw(source, type, page.location(), job))
			.toList();
	}

	private static RawPosting toRaw(SourceDefinition source, SourceType type, String pageUrl, MicrodataItem job) {
		String url = job.first("url").flatMap(Property::url).orElse(pageUrl);
		String externalId = job.item("identifier")
			.flatMap((identifier) -> identifier.text("value").or(() -> identifier.text("name")))
			.or(() -> job.text("identifier"))
			.orElse(null);
		String employmentType = job.values("employmentType")
			.stream()
			.map(Property::text)
			.flatMap(Optional::stream)
			.reduce((a, b) -> a + "," + b)
			.orElse(null);
		String locationText = job.values("applicantLocationRequirements")
			.stream()
			.map(Property::text)
			.flatMap(Optional::stream)
			.reduce((a, b) -> a + ", " + b)
			.orElse(null);
		return new RawPosting(source.name(), type, url, externalId, job.text("title").orElse(null),
				job.text("hiringOrganization").orElse(null), locations(job), locationText,
				job.text("jobLocationType").orElse(null), salary(job).orElse(null), employmentType,
				job.text("datePosted").orElse(null), job.text("validThrough").orElse(null),
				job.first("description").flatMap(Property::html).orElse(null));
	}

	/** Place → address → PostalAddress, a Place or PostalAddress with the address parts itself, or text. */
	private static List<Location> locations(MicrodataItem job) {
		List<Location> locations = new ArrayList<>();
		for (Property place : job.values("jobLocation")) {
			if (place.item().isEmpty()) {
				// Text such as "Cork, Ireland": the normaliser splits it, as for a JSON-LD text address.
				place.text().ifPresent((text) -> locations.add(Location.of(text, null, null)));
				continue;
			}
			MicrodataItem item = place.item().get();
			Optional<Property> address = item.first("address");
			if (address.isPresent() && address.get().item().isEmpty()) {
				address.get().text().ifPresent((text) -> locations.add(Location.of(text, null, null)));
				continue;
			}
			MicrodataItem parts = address.flatMap(Property::item).orElse(item);
			Location location = Location.of(parts.text("addressLocality").orElse(null),
					parts.text("addressRegion").orElse(null), parts.text("addressCountry").orElse(null));
			if (!location.display().isEmpty()) {
				locations.add(location);
			}
			else {
				item.text("name").ifPresent((name) -> locations.add(Location.of(name, null, null)));
			}
		}
		return locations;
	}

	/** MonetaryAmount with a QuantitativeValue (min, max or a single value, unit) or a plain amount. */
	private static Optional<RawSalary> salary(MicrodataItem job) {
		Optional<MicrodataItem> baseSalary = job.item("baseSalary");
		if (baseSalary.isEmpty()) {
			return Optional.empty();
		}
		String currency = baseSalary.get().text("currency").orElse(null);
		Optional<Property> value = baseSalary.get().first("value");
		if (value.isEmpty()) {
			return Optional.empty();
		}
		// unitText may sit on the MonetaryAmount rather than on its value.
		String amountUnit = baseSalary.get().text("unitText").orElse(null);
		if (value.get().item().isEmpty()) {
			return value.get().number().map((amount) -> new RawSalary(amount, amount, currency, amountUnit));
		}
		MicrodataItem quantity = value.get().item().get();
		Double min = number(quantity, "minValue");
		Double max = number(quantity, "maxValue");
		Double single = number(quantity, "value");
		if (min == null && max == null && single == null) {
			return Optional.empty();
		}
		String unit = quantity.text("unitText").orElse(amountUnit);
		return Optional.of(new RawSalary((min != null) ? min : single, (max != null) ? max : single, currency, unit));
	}

	private static Double number(MicrodataItem item, String name) {
		return item.first(name).flatMap(Property::number).orElse(null);
	}

}
