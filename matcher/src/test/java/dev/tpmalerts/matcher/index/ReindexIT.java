package dev.tpmalerts.matcher.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.StartupListener;
import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reindex against its own real node (it moves the alias, which other tests' shared node must keep): documents
 * scored under an old taxonomy come out rescored in a new index, the alias moves atomically, searches go on
 * throughout, and writes made through the alias while the copy runs are not lost.
 */
class ReindexIT {

	private static final String OLD_TAXONOMY = "0.0-old";

	private static Path nodeDir;

	private static ElasticsearchNode node;

	private static ElasticsearchClient client;

	private final PostingClassifier classifier = new PostingClassifier(Taxonomy.load());

	@BeforeAll
	static void startNode() throws IOException {
		nodeDir = Files.createTempDirectory("tpm-alerts-reindex-it-");
		node = ElasticsearchNode.start(nodeDir, StartupListener.NONE);
		client = ElasticsearchClient.of((config) -> config.host(node.httpUrl()).jsonMapper(new Jackson3JsonpMapper()));
	}

	@AfterAll
	static void stopNode() throws IOException {
		client._transport().close();
		node.close();
		try (Stream<Path> files = Files.walk(nodeDir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

	@Test
	void shouldRescoreIntoANewIndexAndMoveTheAliasWithoutLosingWritesMadeMeanwhile() throws Exception {
		// given 1,200 postings indexed under an old taxonomy that scored them all as "other"
		PostingIndex index = new PostingIndex(client, "v1", BulkProperties.defaults());
		index.ensureExists();
		Instant then = Instant.now().minus(1, ChronoUnit.HOURS);
		List<Posting> postings = new ArrayList<>();
		for (int i = 0; i < 1200; i++) {
			postings.add(posting("Senior Technical Program Manager " + i));
		}
		List<PostingIndex.Operation> old = postings.stream()
			.<PostingIndex.Operation>map((posting) -> new PostingIndex.Upsert(PostingDocument.of(posting,
					new Classification("other", "senior", null, 0, Map.of(), List.of()), OLD_TAXONOMY, then)))
			.toList();
		assertThat(index.write(old)).isEmpty();
		index.refresh();

		// and searches that run through the alias all along
		AtomicBoolean reindexing = new AtomicBoolean(true);
		AtomicInteger searches = new AtomicInteger();
		AtomicReference<String> searchFailure = new AtomicReference<>();
		CompletableFuture<Void> searching = CompletableFuture.runAsync(() -> {
			while (reindexing.get() && searchFailure.get() == null) {
				try {
					long hits = client.search((search) -> search.index(PostingIndex.ALIAS)
						.query((query) -> query.match((match) -> match.field("title").query("technical")))
						.size(0), Void.class).hits().total().value();
					if (hits < 1000) {
						searchFailure.set("a search through the alias found only " + hits + " postings");
					}
					searches.incrementAndGet();
				}
				catch (IOException | RuntimeException ex) {
					searchFailure.set(ex.toString());
				}
			}
		});

		// when the matcher writes through the alias while the copy runs: an update, a new posting and a tombstone
		Posting updated = posting(postings.get(0).canonicalUrl(), "Principal Technical Program Manager, Payments");
		Posting added = posting("Technical Program Manager, Identity");
		Posting expired = postings.get(1);
		Instant now = Instant.now();
		PostingReindexer reindexer = new PostingReindexer(client, this.classifier, Clock.systemUTC(), (line) -> {
			if (line.startsWith("Copied ")) {
				try {
					List<PostingIndex.Operation> live = List.of(
							new PostingIndex.Upsert(PostingDocument.of(updated, classify(updated), "live", now)),
							new PostingIndex.Upsert(PostingDocument.of(added, classify(added), "live", now)),
							new PostingIndex.Delete(expired.id()));
					assertThat(index.write(live)).isEmpty();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		});
		PostingReindexer.Result result = reindexer.reindex();
		reindexing.set(false);
		searching.join();

		// then the alias points at the new index only, as its write index, and the old index is kept
		assertThat(result.from()).isEqualTo("postings-v1");
		assertThat(result.to()).isEqualTo("postings-v2");
		assertThat(result.copied()).isEqualTo(1200);
		Map<String, IndexAliases> aliases = client.indices().getAlias((request) -> request.name(PostingIndex.ALIAS)).aliases();
		assertThat(aliases).containsOnlyKeys("postings-v2");
		assertThat(aliases.get("postings-v2").aliases().get(PostingIndex.ALIAS).isWriteIndex()).isTrue();
		assertThat(client.indices().exists((request) -> request.index("postings-v1")).value()).isTrue();

		// and every posting is rescored with the current taxonomy
		String current = this.classifier.taxonomy().version();
		SearchResponse<PostingDocument> stale = client.search((search) -> search.index(PostingIndex.ALIAS)
			.query((query) -> query.bool((bool) -> bool
				.mustNot((not) -> not.term((term) -> term.field("taxonomyVersion").value(current)))))
			.size(10), PostingDocument.class);
		assertThat(stale.hits().total().value()).isZero();
		assertThat(count()).isEqualTo(1200);
		PostingDocument rescored = get(postings.get(500).id()).source();
		assertThat(rescored.role()).isEqualTo("technical-program-manager");
		assertThat(rescored.score()).isPositive();
		assertThat(rescored.indexedAt()).isEqualTo(then);

		// and the writes made during the reindex are there, rescored, and the tombstone held
		assertThat(get(updated.id()).source().title()).isEqualTo("Principal Technical Program Manager, Payments");
		assertThat(get(added.id()).found()).isTrue();
		assertThat(get(expired.id()).found()).isFalse();
		assertThat(result.caughtUp()).isEqualTo(2);
		assertThat(result.deleted()).isEqualTo(1);

		// and searches kept working throughout
		assertThat(searchFailure.get()).isNull();
		assertThat(searches.get()).isPositive();
	}

	private Classification classify(Posting posting) {
		return this.classifier.classify(posting.title(), posting.seniority(), posting.descriptionText());
	}

	private static GetResponse<PostingDocument> get(String id) throws IOException {
		return client.get((request) -> request.index(PostingIndex.ALIAS).id(id), PostingDocument.class);
	}

	private static long count() throws IOException {
		return client.count((request) -> request.index(PostingIndex.ALIAS)).count();
	}

	private static Posting posting(String title) {
		return posting("https://careers.reindex.example/jobs/" + UUID.randomUUID(), title);
	}

	private static Posting posting(String url, String title) {
		return new Posting(PostingIds.of(url), title, "senior", "Reindex Co", List.of(Location.of("Denver", "CO", "US")),
				Workplace.REMOTE, "remote", null, "FULL_TIME", LocalDate.of(2026, 11, 20), null, url, "<p>x</p>",
				"Drive programs across our data platform and cloud infrastructure teams. Agile, Scrum. PMP preferred.",
				List.of(new SourceRef("reindex", "json-ld-page", url)), Instant.now());
	}

}
