package dev.tpmalerts.ingest.source.greenhouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.JsonNodes;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;

import org.springframework.stereotype.Component;

/** Greenhouse's public Job Board API: {@code GET /v1/boards/{token}/jobs?content=true}. */
@Component
public class GreenhouseParser implements SourceParser {

	@Override
	public SourceType type() {
		return SourceType.GREENHOUSE;
	}

	@Override
	public List<RawPosting> parse(SourceDefinition source, FetchedDocument document) {
		JsonNode jobs = JsonNodes.array(JsonNodes.read(document, "Greenhouse board"), "jobs", document,
				"Greenhouse board");
		String board = boardToken(document);
		List<RawPosting> postings = new ArrayList<>();
		for (JsonNode job : jobs) {
			String content = JsonNodes.text(job, "content");
			String workplace = metadata(job, "workplace type", "location type", "remote status", "work location");
			String employment = metadata(job, "employment type", "job type", "commitment");
			String company = JsonNodes.text(job, "company_name");
			postings.add(new RawPosting(source.name(), SourceType.GREENHOUSE, JsonNodes.text(job, "absolute_url"),
					"greenhouse:" + board + ":" + JsonNodes.text(job, "id"), JsonNodes.text(job, "title"),
					(company != null) ? company : board, List.of(), JsonNodes.text(job.get("location"), "name"), workplace,
					null, employment, (JsonNodes.text(job, "first_published") != null) ? JsonNodes.text(job, "first_published")
							: JsonNodes.text(job, "updated_at"),
					null, (content != null) ? Parser.unescapeEntities(content, false) : null));
		}
		return postings;
	}

	/** A custom field of the board ("metadata": [{"name": "Workplace Type", "value": "Hybrid"}]), by name. */
	private static String metadata(JsonNode job, String... names) {
		for (JsonNode field : JsonNodes.list(job, "metadata")) {
			String name = JsonNodes.text(field, "name");
			if (name != null && Arrays.asList(names).contains(name.toLowerCase(Locale.ROOT))) {
				JsonNode value = field.get("value");
				return (value != null && value.isArray()) ? JsonNodes.text(value) : JsonNodes.text(field, "value");
			}
		}
		return null;
	}

	private static String boardToken(FetchedDocument document) {
		String[] segments = document.url().getPath().split("/");
		for (int i = 0; i < segments.length - 1; i++) {
			if (segments[i].equals("boards")) {
				return segments[i + 1];
			}
		}
		return document.url().getHost();
	}

}
