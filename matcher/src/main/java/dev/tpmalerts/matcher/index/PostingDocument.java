package dev.tpmalerts.matcher.index;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Tag;

/**
 * A posting as indexed: flat facet fields for filters and aggregations, the evidence for display, and the posting
 * itself (stored, not indexed) so that a reindex can rescore it under a newer taxonomy without the event stream.
 */
public record PostingDocument(String id, String title, String company, List<String> locations,
		List<String> countries, String workplace, String role, String seniority, String degreeLevel, int score,
		Map<String, Integer> facetScores, List<String> certifications, List<String> degrees,
		List<String> methodologies, List<String> technical, List<String> industries, String primaryIndustry,
		List<String> skills, Double salaryMin, Double salaryMax, String salaryCurrency, String salaryPeriod,
		Double salaryAnnualMin, Double salaryAnnualMax, String employmentType, LocalDate datePosted,
		LocalDate validThrough, String url, List<String> sources, String description, List<Tag> evidence,
		String taxonomyVersion, Instant indexedAt, Posting posting) {

	public static PostingDocument of(Posting posting, Classification classification, String taxonomyVersion,
			Instant indexedAt) {
		Salary salary = posting.salary();
		List<String> industries = classification.ids("industries");
		return new PostingDocument(posting.id(), posting.title(), posting.company(),
				posting.locations().stream().map(Location::display).toList(),
				posting.locations().stream().map(Location::country).filter(Objects::nonNull).distinct().toList(),
				posting.workplace().name().toLowerCase(), classification.role(), classification.seniority(),
				classification.degreeLevel(), classification.score(), classification.facetScores(),
				classification.ids("certifications"), classification.ids("degrees"),
				classification.ids("methodologies"), classification.ids("technical"), industries,
				industries.isEmpty() ? null : industries.get(0), classification.ids("skills"),
				(salary != null) ? salary.min() : null, (salary != null) ? salary.max() : null,
				(salary != null) ? salary.currency() : null,
				(salary != null && salary.period() != null) ? salary.period().name().toLowerCase() : null,
				(salary != null) ? salary.annualMin() : null, (salary != null) ? salary.annualMax() : null,
				posting.employmentType(), posting.datePosted(), posting.validThrough(), posting.canonicalUrl(),
				posting.sources().stream().map(SourceRef::source).distinct().toList(), posting.descriptionText(),
				classification.tags(), taxonomyVersion, indexedAt, posting);
	}

}
