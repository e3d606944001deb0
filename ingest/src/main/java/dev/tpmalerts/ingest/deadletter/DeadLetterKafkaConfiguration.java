package dev.tpmalerts.ingest.deadletter;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The consumer of the dead letters: its own group, keys as text and values as bytes (whatever they hold), from the
 * oldest record a new group finds, and a back-off without end while a record cannot be stored.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterKafkaConfiguration {

	@Bean
	ConcurrentKafkaListenerContainerFactory<String, byte[]> deadLetterListenerFactory(KafkaProperties kafka,
			@Value("${tpm.ingest.dead-letters.group-id:ingest-dead-letters}") String groupId) {
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		// A node of a new group starts with the oldest dead letter the topic still holds, not with the next one.
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ByteArrayDeserializer()));
		ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
		backOff.setMaxInterval(60_000);
		backOff.setMaxAttempts(Long.MAX_VALUE);
		backOff.setMaxElapsedTime(Long.MAX_VALUE);
		factory.setCommonErrorHandler(new DefaultErrorHandler(backOff));
		return factory;
	}

}
