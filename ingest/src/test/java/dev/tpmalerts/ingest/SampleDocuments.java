package dev.tpmalerts.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceParser;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.ashby.AshbyParser;
import dev.tpmalerts.ingest.source.feed.FeedParser;
import dev.tpmalerts.ingest.source.greenhouse.GreenhouseParser;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.ingest.source.lever.LeverParser;
import dev.tpmalerts.shared.Json;

/**
 * The bundled samples as test fixtures: every posting of {@code samples/expected.json} with the saved document it
 * comes from and the URL it is served at, and the raw postings the parsers read from each document.
 */
public final class SampleDocuments {

	private static final Map<SourceType, SourceParser> PARSERS = Map.of(SourceType.JSON_LD_PAGE,
			new JsonLdPageParser(), SourceType.GREENHOUSE, new GreenhouseParser(), SourceType.LEVER,
			new LeverParser(), SourceType.ASHBY, new AshbyParser(), SourceType.FEED, new FeedParser());

	private SampleDocuments() {
	}

	/** One posting of the samples, with the saved document it comes from and the URL it was served at. */
	public record Expected(String source, String type, String url, String document, String title, String company,
			String workplace, String duplicateOf) {

		@Override
		public String toString() {
			return this.source + "#" + this.title;
		}

	}

	public static List<Expected> expected() {
		JsonNode rows = Json.mapper().readTree(TestDocuments.bytes("documents/samples-expected.json"));
		List<Expected> expected = new ArrayList<>();
		for (JsonNode row : rows) {
			JsonNode duplicateOf = row.get("duplicateOf");
			expected.add(new Expected(row.get("source").asString(), row.get("type").asString(),
					row.get("url").asString(), row.get("document").asString(), row.get("title").asString(),
					row.get("company").asString(), row.get("workplace").asString(),
					(duplicateOf == null || duplicateOf.isNull()) ? null : duplicateOf.asString()));
		}
		return expected;
	}

	/** The raw postings of the document a row comes from (all postings of that source). */
	public static List<RawPosting> raw(Expected row) {
		SourceType type = SourceType.fromConfigName(row.type());
		return PARSERS.get(type)
			.parse(TestDocuments.source(row.source(), type, row.url()),
					TestDocuments.fetched(row.document(), row.url(), contentType(row.document())));
	}

	private static String contentType(String document) {
		if (document.endsWith(".html")) {
			return "text/html";
		}
		return document.endsWith(".xml") ? "application/xml" : "application/json";
	}

}
