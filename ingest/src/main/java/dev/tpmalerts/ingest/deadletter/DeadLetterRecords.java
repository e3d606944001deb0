package dev.tpmalerts.ingest.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;

import dev.tpmalerts.ingest.deadletter.DeadLetter.Arrived;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.RejectedRecord;

import org.springframework.kafka.support.KafkaHeaders;

/**
 * Reads the two shapes a dead-letter topic holds: a {@link RejectedRecord} (what ingest refused, what
 * Elasticsearch refused the matcher) and a poison record a consumer's error handler forwarded as it was, with the
 * why in Spring Kafka's {@code kafka_dlt-*} headers. Anything else is kept too, as an unknown record.
 */
final class DeadLetterRecords {

	private DeadLetterRecords() {
	}

	static Arrived read(ConsumerRecord<String, byte[]> record) {
		String text = (record.value() != null) ? new String(record.value(), StandardCharsets.UTF_8) : null;
		Instant at = Instant.ofEpochMilli(record.timestamp());
		Headers headers = record.headers();
		String originalTopic = string(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
		if (originalTopic != null) {
			String group = string(headers, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
			String message = string(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
			String cause = string(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN);
			String reason = ((message != null) ? message : "refused by its consumer")
					+ ((cause != null) ? " (" + cause + ")" : "");
			String location = originalTopic + "-" + number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION) + "@"
					+ number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET);
			return new Arrived(record.topic(), record.partition(), record.offset(), record.key(),
					(group != null) ? group : "unknown", null, location, originalTopic, reason, text, at);
		}
		try {
			RejectedRecord rejected = (record.value() != null)
					? Json.mapper().readValue(record.value(), RejectedRecord.class) : null;
			if (rejected != null && rejected.stage() != null && rejected.reason() != null) {
				return new Arrived(record.topic(), record.partition(), record.offset(), record.key(), rejected.stage(),
						rejected.source(), rejected.location(), null, rejected.reason(), rejected.payload(),
						(rejected.rejectedAt() != null) ? rejected.rejectedAt() : at);
			}
			return unknown(record, text, at, "it has no stage or reason");
		}
		catch (JacksonException ex) {
			return unknown(record, text, at, ex.getOriginalMessage());
		}
	}

	private static Arrived unknown(ConsumerRecord<String, byte[]> record, String text, Instant at, String why) {
		return new Arrived(record.topic(), record.partition(), record.offset(), record.key(), "unknown", null,
				record.topic() + "-" + record.partition() + "@" + record.offset(), null,
				"a dead letter that says neither who refused it nor why: " + why, text, at);
	}

	private static String string(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		return (header != null && header.value() != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	/** Spring Kafka writes the original partition as 4 bytes and the offset as 8. */
	private static String number(Headers headers, String name) {
		Header header = headers.lastHeader(name);
		if (header == null || header.value() == null) {
			return "?";
		}
		byte[] value = header.value();
		return switch (value.length) {
			case 4 -> String.valueOf(ByteBuffer.wrap(value).getInt());
			case 8 -> String.valueOf(ByteBuffer.wrap(value).getLong());
			default -> new String(value, StandardCharsets.UTF_8);
		};
	}

}
