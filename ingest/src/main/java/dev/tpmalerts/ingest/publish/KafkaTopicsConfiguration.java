package dev.tpmalerts.ingest.publish;

import org.apache.kafka.clients.admin.NewTopic;

import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics ingest writes, declared with their partitions and retention. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	NewTopic postingsTopic(@Value("${tpm.kafka.partitions:3}") int partitions,
			@Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.events(Topics.POSTINGS, partitions, replicas);
	}

	@Bean
	NewTopic postingsDeadLetterTopic(@Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.deadLetters(Topics.POSTINGS_DLT, replicas);
	}

}
