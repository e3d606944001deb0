package dev.tpmalerts.matcher.index;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.AliasDefinition;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;

import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.shared.Posting;

/**
 * Rescores every posting into a new index and moves the {@code postings} alias to it without downtime.
 *
 * <p>
 * The live matcher keeps writing through the alias while this runs, so the copy is followed by a catch-up: the copy
 * reads a point-in-time snapshot of the current index and remembers each document's {@code indexedAt}; the alias
 * then moves in one atomic request, after which every live write lands in the new index; the old index, now
 * frozen, is read once more and every document that is newer than its copy, or new, is rescored into the new index,
 * and every copied document that is gone from it (a tombstone arrived meanwhile) is deleted from the new index.
 * Catch-up writes are conditional on the new index's sequence number and skip any document the live matcher wrote
 * after the swap, so a catch-up never overwrites a newer write. The old index is kept, for a rollback.
 */
public final class PostingReindexer {

	private static final Pattern VERSIONED = Pattern.compile("^(.*-v)(\\d+)$");

	private static final int PAGE = 1000;

	private static final String KEEP_ALIVE = "5m";

	/** What a reindex did. */
	public record Result(String from, String to, String taxonomyVersion, long copied, long rescored,
			long keptUnscored, long caughtUp, long deleted, Duration took) {

	}

	/** The {@code indexedAt} of a document, read alone during the catch-up. */
	record Stamp(Instant indexedAt) {

	}

	private final ElasticsearchClient client;

	private final PostingClassifier classifier;

	private final Clock clock;

	private final Consumer<String> progress;

	public PostingReindexer(ElasticsearchClient client, PostingClassifier classifier, Clock clock,
			Consumer<String> progress) {
		this.client = client;
		this.classifier = classifier;
		this.clock = clock;
		this.progress = progress;
	}

	public Result reindex() throws IOException {
		Instant started = this.clock.instant();
		String from = currentIndex();
		String to = nextName(from);
		if (this.client.indices().exists((request) -> request.index(to)).value()) {
			throw new IOException("The index " + to + " already exists (left by an earlier reindex that did not"
					+ " finish?); the alias still points at " + from + ". Delete " + to + " and run the reindex again.");
		}
		PostingIndex.create(this.client, to, false);
		this.client.indices().putSettings((request) -> request.index(to).settings((s) -> s.refreshInterval((t) -> t.time("-1"))));
		this.progress.accept("Copying " + from + " into " + to + ", rescoring with taxonomy "
				+ this.classifier.taxonomy().version());

		Map<String, Instant> copied = new HashMap<>();
		AtomicLong rescored = new AtomicLong();
		AtomicLong keptUnscored = new AtomicLong();
		List<String> refused = new ArrayList<>();
		AtomicReference<Throwable> transportFailure = new AtomicReference<>();
		try (BulkIngester<String> ingester = BulkIngester.of((builder) -> builder.client(this.client)
			.maxOperations(PAGE)
			.maxConcurrentRequests(1)
			.listener(new FailureCollector(refused, transportFailure)))) {
			scan(from, null, PostingDocument.class, (hit) -> {
				PostingDocument old = hit.source();
				copied.put(hit.id(), old.indexedAt());
				PostingDocument next = rescore(old);
				(next == old ? keptUnscored : rescored).incrementAndGet();
				ingester.add((op) -> op.index((index) -> index.index(to).id(hit.id()).document(next)), hit.id());
				if (copied.size() % 10_000 == 0) {
					this.progress.accept("  " + copied.size() + " documents copied");
				}
			});
		}
		if (transportFailure.get() != null || !refused.isEmpty()) {
			throw new IOException("Copying into " + to + " failed ("
					+ ((transportFailure.get() != null) ? transportFailure.get().getMessage()
							: refused.size() + " document(s) refused, first: " + refused.get(0))
					+ "); the alias still points at " + from + ". Delete " + to + " and run the reindex again.");
		}
		this.client.indices().putSettings((request) -> request.index(to).settings((s) -> s.refreshInterval((t) -> t.time("1s"))));
		this.client.indices().refresh((request) -> request.index(to));
		this.progress.accept("Copied " + copied.size() + " documents; moving the alias " + PostingIndex.ALIAS + " from "
				+ from + " to " + to);

		this.client.indices()
			.updateAliases((request) -> request
				.actions((action) -> action.remove((remove) -> remove.index(from).alias(PostingIndex.ALIAS)))
				.actions((action) -> action
					.add((add) -> add.index(to).alias(PostingIndex.ALIAS).isWriteIndex(true))));

		// From here on every live write lands in the new index; the old one is frozen. Catch up with what it
		// received after the snapshot was taken.
		this.client.indices().refresh((request) -> request.index(from));
		long[] caughtUp = { 0 };
		scan(from, "indexedAt", Stamp.class, (hit) -> {
			Instant was = copied.remove(hit.id());
			if (was == null || hit.source().indexedAt().isAfter(was)) {
				if (catchUp(from, to, hit.id())) {
					caughtUp[0]++;
				}
			}
		});
		long deleted = 0;
		for (Map.Entry<String, Instant> gone : copied.entrySet()) {
			if (deleteIfUntouched(to, gone.getKey(), gone.getValue())) {
				deleted++;
			}
		}
		this.client.indices().refresh((request) -> request.index(to));
		Duration took = Duration.between(started, this.clock.instant());
		return new Result(from, to, this.classifier.taxonomy().version(), rescored.get() + keptUnscored.get(),
				rescored.get(), keptUnscored.get(), caughtUp[0], deleted, took);
	}

