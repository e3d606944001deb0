package dev.tpmalerts.ingest.source.ashby;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.JsonNodes;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.shared.Location;

import org.springframework.stereotype.Component;

/**
 * Ashby's public Job Postings API: {@code GET /posting-api/job-board/{board}?includeCompensation=true}. Unlisted
 * jobs are left out.
 */
@Component
public class AshbyParser implements SourceParser {

	@Override
	public SourceType type() {
		return SourceType.ASHBY;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		JsonNode jobs = JsonNodes.array(JsonNodes.read(document, "Ashby board"), "jobs", document, "Ashby board");
		String board = JsonNodes.lastPathSegment(document);
		List<RawPosting> postings = new ArrayList<>();
		for (JsonNode job : jobs) {
			if (job.has("isListed") && !job.get("isListed").asBoolean()) {
				continue;
			}
			List<Location> locations = new ArrayList<>();
			address(job).ifPresent(locations::add);
			for (JsonNode secondary : JsonNodes.list(job, "secondaryLocations")) {
				address(secondary).or(() -> Optional.ofNullable(JsonNodes.text(secondary, "location"))
					.map((text) -> Location.of(text, null, null))).ifPresent(locations::add);
			}
			String workplace = JsonNodes.text(job, "workplaceType");
			if (workplace == null && job.has("isRemote") && job.get("isRemote").asBoolean()) {
				workplace = "Remote";
			}
			postings.add(new RawPosting(source.name(), SourceType.ASHBY, JsonNodes.text(job, "jobUrl"),
					"ashby:" + board + ":" + JsonNodes.text(job, "id"), JsonNodes.text(job, "title"),
					(source.company() != null) ? source.company() : JsonNodes.companyFromSlug(board), locations, JsonNodes.text(job, "location"), workplace,
					salary(job.get("compensation")), JsonNodes.text(job, "employmentType"),
					JsonNodes.text(job, "publishedAt"), null, JsonNodes.text(job, "descriptionHtml")));
		}
		return postings;
	}

	private static Optional<Location> address(JsonNode node) {
		JsonNode postal = (node.get("address") != null) ? node.get("address").get("postalAddress") : null;
		if (postal == null) {
			return Optional.empty();
		}
		return Optional.of(Location.of(JsonNodes.text(postal, "addressLocality"),
				JsonNodes.text(postal, "addressRegion"), JsonNodes.text(postal, "addressCountry")));
	}

	private static RawSalary salary(JsonNode compensation) {
		for (JsonNode component : JsonNodes.list(compensation, "summaryComponents")) {
			if ("Salary".equalsIgnoreCase(JsonNodes.text(component, "compensationType"))) {
				return new RawSalary(JsonNodes.number(component, "minValue"), JsonNodes.number(component, "maxValue"),
						JsonNodes.text(component, "currencyCode"), JsonNodes.text(component, "interval"));
			}
		}
		return null;
	}



}
