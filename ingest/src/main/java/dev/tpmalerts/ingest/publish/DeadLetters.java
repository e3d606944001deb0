package dev.tpmalerts.ingest.publish;

import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.observability.PostingCounters;
import dev.tpmalerts.shared.RejectedRecord;
import dev.tpmalerts.shared.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Keeps every rejected source or posting on {@link Topics#POSTINGS_DLT} with its reason. */
@Component
public class DeadLetters {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetters.class);

	private final KafkaTemplate<String, Object> kafka;

	private final Clock clock;

	private final MeterRegistry meters;

	public DeadLetters(KafkaTemplate<String, Object> kafka, Clock clock, MeterRegistry meters) {
		this.kafka = kafka;
		this.clock = clock;
		this.meters = meters;
	}

	/** Keeps a posting the job rejected (invalid, or its page gone before it was ever published). */
	public void rejectPosting(String source, String location, String reason, String payload) {
		reject(source, location, reason, payload, "rejected-posting");
	}

	/** Keeps the failure of a source or listing page that could not be fetched or parsed. */
	public void rejectSource(String source, String location, String reason) {
		reject(source, location, reason, null, "unreadable-source");
	}

	private void reject(String source, String location, String reason, String payload, String kind) {
		RejectedRecord record = new RejectedRecord("ingest", source, location, reason, payload, this.clock.instant());
		logger.warn("Rejected a record from source {} at {}: {}", source, location, reason);
		try {
			this.kafka.send(Topics.POSTINGS_DLT, source, record).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while keeping a rejected record", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Could not keep a rejected record on " + Topics.POSTINGS_DLT, ex);
		}
		PostingCounters.rejected(this.meters, "ingest", kind).increment();
	}

}
