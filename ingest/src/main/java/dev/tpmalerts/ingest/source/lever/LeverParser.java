package dev.tpmalerts.ingest.source.lever;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.JsonNodes;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.RawPosting.RawSalary;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceFormatException;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;

import org.springframework.stereotype.Component;

/** Lever's public Postings API: {@code GET /v0/postings/{site}?mode=json}, a JSON array of postings. */
@Component
public class LeverParser implements SourceParser {

	@Override
	public SourceType type() {
		return SourceType.LEVER;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		JsonNode root = JsonNodes.read(document, "Lever site");
		if (!root.isArray()) {
			throw new SourceFormatException("Lever site " + document.url() + " did not answer a JSON array");
		}
		String site = JsonNodes.lastPathSegment(document);
		List<RawPosting> postings = new ArrayList<>();
		for (JsonNode job : root) {
			JsonNode categories = job.get("categories");
			Double createdAt = JsonNodes.number(job, "createdAt");
			postings.add(new RawPosting(source.name(), SourceType.LEVER, JsonNodes.text(job, "hostedUrl"),
					"lever:" + site + ":" + JsonNodes.text(job, "id"), JsonNodes.text(job, "text"),
					(source.company() != null) ? source.company() : JsonNodes.companyFromSlug(site), List.of(), JsonNodes.text(categories, "location"),
					JsonNodes.text(job, "workplaceType"), salary(job.get("salaryRange")),
					JsonNodes.text(categories, "commitment"),
					(createdAt != null) ? Instant.ofEpochMilli(createdAt.longValue()).toString() : null, null,
					descriptionHtml(job)));
		}
		return postings;
	}

	private static String descriptionHtml(JsonNode job) {
		StringBuilder html = new StringBuilder();
		String description = JsonNodes.text(job, "description");
		if (description != null) {
			html.append(description);
		}
		for (JsonNode list : JsonNodes.list(job, "lists")) {
			html.append("<h3>").append(JsonNodes.text(list, "text")).append("</h3><ul>");
			html.append(JsonNodes.text(list, "content")).append("</ul>");
		}
		String additional = JsonNodes.text(job, "additional");
		if (additional != null) {
			html.append(additional);
		}
		return html.isEmpty() ? null : html.toString();
	}

	private static RawSalary salary(JsonNode range) {
		if (range == null || !range.isObject()) {
			return null;
		}
		return new RawSalary(JsonNodes.number(range, "min"), JsonNodes.number(range, "max"),
				JsonNodes.text(range, "currency"), JsonNodes.text(range, "interval"));
	}



}
