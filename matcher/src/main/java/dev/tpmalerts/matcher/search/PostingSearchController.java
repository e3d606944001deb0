package dev.tpmalerts.matcher.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;

import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.index.PostingIndex;
import dev.tpmalerts.matcher.search.PostingQuery.Sort;
import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recruiter search over matched postings: full text, filters on every facet, sorting by score or date, deep
 * pages through an opaque cursor (Elasticsearch's {@code search_after}, which costs the same on page 1 and page
 * 1,000, unlike {@code from}), facet counts, highlights, and each hit's score breakdown and tag evidence.
 */
@RestController
@RequestMapping("/api/postings")
class PostingSearchController {

	/** The facets counted for every search: the taxonomy's tag facets, then role, seniority and workplace. */
	static final List<String> COUNTED = counted();

	private final ElasticsearchClient client;

	PostingSearchController(ElasticsearchClient client) {
		this.client = client;
	}

	/** One hit: the posting's facets, its score breakdown, the evidence for every tag and the highlighted text. */
	record SearchHit(String id, String title, String company, List<String> locations, String workplace, String role,
			String seniority, int score, LocalDate datePosted, Salary salary, Object facetScores, Object evidence,
			Map<String, List<String>> highlights, String url) {

	}

	/** The annualised salary range and its currency, as the posting gave it. */
	record Salary(Double annualMin, Double annualMax, String currency) {

	}

