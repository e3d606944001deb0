package dev.tpmalerts.matcher.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Owns the index of matched postings. At start-up it makes sure the versioned index and the alias exist with the
 * explicit mapping; writes go through the alias with the posting id as document id, so replays are idempotent.
 */
@Component
public class PostingIndex implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(PostingIndex.class);

	public static final String ALIAS = "postings";

	private final ElasticsearchClient client;

	private final String indexName;

	public PostingIndex(ElasticsearchClient client, @Value("${tpm.matcher.index-version:v1}") String version) {
		this.client = client;
		this.indexName = ALIAS + "-" + version;
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
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
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

	/** Creates the versioned index and points the alias at it, unless the alias already exists. */
	public void ensureExists() throws IOException {
		if (this.client.indices().existsAlias((request) -> request.name(ALIAS)).value()) {
			return;
		}
		if (!this.client.indices().exists((request) -> request.index(this.indexName)).value()) {
			try (InputStream mapping = mapping()) {
				this.client.indices()
					.create((request) -> request.index(this.indexName).withJson(mapping).aliases(ALIAS, (alias) -> alias.isWriteIndex(true)));
			}
			logger.info("Created index {} behind alias {}", this.indexName, ALIAS);
		}
		else {
			this.client.indices().putAlias((request) -> request.index(this.indexName).name(ALIAS));
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
	 * Writes the operations in one bulk request and returns the items Elasticsearch refused. Throws when the
	 * cluster cannot be reached, so the caller can back off and retry the whole batch.
	 */
	public List<ItemFailure> write(List<Operation> operations) throws IOException {
		if (operations.isEmpty()) {
			return List.of();
		}
		BulkRequest.Builder bulk = new BulkRequest.Builder();
		for (Operation operation : operations) {
			if (operation instanceof Upsert upsert) {
				bulk.operations((op) -> op
					.index((index) -> index.index(ALIAS).id(upsert.id()).document(upsert.document())));
			}
			else {
				bulk.operations((op) -> op.delete((delete) -> delete.index(ALIAS).id(operation.id())));
			}
		}
		BulkResponse response = this.client.bulk(bulk.build());
		List<ItemFailure> failures = new ArrayList<>();
		if (response.errors()) {
			for (BulkResponseItem item : response.items()) {
				// A delete of a posting never indexed is not a failure: the tombstone's work is done.
				if (item.error() != null && item.status() != 404) {
					failures.add(new ItemFailure(item.id(), item.error().type() + ": " + item.error().reason()));
				}
			}
		}
		return failures;
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