	/** The index the alias writes to. */
	String currentIndex() throws IOException {
		Map<String, IndexAliases> indices = this.client.indices()
			.getAlias((request) -> request.name(PostingIndex.ALIAS))
			.aliases();
		if (indices.isEmpty()) {
			throw new IOException("There is no alias " + PostingIndex.ALIAS + " to reindex; start the matcher once to"
					+ " create it.");
		}
		if (indices.size() == 1) {
			return indices.keySet().iterator().next();
		}
		return indices.entrySet()
			.stream()
			.filter((entry) -> {
				AliasDefinition alias = entry.getValue().aliases().get(PostingIndex.ALIAS);
				return alias != null && Boolean.TRUE.equals(alias.isWriteIndex());
			})
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow(() -> new IOException("The alias " + PostingIndex.ALIAS + " points at " + indices.keySet()
					+ " with no write index; point it at one index before reindexing."));
	}

	/** {@code postings-v1} becomes {@code postings-v2}; a name without a version gets {@code -v2}. */
	static String nextName(String current) {
		Matcher matcher = VERSIONED.matcher(current);
		if (matcher.matches()) {
			return matcher.group(1) + (Long.parseLong(matcher.group(2)) + 1);
		}
		return current + "-v2";
	}

	/**
	 * The document rescored with the current taxonomy; documents written before the posting was stored in them
	 * cannot be rescored and are copied as they are.
	 */
	private PostingDocument rescore(PostingDocument document) {
		Posting posting = document.posting();
		if (posting == null) {
			return document;
		}
		Classification classification = this.classifier.classify(posting);
		return PostingDocument.of(posting, classification, this.classifier.taxonomy().version(), document.indexedAt());
	}

	/** Rescores the old index's document into the new one unless the live matcher wrote a newer one there. */
	private boolean catchUp(String from, String to, String id) throws IOException {
		GetResponse<PostingDocument> old = this.client.get((request) -> request.index(from).id(id), PostingDocument.class);
		if (!old.found() || old.source() == null) {
			return false;
		}
		PostingDocument next = rescore(old.source());
		GetResponse<Stamp> current = this.client.get(
				(request) -> request.index(to).id(id).sourceIncludes("indexedAt"), Stamp.class);
		try {
			if (!current.found()) {
				this.client.create((request) -> request.index(to).id(id).document(next));
				return true;
			}
			if (!current.source().indexedAt().isBefore(next.indexedAt())) {
				return false;
			}
			this.client.index((request) -> request.index(to)
				.id(id)
				.document(next)
				.ifSeqNo(current.seqNo())
				.ifPrimaryTerm(current.primaryTerm()));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false; // the live matcher wrote it meanwhile: its write is the newer one
			}
			throw ex;
		}
	}

	/** Deletes a copied document that a tombstone removed from the old index, unless it was written since. */
	private boolean deleteIfUntouched(String to, String id, Instant copiedIndexedAt) throws IOException {
		GetResponse<Stamp> current = this.client.get(
				(request) -> request.index(to).id(id).sourceIncludes("indexedAt"), Stamp.class);
		if (!current.found() || !copiedIndexedAt.equals(current.source().indexedAt())) {
			return false;
		}
		try {
			this.client.delete((request) -> request.index(to)
				.id(id)
				.ifSeqNo(current.seqNo())
				.ifPrimaryTerm(current.primaryTerm()));
			return true;
		}
		catch (ElasticsearchException ex) {
			if (ex.status() == 409) {
				return false;
			}
			throw ex;
		}
	}

	@FunctionalInterface
	private interface HitHandler<T> {

		void accept(Hit<T> hit) throws IOException;

	}

	/** Streams every document of an index through a point in time, in pages, sorted by shard order. */
	private <T> void scan(String index, String onlyField, Class<T> type, HitHandler<T> handler) throws IOException {
		String pit = this.client.openPointInTime((request) -> request.index(index).keepAlive((t) -> t.time(KEEP_ALIVE)))
			.id();
		try {
			List<FieldValue> after = null;
			while (true) {
				List<FieldValue> searchAfter = after;
				SearchResponse<T> page = this.client.search((search) -> {
					search.pit((p) -> p.id(pit).keepAlive((t) -> t.time(KEEP_ALIVE)))
						.size(PAGE)
						.sort((sort) -> sort.field((field) -> field.field("_shard_doc")))
						.trackTotalHits((track) -> track.enabled(false));
					if (onlyField != null) {
						search.source((source) -> source.filter((filter) -> filter.includes(onlyField)));
					}
					if (searchAfter != null) {
						search.searchAfter(searchAfter);
					}
					return search;
				}, type);
				List<Hit<T>> hits = page.hits().hits();
				for (Hit<T> hit : hits) {
					handler.accept(hit);
				}
				if (hits.size() < PAGE) {
					return;
				}
				after = hits.get(hits.size() - 1).sort();
			}
		}
		finally {
			this.client.closePointInTime((request) -> request.id(pit));
		}
	}

	/** Collects refused items and a transport failure of the copy's bulk requests. */
	private record FailureCollector(List<String> refused, AtomicReference<Throwable> transportFailure)
			implements BulkListener<String> {

		@Override
		public void beforeBulk(long executionId, BulkRequest request, List<String> contexts) {
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<String> contexts, BulkResponse response) {
			for (BulkResponseItem item : response.items()) {
				if (item.error() != null) {
					synchronized (this.refused) {
						this.refused.add(item.id() + " (" + item.error().type() + ": " + item.error().reason() + ")");
					}
				}
			}
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request, List<String> contexts, Throwable failure) {
			this.transportFailure.compareAndSet(null, failure);
		}

	}

}
