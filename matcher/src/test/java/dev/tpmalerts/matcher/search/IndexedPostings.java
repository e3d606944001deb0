package dev.tpmalerts.matcher.search;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;

import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.index.PostingIndex;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SourceRef;
import dev.tpmalerts.shared.Workplace;

/**
 * Postings for the search tests, classified as the matcher does and indexed on the shared Elasticsearch node. Each
 * set carries a word of its own in every description, searched for, so that other tests' postings do not count.
 */
final class IndexedPostings {

	private static final PostingClassifier classifier = new PostingClassifier(Taxonomy.load());

	private final ElasticsearchClient client;

	private final String word;

	IndexedPostings(ElasticsearchClient client) {
		this.client = client;
		this.word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).replaceAll("[0-9]", "x");
	}

	/** The word every posting of this set carries. */
	String word() {
		return this.word;
	}

	/** A posting whose description is {@code text} with {@code %s} replaced by this set's word. */
	Posting posting(String title, Location location, Workplace workplace, Salary salary, LocalDate posted, String text) {
		String url = "https://careers.search-it.example/jobs/" + UUID.randomUUID();
		return new Posting(PostingIds.of(url), title, null, "Searchco " + title.toLowerCase(Locale.ROOT).charAt(0),
				List.of(location), workplace, workplace.name().toLowerCase(Locale.ROOT), salary, "FULL_TIME", posted,
				null, url, "<p>x</p>", text.formatted(this.word), List.of(new SourceRef("search-it", "json-ld-page", url)),
				Instant.now());
	}

	/** Indexes the postings, visible to the next search. */
	void index(List<Posting> postings) throws IOException {
		for (Posting posting : postings) {
			PostingDocument document = PostingDocument.of(posting, classifier.classify(posting), "search-it", Instant.now());
			this.client.index((index) -> index.index(PostingIndex.ALIAS).id(document.id()).document(document).refresh(Refresh.True));
		}
	}

}
