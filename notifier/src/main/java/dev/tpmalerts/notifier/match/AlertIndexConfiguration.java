package dev.tpmalerts.notifier.match;

import org.apache.kafka.clients.admin.NewTopic;

import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The alert index as the notifier's {@link dev.tpmalerts.notifier.alert.AlertMatcher}, and its topic. */
@Configuration(proxyBeanMethods = false)
class AlertIndexConfiguration {

	@Bean
	@Primary
	AlertIndex alertIndex() {
		return new AlertIndex();
	}

	@Bean
	NewTopic alertDefinitionsTopic(AlertIndexProperties properties, @Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.compacted(properties.topic(), properties.partitions(), replicas);
	}

}
