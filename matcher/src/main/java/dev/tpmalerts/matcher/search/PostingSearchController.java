package dev.tpmalerts.matcher.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;

import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.index.PostingIndex;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Searches matched postings: full text plus role and minimum-score filters, best score first. */
@RestController
@RequestMapping("/api/postings")
class PostingSearchController {

	private final ElasticsearchClient client;

	PostingSearchController(ElasticsearchClient client) {
		this.client = client;
	}

	/** One hit: the posting's facets, its score breakdown and the evidence for every tag. */
	record SearchHit(String id, String title, String company, List<String> locations, String workplace, String role,
			String seniority, int score, Object facetScores, Object evidence, String url) {

	}

	record SearchResult(long total, List<SearchHit> hits) {

	}

	@GetMapping
	SearchResult search(@RequestParam(required = false) String q, @RequestParam(required = false) String role,
			@RequestParam(defaultValue = "0") int minScore, @RequestParam(defaultValue = "20") int size)
			throws IOException {
		if (size < 1 || size > 100) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "size must be between 1 and 100, was " + size);
		}
		List<Query> filters = new ArrayList<>();
		if (role != null && !role.isBlank()) {
			filters.add(Query.of((query) -> query.term((term) -> term.field("role").value(role))));
		}
		if (minScore > 0) {
			filters.add(Query.of((query) -> query.range((range) -> range.number((n) -> n.field("score").gte((double) minScore)))));
		}
		Query text = (q == null || q.isBlank()) ? Query.of((query) -> query.matchAll((all) -> all))
				: Query.of((query) -> query.multiMatch((match) -> match.query(q).fields("title^3", "description", "company.text")));
		SearchResponse<PostingDocument> response = this.client.search((search) -> search.index(PostingIndex.ALIAS)
			.size(size)
			.query((query) -> query.bool((bool) -> bool.must(text).filter(filters)))
			.sort((sort) -> sort.field((field) -> field.field("score").order(SortOrder.Desc))), PostingDocument.class);
		List<SearchHit> hits = response.hits().hits().stream().map(Hit::source).map(PostingSearchController::toHit).toList();
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		return new SearchResult(total, hits);
	}

	private static SearchHit toHit(PostingDocument doc) {
		return new SearchHit(doc.id(), doc.title(), doc.company(), doc.locations(), doc.workplace(), doc.role(),
				doc.seniority(), doc.score(), doc.facetScores(), doc.evidence(), doc.url());
	}

}
