package dev.tpmalerts.matcher.index;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the matcher's {@code BulkIngester} groups writes: a bulk request is sent when it holds
 * {@code maxOperations} operations or {@code maxBytes} bytes, or when a Kafka batch ends; at most
 * {@code maxConcurrentRequests} requests are in flight; a batch whose acknowledgement takes longer than
 * {@code ackTimeout} is retried.
 */
@ConfigurationProperties("tpm.matcher.bulk")
public record BulkProperties(@DefaultValue("1000") int maxOperations, @DefaultValue("5242880") long maxBytes,
		@DefaultValue("2") int maxConcurrentRequests, @DefaultValue("2m") Duration ackTimeout) {

	public static BulkProperties defaults() {
		return new BulkProperties(1000, 5 * 1024 * 1024, 2, Duration.ofMinutes(2));
	}

}
