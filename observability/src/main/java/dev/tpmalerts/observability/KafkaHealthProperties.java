package dev.tpmalerts.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Kafka health check ({@code tpm.health.kafka.*}).
 *
 * @param timeout how long a check waits for the cluster before it reports DOWN; 3 s by default, so that a health
 * probe answers before an orchestrator's own timeout
 */
@ConfigurationProperties("tpm.health.kafka")
public record KafkaHealthProperties(@DefaultValue("3s") Duration timeout) {

	public KafkaHealthProperties {
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("tpm.health.kafka.timeout must be positive, was " + timeout);
		}
	}

}
