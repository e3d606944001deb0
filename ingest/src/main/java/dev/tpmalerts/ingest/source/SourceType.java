package dev.tpmalerts.ingest.source;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of source ingest can read, by the name used in configuration. */
public enum SourceType {

	JSON_LD_PAGE("json-ld-page"), GREENHOUSE("greenhouse"), LEVER("lever"), ASHBY("ashby"), FEED("feed");

	private final String configName;

	SourceType(String configName) {
		this.configName = configName;
	}

	@JsonValue
	public String configName() {
		return this.configName;
	}

	/** ATS boards give every job a stable id, which then is the job's identity. */
	public boolean isAts() {
		return this == GREENHOUSE || this == LEVER || this == ASHBY;
	}

	/** Accepts "greenhouse", "GREENHOUSE" and "json_ld_page" alike. */
	public static SourceType fromConfigName(String name) {
		String wanted = name.strip().toLowerCase().replace('_', '-');
		return Arrays.stream(values())
			.filter((type) -> type.configName.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown source type '" + name + "'; expected one of "
					+ Arrays.stream(values()).map(SourceType::configName).collect(Collectors.joining(", "))));
	}

}
