package dev.tpmalerts.ingest.publish;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics ingest writes, declared with their partitions and retention. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic postingsTopic(@Value("${tpm.kafka.partitions:3}") int partitions,
			@Value("${tpm.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(Topics.POSTINGS)
			.partitions(partitions)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(14).toMillis()))
			.build();
	}

	@Bean
	NewTopic postingsDeadLetterTopic(@Value("${tpm.kafka.replicas:1}") short replicas) {
		return TopicBuilder.name(Topics.POSTINGS_DLT)
			.partitions(1)
			.replicas(replicas)
			.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(30).toMillis()))
			.build();
	}

}
