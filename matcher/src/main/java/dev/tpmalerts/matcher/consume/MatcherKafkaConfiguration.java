package dev.tpmalerts.matcher.consume;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Topics the matcher writes, and the one error handler of its consumer: poison records go to the dead-letter
 * topic at once; anything else (Elasticsearch or Kafka unreachable) is retried with exponential back-off, without
 * end, so nothing is lost while a server is down.
 */
@Configuration(proxyBeanMethods = false)
class MatcherKafkaConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MatcherKafkaConfiguration.class);

	@Bean
	NewTopic postingsMatchedTopic(@Value("${tpm.kafka.partitions:3}") int partitions,
			@Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.events(Topics.POSTINGS_MATCHED, partitions, replicas);
	}

	@Bean
	NewTopic postingsDeadLetterTopic(@Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.deadLetters(Topics.POSTINGS_DLT, replicas);
	}

	@Bean
	DefaultErrorHandler matcherErrorHandler(KafkaTemplate<Object, Object> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.POSTINGS_DLT, 0));
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(30_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonRecordException.class);
		handler.setRetryListeners((record, ex, attempt) -> logger
			.warn("Matching failed (attempt {}), will retry after back-off: {}", attempt, ex.getMessage()));
		return handler;
	}

}
