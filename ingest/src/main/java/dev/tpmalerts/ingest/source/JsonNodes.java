package dev.tpmalerts.ingest.source;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Small readers for the loosely typed JSON that job sources publish. */
public final class JsonNodes {

	private JsonNodes() {
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
