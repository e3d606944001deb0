package dev.tpmalerts.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A job posting after normalisation: one real-world job, however many sources list it. The id is a stable hash
 * of the job's identity (ATS id or canonical URL), so every later write of the same job is an update.
 */
public record Posting(String id, String title, String seniority, String company, List<Location> locations,
		Workplace workplace, String workplaceEvidence, Salary salary, String employmentType, LocalDate datePosted,
		LocalDate validThrough, String canonicalUrl, String descriptionHtml, String descriptionText,
		List<SourceRef> sources, Instant fetchedAt) {

	public Posting {
		locations = (locations != null) ? List.copyOf(locations) : List.of();
		sources = (sources != null) ? List.copyOf(sources) : List.of();
		workplace = (workplace != null) ? workplace : Workplace.UNKNOWN;
	}

	/** The first location, for one-line displays. */
	public String primaryLocation() {
		return this.locations.isEmpty() ? "" : this.locations.get(0).display();
	}

}
