package dev.tpmalerts.ingest.source;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One configured source: where to fetch, how to read what comes back, when, and how politely.
 *
 * @param name unique, kebab-case; the job parameter that selects this source
 * @param type how to read the source's documents
 * @param url the document to fetch (a page, a board API, a feed, a listing's first page)
 * @param enabled a disabled source is never fetched
 * @param schedule a Spring cron expression ("0 0 * * * *"); none means the source runs only on demand
 * @param minInterval the least time between two requests to this source's host (its rate limit); none means
 * {@code tpm.ingest.fetch.default-min-interval}
 * @param company the employer's name, for sources whose documents do not name it (Lever, Ashby boards)
 * @param options settings of the source type, e.g. the CSS selectors of an {@code html} source or the link
 * selector and page limit of a listing
 */
public record SourceDefinition(String name, SourceType type, URI url, @DefaultValue("true") boolean enabled,
		String schedule, Duration minInterval, String company,
		@DefaultValue Map<String, String> options) {

	public SourceDefinition {
		options = (options != null) ? Map.copyOf(options) : Map.of();
	}

	/** A source with the defaults: enabled, no schedule, the default rate limit, no options. */
	public static SourceDefinition of(String name, SourceType type, URI url) {
		return new SourceDefinition(name, type, url, true, null, null, null, Map.of());
	}

	public Optional<String> option(String key) {
		return Optional.ofNullable(this.options.get(key)).filter((value) -> !value.isBlank());
	}

}
