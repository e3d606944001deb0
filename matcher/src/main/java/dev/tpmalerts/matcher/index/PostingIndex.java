package dev.tpmalerts.matcher.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import dev.tpmalerts.shared.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Owns the index of matched postings. At start-up it makes sure the versioned index and the alias exist with the
 * explicit mapping; writes go through the alias with the posting id as document id, so replays are idempotent.
 */
@Component
public class PostingIndex implements InitializingBean, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(PostingIndex.class);

	public static final String ALIAS = "postings";

	private final ElasticsearchClient client;

	private final String indexName;

	private final BulkProperties properties;

	private final BulkIngester<CompletableFuture<Optional<ItemFailure>>> ingester;

	public PostingIndex(ElasticsearchClient client, @Value("${tpm.matcher.index-version:v1}") String version,
			BulkProperties properties) {
		this.client = client;
		this.indexName = ALIAS + "-" + version;
		this.properties = properties;
		this.ingester = BulkIngester.of((builder) -> builder.client(client)
			.maxOperations(properties.maxOperations())
			.maxSize(properties.maxBytes())
			.maxConcurrentRequests(properties.maxConcurrentRequests())
			.listener(new Acknowledger()));
	}

	@Override
	public void destroy() {
		this.ingester.close();
	}

	public String indexName() {
		return this.indexName;
	}

	/**
	 * Runs before the Kafka listeners start, so no write can reach the alias before the mapped index exists.
	 * Waits up to a minute for a node that is still starting.
	 */
	@Override
	public void afterPropertiesSet() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			try {
				ensureExists();
				return;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Elasticsearch was not reachable for a minute; cannot create the "
							+ ALIAS + " index: " + ex.getMessage(), ex);
				}
				logger.info("Elasticsearch is not reachable yet ({}); trying again in 2 s", ex.getMessage());
				Thread.sleep(2_000);
			}
		}
	}

	/**
	 * Creates the versioned index and points the alias at it, unless the alias already exists (a reindex may have
	 * moved it to a later index); then brings the mapping of the indices behind the alias up to date, which adds
	 * fields (such as the stored posting) to an index created by an older release.
	 */
	public void ensureExists() throws IOException {
		if (this.client.indices().existsAlias((request) -> request.name(ALIAS)).value()) {
			try (InputStream mappings = new ByteArrayInputStream(mappingsJson().getBytes(StandardCharsets.UTF_8))) {
				this.client.indices().putMapping((request) -> request.index(ALIAS).withJson(mappings));
			}
			return;
		}
		if (!this.client.indices().exists((request) -> request.index(this.indexName)).value()) {
			create(this.client, this.indexName, true);
			logger.info("Created index {} behind alias {}", this.indexName, ALIAS);
		}
		else {
			this.client.indices().putAlias((request) -> request.index(this.indexName).name(ALIAS).isWriteIndex(true));
		}
	}

	/** Creates an index with the explicit mapping, as the alias's write index or on its own. */
	static void create(ElasticsearchClient client, String name, boolean behindAlias) throws IOException {
		try (InputStream mapping = mapping()) {
			client.indices().create((request) -> {
				request.index(name).withJson(mapping);
				return behindAlias ? request.aliases(ALIAS, (alias) -> alias.isWriteIndex(true)) : request;
			});
		}
	}

	/** The {@code mappings} part of the mapping resource, for a put-mapping request. */
	static String mappingsJson() throws IOException {
		try (InputStream in = mapping()) {
			return Json.mapper().readTree(in).get("mappings").toString();
		}
	}

	/** One operation of a bulk write, by posting id. */
	public sealed interface Operation permits Upsert, Delete {

		String id();

	}

	public record Upsert(PostingDocument document) implements Operation {

		@Override
		public String id() {
			return this.document.id();
		}

	}

	public record Delete(String id) implements Operation {

	}

	/** An item Elasticsearch refused, with its reason; the others were written. */
	public record ItemFailure(String id, String reason) {

	}

	/**
	 * Writes the operations through the bulk ingester and waits until Elasticsearch acknowledged every one of them.
	 * Returns the items Elasticsearch refused for good (a mapping error); throws when the cluster cannot be reached
	 * or answered an item with a transient error (429, 5xx), so the caller can back off and retry the whole batch:
	 * every write is idempotent by posting id.
	 */
	public List<ItemFailure> write(List<Operation> operations) throws IOException {
		if (operations.isEmpty()) {
			return List.of();
		}
		List<CompletableFuture<Optional<ItemFailure>>> acks = new ArrayList<>(operations.size());
		for (Operation operation : operations) {
			CompletableFuture<Optional<ItemFailure>> ack = new CompletableFuture<>();
			acks.add(ack);
			if (operation instanceof Upsert upsert) {
				this.ingester.add((op) -> op
					.index((index) -> index.index(ALIAS).id(upsert.id()).document(upsert.document())), ack);
			}
			else {
				this.ingester.add((op) -> op.delete((delete) -> delete.index(ALIAS).id(operation.id())), ack);
			}
		}
		// The batch is complete: send what is buffered now rather than wait for the request to fill up.
		this.ingester.flush();
		try {
			CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
				.get(this.properties.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IOException("Elasticsearch did not acknowledge the batch of " + operations.size()
					+ " operation(s): " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			throw new IOException("Elasticsearch did not acknowledge the batch of " + operations.size()
					+ " operation(s) within " + this.properties.ackTimeout(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for Elasticsearch to acknowledge a batch");
		}
		return acks.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
	}

	/** Completes each operation's future from its item of the bulk response, or fails them all. */
	static final class Acknowledger implements BulkListener<CompletableFuture<Optional<ItemFailure>>> {

		@Override
		public void beforeBulk(long executionId, BulkRequest request,
				List<CompletableFuture<Optional<ItemFailure>>> contexts) {
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request,
				List<CompletableFuture<Optional<ItemFailure>>> contexts, BulkResponse response) {
			List<BulkResponseItem> items = response.items();
			for (int i = 0; i < contexts.size(); i++) {
				CompletableFuture<Optional<ItemFailure>> ack = contexts.get(i);
				if (i >= items.size()) {
					ack.completeExceptionally(new IOException("The bulk response has " + items.size()
							+ " items for " + contexts.size() + " operations"));
					continue;
				}
				BulkResponseItem item = items.get(i);
				ErrorCause error = item.error();
				if (error == null || (item.operationType() == OperationType.Delete && item.status() == 404)) {
					// A delete of a posting never indexed is not a failure: the tombstone's work is done.
					ack.complete(Optional.empty());
				}
				else if (item.status() == 429 || item.status() >= 500) {
					ack.completeExceptionally(new IOException("Elasticsearch could not write posting " + item.id()
							+ " now (" + item.status() + " " + error.type() + ": " + error.reason() + ")"));
				}
				else {
					ack.complete(Optional.of(new ItemFailure(item.id(), error.type() + ": " + error.reason())));
				}
			}
		}

		@Override
		public void afterBulk(long executionId, BulkRequest request,
				List<CompletableFuture<Optional<ItemFailure>>> contexts, Throwable failure) {
			for (CompletableFuture<Optional<ItemFailure>> ack : contexts) {
				ack.completeExceptionally(failure);
			}
		}

	}

	public void refresh() throws IOException {
		this.client.indices().refresh((request) -> request.index(ALIAS));
	}

	private static InputStream mapping() {
		InputStream in = PostingIndex.class.getClassLoader().getResourceAsStream("elasticsearch/postings-mapping.json");
		if (in == null) {
			throw new UncheckedIOException(new IOException("elasticsearch/postings-mapping.json is missing"));
		}
		return in;
	}

}
