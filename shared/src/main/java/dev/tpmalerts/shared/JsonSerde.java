package dev.tpmalerts.shared;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;

/**
 * Kafka serializer and deserializer for the event records, using {@link Json#mapper()}. A record that cannot be
 * read fails with a {@link SerializationException} naming the type and the cause, so the consumer's error
 * handler can send it to the dead-letter topic.
 */
public final class JsonSerde {

	private JsonSerde() {
	}

	public static <T> Serializer<T> serializer() {
		return (topic, data) -> {
			if (data == null) {
				return null;
			}
			try {
				return Json.mapper().writeValueAsBytes(data);
			}
			catch (JacksonException ex) {
				throw new SerializationException("Cannot write " + data.getClass().getSimpleName() + " to topic "
						+ topic + " as JSON: " + ex.getOriginalMessage(), ex);
			}
		};
	}

	public static <T> Deserializer<T> deserializer(Class<T> type) {
		return (topic, bytes) -> {
			if (bytes == null) {
				return null;
			}
			try {
				return Json.mapper().readValue(bytes, type);
			}
			catch (JacksonException ex) {
				throw new SerializationException("Record on topic " + topic + " is not a valid "
						+ type.getSimpleName() + ": " + ex.getOriginalMessage(), ex);
			}
		};
	}

	/**
	 * For configuration by class name ({@code value.serializer}). Bytes pass through unchanged, so a dead-letter
	 * recoverer can republish a record that could not be read.
	 */
	public static final class EventSerializer implements Serializer<Object> {

		private final Serializer<Object> delegate = serializer();

		@Override
		public byte[] serialize(String topic, Object data) {
			return (data instanceof byte[] bytes) ? bytes : this.delegate.serialize(topic, data);
		}

	}

	/** {@link PostingEvent}s by class name ({@code value.deserializer}). */
	public static final class PostingEventDeserializer implements Deserializer<PostingEvent> {

		private final Deserializer<PostingEvent> delegate = deserializer(PostingEvent.class);

		@Override
		public PostingEvent deserialize(String topic, byte[] data) {
			return this.delegate.deserialize(topic, data);
		}

	}

	/** {@link PostingMatched} events by class name ({@code value.deserializer}). */
	public static final class PostingMatchedDeserializer implements Deserializer<PostingMatched> {

		private final Deserializer<PostingMatched> delegate = deserializer(PostingMatched.class);

		@Override
		public PostingMatched deserialize(String topic, byte[] data) {
			return this.delegate.deserialize(topic, data);
		}

	}

}
