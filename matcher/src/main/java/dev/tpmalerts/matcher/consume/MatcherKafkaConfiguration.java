package dev.tpmalerts.matcher.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.observability.PostingCounters;
import dev.tpmalerts.shared.Topics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
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
	DefaultErrorHandler matcherErrorHandler(KafkaTemplate<Object, Object> template, RetryProperties retry,
			MeterRegistry meters) {
		Counter unreadable = PostingCounters.rejected(meters, "matcher", "unreadable-event");
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.POSTINGS_DLT, 0));
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		// Stated rather than left to the defaults: a batch that failed as a whole (Elasticsearch down) is retried
		// until it succeeds, never handed to the recoverer, which would send good postings to the dead letters.
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		backOff.setMaxAttempts(Long.MAX_VALUE);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonRecordException.class);
		handler.setRetryListeners(new RetryListener() {

			@Override
			public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
				unreadable.increment(); // only poison records reach the recoverer: the rest is retried without end
			}

			@Override
			public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int attempt) {
				logger.warn("Matching failed (attempt {}), will retry after back-off: {}", attempt, rootMessage(ex));
			}

			@Override
			public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int attempt) {
				logger.warn("Matching a batch of {} posting event(s) failed (attempt {}); nothing of it is committed,"
						+ " retrying after back-off: {}", records.count(), attempt, rootMessage(ex));
			}

		});
		return handler;
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause == ex) ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + cause + ")";
	}

}
