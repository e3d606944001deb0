package dev.tpmalerts.ingest.fetch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How ingest fetches: it names itself and a contact URL in the User-Agent, obeys robots.txt, leaves at least
 * {@code defaultMinInterval} (or the source's own interval, or the robots.txt Crawl-delay, whichever is longest)
 * between two requests to a host, gives up on slow or huge responses, and retries 429 and 5xx answers with
 * back-off, honouring Retry-After up to {@code maxRetryAfter}.
 *
 * @param userAgent the User-Agent header; its first word (before the {@code /}) is the name looked up in robots.txt
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout time allowed for the whole answer, headers and body
 * @param maxResponseSize a larger answer is refused; one that declares a larger Content-Length is not read at all
 * @param maxAttempts attempts of one request answered 429 or 5xx
 * @param initialBackOff the wait before the first retry when the answer has no Retry-After; doubled each time
 * @param maxRetryAfter a source that asks to wait longer than this before a retry is given up on
 * @param defaultMinInterval the least time between two requests to one host when the caller names none
 * @param respectRobots whether robots.txt is read and obeyed
 * @param robotsCacheTtl how long a host's robots.txt is kept before it is read again
 * @param robotsErrorTtl how long a robots.txt that could not be read (5xx, 429, network error) keeps its host
 * disallowed, or its previous rules in force, before it is asked for again
 * @param maxCrawlDelay a host whose robots.txt asks for a longer Crawl-delay is not fetched
 */
@ConfigurationProperties("tpm.ingest.fetch")
public record FetchProperties(
		@DefaultValue("tpm-alerts/0.1 (+https://github.com/tpm-alerts/tpm-alerts; job-alert aggregator)") String userAgent,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
		@DefaultValue("5MB") DataSize maxResponseSize, @DefaultValue("3") int maxAttempts,
		@DefaultValue("500ms") Duration initialBackOff, @DefaultValue("30s") Duration maxRetryAfter,
		@DefaultValue("1s") Duration defaultMinInterval, @DefaultValue("true") boolean respectRobots,
		@DefaultValue("1h") Duration robotsCacheTtl, @DefaultValue("10m") Duration robotsErrorTtl,
		@DefaultValue("1m") Duration maxCrawlDelay) {

}
