package dev.tpmalerts.matcher.consume;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The back-off of the matcher's consumer while Elasticsearch or Kafka cannot be reached: it starts at
 * {@code initialInterval}, doubles, and stays at {@code maxInterval}; it never gives up, so nothing is lost.
 */
@ConfigurationProperties("tpm.matcher.retry")
record RetryProperties(@DefaultValue("1s") Duration initialInterval, @DefaultValue("30s") Duration maxInterval) {

}
