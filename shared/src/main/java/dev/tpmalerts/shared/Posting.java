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

	/** This posting under another id: a copy of a job that was published first under that id. */
	public Posting withId(String newId) {
		return new Posting(newId, this.title, this.seniority, this.company, this.locations, this.workplace,
				this.workplaceEvidence, this.salary, this.employmentType, this.datePosted, this.validThrough,
				this.canonicalUrl, this.descriptionHtml, this.descriptionText, this.sources, this.fetchedAt);
	}

	/** This posting listed by other sources. */
	public Posting withSources(List<SourceRef> newSources) {
		return new Posting(this.id, this.title, this.seniority, this.company, this.locations, this.workplace,
				this.workplaceEvidence, this.salary, this.employmentType, this.datePosted, this.validThrough,
				this.canonicalUrl, this.descriptionHtml, this.descriptionText, newSources, this.fetchedAt);
	}

	/**
	 * This posting without its HTML description, when it has the text one: what an event that only needs the text
	 * carries, at about half the bytes.
	 */
	public Posting withoutDescriptionHtml() {
		if (this.descriptionHtml == null || this.descriptionText == null || this.descriptionText.isBlank()) {
			return this;
		}
		return new Posting(this.id, this.title, this.seniority, this.company, this.locations, this.workplace,
				this.workplaceEvidence, this.salary, this.employmentType, this.datePosted, this.validThrough,
				this.canonicalUrl, null, this.descriptionText, this.sources, this.fetchedAt);
	}

	/** The first location, for one-line displays. */
	public String primaryLocation() {
		return this.locations.isEmpty() ? "" : this.locations.get(0).display();
	}

}
