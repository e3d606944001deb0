package dev.tpmalerts.notifier.delivery;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;

import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The notifier's dead-letter topic and error handler: a record is retried with back-off (SMTP or the database
 * may be briefly away) and kept on the dead-letter topic with its reason after about two minutes.
 */
@Configuration(proxyBeanMethods = false)
class NotifierKafkaConfiguration {

	@Bean
	NewTopic postingsMatchedDeadLetterTopic(@Value("${tpm.kafka.replicas:1}") short replicas) {
		return Topics.deadLetters(Topics.POSTINGS_MATCHED_DLT, replicas);
	}

	@Bean
	DefaultErrorHandler notifierErrorHandler(KafkaTemplate<Object, Object> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.POSTINGS_MATCHED_DLT, 0));
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(30_000);
		backOff.setMaxElapsedTime(120_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(IllegalArgumentException.class);
		return handler;
	}

}
