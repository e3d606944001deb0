package dev.tpmalerts.matcher.consume;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.index.PostingIndex;
import dev.tpmalerts.matcher.index.PostingIndex.ItemFailure;
import dev.tpmalerts.matcher.index.PostingIndex.Operation;
import dev.tpmalerts.observability.PostingCounters;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.PostingUpdated;
import dev.tpmalerts.shared.RejectedRecord;
import dev.tpmalerts.shared.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes batches of posting events: classifies each posting, writes the batch to Elasticsearch in bulk, then
 * publishes a {@link PostingMatched} per posting. The listener returns, and the offsets are committed, only after
 * Elasticsearch and Kafka acknowledged.
 */
@Component
class PostingEventsListener {

	private static final Logger logger = LoggerFactory.getLogger(PostingEventsListener.class);

	private final PostingClassifier classifier;

	private final PostingIndex index;

	private final KafkaTemplate<String, Object> kafka;

	private final Clock clock;

	private final MeterRegistry meters;

	PostingEventsListener(PostingClassifier classifier, PostingIndex index, KafkaTemplate<String, Object> kafka,
			Clock clock, MeterRegistry meters) {
		this.classifier = classifier;
		this.index = index;
		this.kafka = kafka;
		this.clock = clock;
		this.meters = meters;
	}

	@KafkaListener(id = "matcher", groupId = "${spring.kafka.consumer.group-id:matcher}",
			topics = "${tpm.matcher.topic:" + Topics.POSTINGS + "}", batch = "true")
	void onPostings(List<ConsumerRecord<String, PostingEvent>> records) throws IOException {
		int poison = -1;
		for (int i = 0; i < records.size(); i++) {
			if (records.get(i).value() == null) {
				poison = i;
				break;
			}
		}
		process((poison < 0) ? records : records.subList(0, poison));
		if (poison >= 0) {
			ConsumerRecord<String, PostingEvent> bad = records.get(poison);
			throw new BatchListenerFailedException("Record at offset " + bad.offset() + " of " + bad.topic() + "-"
					+ bad.partition() + " is not a readable posting event",
					new PoisonRecordException("unreadable posting event"), poison);
		}
	}

	private void process(List<ConsumerRecord<String, PostingEvent>> records) throws IOException {
		List<Operation> operations = new ArrayList<>();
		Map<String, PostingMatched> matched = new HashMap<>();
		for (PostingEvent event : latestOfEachPosting(records)) {
			operations.add(match(event, matched));
		}
		List<CompletableFuture<?>> sends = new ArrayList<>();
		List<ItemFailure> failures = this.index.write(operations);
		for (ItemFailure failure : failures) {
			PostingMatched refused = matched.remove(failure.id());
			RejectedRecord rejected = new RejectedRecord("matcher", "elasticsearch", failure.id(),
					"Elasticsearch refused the document: " + failure.reason(),
					(refused != null) ? String.valueOf(refused.posting()) : null, this.clock.instant());
			logger.warn("Elasticsearch refused posting {}: {}", failure.id(), failure.reason());
			// Awaited with the matched events: the offsets must not be committed before the dead letter is kept.
			sends.add(this.kafka.send(Topics.POSTINGS_DLT, failure.id(), rejected));
		}
		for (PostingMatched event : matched.values()) {
			sends.add(this.kafka.send(Topics.POSTINGS_MATCHED, event.postingId(), event));
		}
		CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		count(operations, failures);
		if (!records.isEmpty()) {
			logger.info("Indexed {} posting event(s), {} matched", records.size(), matched.size());
		}
	}

	/**
	 * Only a posting's last event of the batch counts: it supersedes the earlier ones, and a batch larger than one
	 * bulk request goes out as two requests in flight at once, which Elasticsearch may apply in either order.
	 */
	static Collection<PostingEvent> latestOfEachPosting(List<ConsumerRecord<String, PostingEvent>> records) {
		Map<String, PostingEvent> latest = new LinkedHashMap<>();
		for (ConsumerRecord<String, PostingEvent> record : records) {
			latest.remove(record.value().postingId());
			latest.put(record.value().postingId(), record.value());
		}
		return latest.values();
	}

	/** Counted once the batch is through: a batch that fails is retried whole, and would be counted twice. */
	private void count(List<Operation> operations, List<ItemFailure> failures) {
		Set<String> refused = failures.stream().map(ItemFailure::id).collect(Collectors.toSet());
		Map<Boolean, Long> written = operations.stream()
			.filter((operation) -> !refused.contains(operation.id()))
			.collect(Collectors.partitioningBy(PostingIndex.Delete.class::isInstance, Collectors.counting()));
		PostingCounters.indexed(this.meters, "index").increment(written.get(false));
		PostingCounters.indexed(this.meters, "delete").increment(written.get(true));
		PostingCounters.rejected(this.meters, "matcher", "refused-by-elasticsearch").increment(failures.size());
	}

	/** The index operation for one event; the event to announce once it is written goes into {@code matched}. */
	private Operation match(PostingEvent event, Map<String, PostingMatched> matched) {
		if (event instanceof PostingExpired expired) {
			matched.put(expired.postingId(), PostingMatched.expired(expired.postingId(), this.clock.instant()));
			return new PostingIndex.Delete(expired.postingId());
		}
		Posting posting = (event instanceof PostingScraped scraped) ? scraped.posting()
				: ((PostingUpdated) event).posting();
		Classification classification = this.classifier.classify(posting);
		String version = this.classifier.taxonomy().version();
		// The notifier reads the text only; the HTML stays in the postings topic and the index.
		matched.put(posting.id(), new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(),
				posting.withoutDescriptionHtml(),
				classification.role(), classification.score(), classification.facetScores(), classification.tags(),
				version, false, this.clock.instant()));
		return new PostingIndex.Upsert(PostingDocument.of(posting, classification, version, this.clock.instant()));
	}

}
