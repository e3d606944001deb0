package dev.tpmalerts.ingest.fetch;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link FetchProperties} as the application binds them: the defaults, with a test's own values on top. */
final class TestFetchProperties {

	private TestFetchProperties() {
	}

	/** e.g. {@code with(Map.of("default-min-interval", "0ms"))} */
	static FetchProperties with(Map<String, String> values) {
		MapConfigurationPropertySource source = new MapConfigurationPropertySource();
		values.forEach((key, value) -> source.put("tpm.ingest.fetch." + key, value));
		return new Binder(source).bindOrCreate("tpm.ingest.fetch", FetchProperties.class);
	}

}
