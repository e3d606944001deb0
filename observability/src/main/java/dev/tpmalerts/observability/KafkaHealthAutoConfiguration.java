package dev.tpmalerts.observability;

import org.apache.kafka.clients.admin.Admin;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Adds Kafka to the health of every stage that talks to Kafka (Spring Boot has no Kafka health indicator), under
 * the name {@code kafka}; {@code management.health.kafka.enabled=false} turns it off.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({ Admin.class, KafkaAdmin.class, HealthIndicator.class })
@ConditionalOnBean(KafkaAdmin.class)
@ConditionalOnEnabledHealthIndicator("kafka")
@EnableConfigurationProperties(KafkaHealthProperties.class)
public class KafkaHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin, KafkaHealthProperties properties) {
		return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), properties.timeout());
	}

}
