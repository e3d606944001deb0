package dev.tpmalerts.shared;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapper configuration every stage uses for what crosses the wire. */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private Json() {
	}

	public static JsonMapper mapper() {
		return MAPPER;
	}

}
