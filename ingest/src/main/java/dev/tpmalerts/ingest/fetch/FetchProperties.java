package dev.tpmalerts.ingest.fetch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How ingest fetches: it names itself and a contact URL in the User-Agent, gives up on slow or huge responses,
 * and retries 429 and 5xx answers with back-off, honouring Retry-After up to {@code maxRetryAfter}.
 */
@ConfigurationProperties("tpm.ingest.fetch")
public record FetchProperties(
		@DefaultValue("tpm-alerts/0.1 (+https://github.com/tpm-alerts/tpm-alerts; job-alert aggregator)") String userAgent,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration readTimeout,
		@DefaultValue("5MB") DataSize maxResponseSize, @DefaultValue("3") int maxAttempts,
		@DefaultValue("500ms") Duration initialBackOff, @DefaultValue("30s") Duration maxRetryAfter) {

}
