package dev.tpmalerts.ingest.source;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of source ingest can read, by the name used in configuration. */
public enum SourceType {

	/** One career page with a schema.org JobPosting in JSON-LD, else in microdata; also named "career-page". */
	JSON_LD_PAGE("json-ld-page", "career-page"),

	GREENHOUSE("greenhouse"), LEVER("lever"), ASHBY("ashby"), FEED("feed"),

	/** A listing page, followed through its pages, whose linked posting pages are read as career pages. */
	CAREER_LISTING("career-listing"),

	/** Any HTML page, read through the CSS selectors of the source's options. */
	HTML("html");

	private final String configName;

	private final List<String> aliases;

	SourceType(String configName, String... aliases) {
		this.configName = configName;
		this.aliases = List.of(aliases);
	}

	@JsonValue
	public String configName() {
		return this.configName;
	}

	/** ATS boards give every job a stable id, which then is the job's identity. */
	public boolean isAts() {
		return this == GREENHOUSE || this == LEVER || this == ASHBY;
	}

	/** Accepts "greenhouse", "GREENHOUSE" and "json_ld_page" alike, and an alias such as "career-page". */
	public static SourceType fromConfigName(String name) {
		String wanted = name.strip().toLowerCase().replace('_', '-');
		return Arrays.stream(values())
			.filter((type) -> type.configName.equals(wanted) || type.aliases.contains(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown source type '" + name + "'; expected one of "
					+ Arrays.stream(values()).map(SourceType::configName).collect(Collectors.joining(", "))));
	}

}