	/**
	 * A page of hits; {@code next} is the cursor for the page after it ({@code after=...}), absent on the last.
	 * {@code facets} counts the postings matching the search by value of each facet.
	 */
	record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, String next) {

	}

	@GetMapping
	SearchResult search(@RequestParam MultiValueMap<String, String> parameters) throws IOException {
		PostingQuery query = PostingQuery.parse(parameters);
		SearchResponse<PostingDocument> response = this.client.search((search) -> {
			search.index(PostingIndex.ALIAS)
				.size(query.size())
				.trackTotalHits((total) -> total.enabled(true))
				.query(query(query))
				.sort(sort(query.sort()))
				.highlight((highlight) -> highlight.preTags("<em>")
					.postTags("</em>")
					.fields(List.of(NamedValue.of("title", HighlightField.of((field) -> field.numberOfFragments(0))),
							NamedValue.of("description",
									HighlightField.of((field) -> field.fragmentSize(160).numberOfFragments(3))))));
			query.after().ifPresent((after) -> search.searchAfter(after.stream().map(PostingSearchController::fieldValue).toList()));
			for (String facet : COUNTED) {
				search.aggregations(facet, (aggregation) -> aggregation.terms((terms) -> terms.field(facet).size(50)));
			}
			return search;
		}, PostingDocument.class);
		List<Hit<PostingDocument>> page = response.hits().hits();
		List<SearchHit> hits = page.stream().map(PostingSearchController::toHit).toList();
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		String next = (page.size() == query.size())
				? PostingQuery.cursor(query.sort(), page.get(page.size() - 1).sort().stream().map(FieldValue::_get).toList())
				: null;
		return new SearchResult(total, hits, facets(response.aggregations()), next);
	}

	private static Query query(PostingQuery query) {
		List<Query> filters = new ArrayList<>();
		terms(filters, "role", query.roles());
		terms(filters, "seniority", query.seniorities());
		query.facets().forEach((facet, ids) -> terms(filters, facet, ids));
		terms(filters, "workplace", query.workplaces());
		terms(filters, "countries", query.countries());
		if (!query.location().isEmpty()) {
			filters.add(Query.of((q) -> q.match((match) -> match.field("locations.text").query(query.location()).operator(Operator.And))));
		}
		if (query.currency() != null) {
			filters.add(Query.of((q) -> q.term((term) -> term.field("salaryCurrency").value(query.currency()))));
		}
		if (query.salaryMin() != null) {
			// The posting's range reaches the bound: by its top, or by its bottom when it states no top.
			double min = query.salaryMin();
			filters.add(Query.of((q) -> q.bool((bool) -> bool.minimumShouldMatch("1")
				.should((should) -> should.range((range) -> range.number((n) -> n.field("salaryAnnualMax").gte(min))))
				.should((should) -> should.bool((only) -> only
					.filter((f) -> f.range((range) -> range.number((n) -> n.field("salaryAnnualMin").gte(min))))
					.mustNot((not) -> not.exists((exists) -> exists.field("salaryAnnualMax"))))))));
		}
		if (query.salaryMax() != null) {
			double max = query.salaryMax();
			filters.add(Query.of((q) -> q.range((range) -> range.number((n) -> n.field("salaryAnnualMin").lte(max)))));
		}
		if (query.minScore() > 0) {
			filters.add(Query.of((q) -> q.range((range) -> range.number((n) -> n.field("score").gte((double) query.minScore())))));
		}
		if (query.postedSince() != null) {
			filters.add(Query.of((q) -> q.range((range) -> range.date((d) -> d.field("datePosted").gte(query.postedSince().toString())))));
		}
		Query text = query.text().isEmpty() ? Query.of((q) -> q.matchAll((all) -> all))
				: Query.of((q) -> q.multiMatch((match) -> match.query(query.text()).fields("title^3", "description", "company.text")));
		return Query.of((q) -> q.bool((bool) -> bool.must(text).filter(filters)));
	}

	private static void terms(List<Query> filters, String field, List<String> values) {
		if (!values.isEmpty()) {
			filters.add(Query.of((q) -> q.terms((terms) -> terms.field(field)
				.terms((t) -> t.value(values.stream().map(FieldValue::of).toList())))));
		}
	}

	/** Ties end on the id, so that every hit has a distinct position and a cursor never skips or repeats one. */
	private static List<SortOptions> sort(Sort sort) {
		SortOptions score = SortOptions.of((s) -> s.field((f) -> f.field("score").order(SortOrder.Desc)));
		SortOptions date = SortOptions.of((s) -> s.field((f) -> f.field("datePosted").order(SortOrder.Desc)));
		SortOptions id = SortOptions.of((s) -> s.field((f) -> f.field("id").order(SortOrder.Asc)));
		return (sort == Sort.SCORE) ? List.of(score, date, id) : List.of(date, score, id);
	}

	private static FieldValue fieldValue(Object value) {
		if (value instanceof Integer || value instanceof Long) {
			return FieldValue.of(((Number) value).longValue());
		}
		if (value instanceof Number number) {
			return FieldValue.of(number.doubleValue());
		}
		if (value instanceof String text) {
			return FieldValue.of(text);
		}
		throw new BadParameterException("after", "after is not a cursor this search handed out");
	}

	private static Map<String, Map<String, Long>> facets(Map<String, Aggregate> aggregations) {
		Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
		for (String facet : COUNTED) {
			Map<String, Long> counts = new LinkedHashMap<>();
			Aggregate aggregate = aggregations.get(facet);
			if (aggregate != null && aggregate.isSterms()) {
				aggregate.sterms().buckets().array().forEach((bucket) -> counts.put(bucket.key().stringValue(), bucket.docCount()));
			}
			facets.put(facet, counts);
		}
		return facets;
	}

	private static SearchHit toHit(Hit<PostingDocument> hit) {
		PostingDocument doc = hit.source();
		Salary salary = (doc.salaryCurrency() != null)
				? new Salary(doc.salaryAnnualMin(), doc.salaryAnnualMax(), doc.salaryCurrency()) : null;
		return new SearchHit(doc.id(), doc.title(), doc.company(), doc.locations(), doc.workplace(), doc.role(),
				doc.seniority(), doc.score(), doc.datePosted(), salary, doc.facetScores(), doc.evidence(),
				Map.copyOf(hit.highlight()), doc.url());
	}

	private static List<String> counted() {
		List<String> counted = new ArrayList<>(TaxonomyIds.FACETS.keySet().stream().sorted().toList());
		counted.addAll(List.of("role", "seniority", "workplace"));
		return List.copyOf(counted);
	}

}
