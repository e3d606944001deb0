package dev.tpmalerts.ingest.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.deadletter.DeadLetter.Arrived;
import dev.tpmalerts.shared.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what arrives on {@link Topics#POSTINGS_DLT} in the {@code dead_letter} table, once per record: a
 * redelivery finds its topic, partition and offset already stored. The values are read as bytes, so a record
 * nobody could read is kept as well. While the database is away the listener backs off and tries again, without
 * end ({@link DeadLetterKafkaConfiguration}): a dead letter is never skipped.
 */
@Component
class DeadLetterListener {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterListener.class);

	private final DeadLetterStore store;

	DeadLetterListener(DeadLetterStore store) {
		this.store = store;
	}

	@KafkaListener(id = "ingest-dead-letters", topics = Topics.POSTINGS_DLT, containerFactory = "deadLetterListenerFactory",
			autoStartup = "${tpm.ingest.dead-letters.store:true}")
	void onDeadLetter(ConsumerRecord<String, byte[]> record) {
		Arrived arrived = DeadLetterRecords.read(record);
		if (this.store.keep(arrived)) {
			logger.info("Kept a dead letter from {} (source {}): {}", arrived.stage(), arrived.source(), arrived.reason());
		}
	}

}
