package dev.tpmalerts.ingest.source;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.shared.Json;

/** Small readers for the loosely typed JSON that job sources publish. */
public final class JsonNodes {

	private JsonNodes() {
	}

	/**
	 * A source's JSON answer.
	 * @param what what the document should be, for the error ("Greenhouse board")
	 * @throws SourceFormatException when it is not JSON, naming the URL
	 */
	public static JsonNode read(FetchedDocument document, String what) {
		try {
			return Json.mapper().readTree(document.text());
		}
		catch (JacksonException ex) {
			throw new SourceFormatException(what + " " + document.url() + " is not valid JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/** The array under {@code field} of a board's answer, or a {@link SourceFormatException} naming the URL. */
	public static JsonNode array(JsonNode root, String field, FetchedDocument document, String what) {
		JsonNode array = root.get(field);
		if (array == null || !array.isArray()) {
			throw new SourceFormatException(what + " " + document.url() + " has no \"" + field + "\" array");
		}
		return array;
	}

	/** The board or site name at the end of an ATS API path ("/v0/postings/contoso" → "contoso"). */
	public static String lastPathSegment(FetchedDocument document) {
		String[] segments = document.url().getPath().split("/");
		return segments[segments.length - 1].replaceAll("\\.json$", "");
	}

	/** A company name from a board slug, for APIs that do not name the company: "hollow-pine" → "Hollow pine". */
	public static String companyFromSlug(String slug) {
		String spaced = slug.replace('-', ' ');
		return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
	}

	/** The text of a field that may be a string, a number or an object with "name" (schema.org style). */
	public static String text(JsonNode node, String field) {
		JsonNode value = (node == null) ? null : node.get(field);
		return text(value);
	}

	public static String text(JsonNode value) {
		if (value == null || value.isNull() || value.isMissingNode()) {
			return null;
		}
		if (value.isArray()) {
			return value.isEmpty() ? null : text(value.get(0));
		}
		if (value.isObject()) {
			return text(value.has("name") ? value.get("name") : value.get("@value"));
		}
		String text = value.asString();
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	public static Double number(JsonNode node, String field) {
		JsonNode value = (node == null) ? null : node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		try {
			return Double.valueOf(value.asString().replace(",", "").strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** The field as a list: one object becomes a list of one, a missing field an empty list. */
	public static List<JsonNode> list(JsonNode node, String field) {
		JsonNode value = (node == null) ? null : node.get(field);
		List<JsonNode> result = new ArrayList<>();
		if (value == null || value.isNull() || value.isMissingNode()) {
			return result;
		}
		if (value.isArray()) {
			value.forEach(result::add);
		}
		else {
			result.add(value);
		}
		return result;
	}

}
