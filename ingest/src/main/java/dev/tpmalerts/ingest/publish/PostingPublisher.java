package dev.tpmalerts.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.Topics;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Writes a chunk of posting events to {@link Topics#POSTINGS}, keyed by posting id, and returns only when the
 * broker acknowledged every one (acks=all, idempotent producer), so a committed chunk is a published chunk.
 */
@Component
public class PostingPublisher implements ItemWriter<PostingEvent> {

	private static final Logger logger = LoggerFactory.getLogger(PostingPublisher.class);

	private final KafkaTemplate<String, Object> kafka;

	public PostingPublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@Override
	public void write(Chunk<? extends PostingEvent> chunk) throws Exception {
		List<CompletableFuture<SendResult<String, Object>>> sends = new ArrayList<>();
		for (PostingEvent event : chunk) {
			sends.add(this.kafka.send(Topics.POSTINGS, event.postingId(), event));
		}
		// The chunk waits for its acknowledgements anyway: send its last batch now rather than after linger.ms.
		this.kafka.flush();
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Kafka did not acknowledge the chunk: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		if (!chunk.isEmpty()) {
			logger.info("Published a chunk of {} posting event(s)", chunk.size());
		}
	}

}
