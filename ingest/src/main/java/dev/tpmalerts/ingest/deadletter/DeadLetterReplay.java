package dev.tpmalerts.ingest.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import dev.tpmalerts.ingest.dedupe.Deduplicator;
import dev.tpmalerts.ingest.job.PostingReplay;
import dev.tpmalerts.ingest.job.ScrapeLauncher;
import dev.tpmalerts.ingest.job.ScrapeLauncher.Launch;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Replays a dead letter after a fix, according to who refused it and what it kept:
 * <ul>
 * <li>a posting ingest rejected: its raw posting goes through the current normaliser and, if it passes now, is
 * published; else it stays with the new reason;</li>
 * <li>a source ingest could not read (no posting kept): the source is run again;</li>
 * <li>a posting Elasticsearch refused the matcher: the posting as ingest last published it is sent to
 * {@code postings} again, for the matcher to retry;</li>
 * <li>a record a consumer could not read: its bytes go back to the topic it came from, for the fixed consumer.</li>
 * </ul>
 * Every replay is recorded on the dead letter; nothing is deleted.
 */
@Component
public class DeadLetterReplay {

	private static final Logger logger = LoggerFactory.getLogger(DeadLetterReplay.class);

	private final DeadLetterStore store;

	private final PostingReplay postings;

	private final ScrapeLauncher launcher;

	private final Deduplicator deduplicator;

	private final KafkaTemplate<String, Object> kafka;

	private final Clock clock;

	DeadLetterReplay(DeadLetterStore store, PostingReplay postings, ScrapeLauncher launcher, Deduplicator deduplicator,
			KafkaTemplate<String, Object> kafka, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.postings = postings;
		this.launcher = launcher;
		this.deduplicator = deduplicator;
		this.kafka = kafka;
	}

	/** What a replay did; {@link #through()} says whether the dead letter is dealt with. */
	public sealed interface Outcome {

		String describe();

		default boolean through() {
			return !(this instanceof StillRejected || this instanceof NotReplayable);
		}

		record Published(String postingId, String event) implements Outcome {

			@Override
			public String describe() {
				return "published posting " + this.postingId + " (" + this.event + ")";
			}

		}

		record AlreadyPublished() implements Outcome {

			@Override
			public String describe() {
				return "passes now; the job was already published as it is";
			}

		}

		record Republished(String topic, String key) implements Outcome {

			@Override
			public String describe() {
				return "sent to " + this.topic + " again" + ((this.key != null) ? " (key " + this.key + ")" : "");
			}

		}

		record Relaunched(String source, long executionId) implements Outcome {

			@Override
			public String describe() {
				return "started run " + this.executionId + " of source " + this.source;
			}

		}

		record StillRejected(String reason) implements Outcome {

			@Override
			public String describe() {
				return "still rejected: " + this.reason;
			}

		}

		record NotReplayable(String reason) implements Outcome {

			@Override
			public String describe() {
				return "not replayed: " + this.reason;
			}

		}

	}

	/** Replays one dead letter and records the outcome; empty when there is no dead letter with this id. */
	public Optional<Outcome> replay(long id, String operator) {
		Optional<DeadLetter> found = this.store.byId(id);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		DeadLetter letter = found.get();
		Outcome outcome = outcome(letter);
		this.store.replayed(id, outcome.through(), outcome.describe(),
				(outcome instanceof Outcome.StillRejected still) ? still.reason() : null);
		logger.info("Operator {} replayed dead letter {} ({} from {}): {}", operator, id, letter.stage(),
				letter.source(), outcome.describe());
		return Optional.of(outcome);
	}

	private Outcome outcome(DeadLetter letter) {
		if (letter.originalTopic() != null) {
			return republish(letter);
		}
		return switch (letter.stage()) {
			case "ingest" -> replayIngest(letter);
			case "matcher" -> resendPosting(letter);
			default -> new Outcome.NotReplayable("no stage says how to replay a record of '" + letter.stage() + "'");
		};
	}

	private Outcome replayIngest(DeadLetter letter) {
		Optional<RawPosting> posting = rawPosting(letter.payload());
		if (posting.isPresent()) {
			PostingReplay.Outcome replayed = this.postings.replay(posting.get());
			if (replayed instanceof PostingReplay.Outcome.Published published) {
				return new Outcome.Published(published.event().postingId(), published.event().getClass().getSimpleName());
			}
			if (replayed instanceof PostingReplay.Outcome.Rejected rejected) {
				return new Outcome.StillRejected(rejected.reason());
			}
			return new Outcome.AlreadyPublished();
		}
		if (letter.source() == null) {
			return new Outcome.NotReplayable("it names no source to read again");
		}
		// A source that could not be fetched or parsed (or a posting kept without its content): read it again.
		Launch launch = this.launcher.start(letter.source(), "replay", this.clock.instant());
		if (launch instanceof Launch.Refused refused) {
			return new Outcome.NotReplayable("source " + letter.source() + " was not run: " + refused.reason());
		}
		return new Outcome.Relaunched(letter.source(), launch.runId().getAsLong());
	}

	private Outcome resendPosting(DeadLetter letter) {
		String postingId = (letter.key() != null) ? letter.key() : letter.location();
		Optional<PostingEvent> event = (postingId != null) ? this.deduplicator.lastPublished(postingId) : Optional.empty();
		if (event.isEmpty()) {
			return new Outcome.NotReplayable("ingest has published no posting with id " + postingId);
		}
		send(Topics.POSTINGS, postingId, event.get());
		return new Outcome.Republished(Topics.POSTINGS, postingId);
	}

	private Outcome republish(DeadLetter letter) {
		if (letter.payload() == null) {
			return new Outcome.NotReplayable("the record had no value to send again");
		}
		send(letter.originalTopic(), letter.key(), letter.payload().getBytes(StandardCharsets.UTF_8));
		return new Outcome.Republished(letter.originalTopic(), letter.key());
	}

	private void send(String topic, String key, Object value) {
		try {
			this.kafka.send(topic, key, value).get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while replaying a dead letter to " + topic, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Kafka did not take the replayed record on " + topic + ": " + ex.getMessage(), ex);
		}
	}

	private static Optional<RawPosting> rawPosting(String payload) {
		if (payload == null || !payload.startsWith("{")) {
			return Optional.empty();
		}
		try {
			RawPosting posting = Json.mapper().readValue(payload, RawPosting.class);
			return (posting.sourceType() != null) ? Optional.of(posting) : Optional.empty();
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
