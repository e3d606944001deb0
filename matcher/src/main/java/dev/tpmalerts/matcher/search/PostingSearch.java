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
import io.swagger.v3.oas.annotations.media.Schema;

import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.index.PostingIndex;
import dev.tpmalerts.matcher.search.PostingQuery.Sort;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.stereotype.Component;

/**
 * The recruiter search over matched postings, for the JSON API and the search page alike: full text, filters,
 * sorting by score or date, deep pages through a signed cursor (Elasticsearch's {@code search_after}, which costs
 * the same on page 1 and page 1,000, unlike {@code from}), facet counts, highlights, and each hit's score breakdown
 * and tag evidence.
 *
 * <p>The facets' own filters (role, seniority, workplace, the taxonomy's tags) go into {@code post_filter}, after the
 * counting: each facet is counted with the other facets' filters but not its own, so ticking "remote" leaves the
 * counts of "hybrid" and "onsite" in view while narrowing every other facet's counts. The other filters (text,
 * location, country, salary, score, date) narrow everything, counts included.
 */
@Component
class PostingSearch {

	/** The facets counted for every search: the taxonomy's tag facets, then role, seniority and workplace. */
	static final List<String> COUNTED = counted();

	/** The terms aggregation inside each facet's filter aggregation. */
	private static final String VALUES = "values";

	private final ElasticsearchClient client;

	private final SearchCursors cursors;

	PostingSearch(ElasticsearchClient client, SearchCursors cursors) {
		this.client = client;
		this.cursors = cursors;
	}

	/** One hit: the posting's facets, its score breakdown, the evidence for every tag and the highlighted text. */
	record SearchHit(String id, String title, String company, List<String> locations, String workplace, String role,
			String seniority, int score, LocalDate datePosted, Salary salary,
			@Schema(description = "The points each facet contributed to the score (they add up to it)") Map<String, Integer> facetScores,
			@Schema(description = "Every tag with the text that made it and its offsets in the description") List<Tag> evidence,
			@Schema(description = "Fragments of title and description with the matched words") Map<String, List<Highlight>> highlights,
			String url) {

	}

	/** The annualised salary range and its currency, as the posting gave it. */
	record Salary(Double annualMin, Double annualMax, String currency) {

	}

	/**
	 * A page of hits; {@code next} is the cursor for the page after it ({@code after=...}), absent on the last.
	 * {@code facets} counts the postings by value of each facet, each facet under the other facets' filters only.
	 */
	record SearchResult(long total, List<SearchHit> hits,
			@Schema(description = "Per facet, the number of postings found for each value, counted with every filter but the facet's own") Map<String, Map<String, Long>> facets,
			@Schema(description = "The cursor for the next page, to pass as after; absent on the last page", nullable = true) String next) {

	}

	SearchResult search(PostingQuery query) throws IOException {
		Map<String, Query> facetFilters = new LinkedHashMap<>();
		query.facetFilters().forEach((field, values) -> facetFilters.put(field, terms(field, values)));
		SearchResponse<PostingDocument> response = this.client.search((search) -> {
			search.index(PostingIndex.ALIAS)
				.size(query.size())
				.trackTotalHits((total) -> total.enabled(true))
				.query(query(query))
				.sort(sort(query.sort()))
				.highlight((highlight) -> highlight.preTags(Highlight.PRE)
					.postTags(Highlight.POST)
					.fields(List.of(NamedValue.of("title", HighlightField.of((field) -> field.numberOfFragments(0))),
							NamedValue.of("description",
									HighlightField.of((field) -> field.fragmentSize(160).numberOfFragments(3))))));
			if (!facetFilters.isEmpty()) {
				search.postFilter(all(List.copyOf(facetFilters.values())));
			}
			query.after().ifPresent((after) -> search.searchAfter(after.stream().map(PostingSearch::fieldValue).toList()));
			for (String facet : COUNTED) {
				List<Query> others = facetFilters.entrySet().stream()
					.filter((filter) -> !filter.getKey().equals(facet))
					.map(Map.Entry::getValue)
					.toList();
				search.aggregations(facet, (aggregation) -> aggregation.filter(all(others))
					.aggregations(VALUES, (values) -> values.terms((terms) -> terms.field(facet).size(50))));
			}
			return search;
		}, PostingDocument.class);
		List<Hit<PostingDocument>> page = response.hits().hits();
		List<SearchHit> hits = page.stream().map(PostingSearch::toHit).toList();
		long total = (response.hits().total() != null) ? response.hits().total().value() : hits.size();
		String next = (page.size() == query.size())
				? this.cursors.write(query.sort(), page.get(page.size() - 1).sort().stream().map(FieldValue::_get).toList())
				: null;
		return new SearchResult(total, hits, facets(response.aggregations()), next);
	}

	/** The text and the filters that are not facets: they narrow the hits and every facet's counts. */
	private static Query query(PostingQuery query) {
		List<Query> filters = new ArrayList<>();
		if (!query.countries().isEmpty()) {
			filters.add(terms("countries", query.countries()));
		}
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

	private static Query terms(String field, List<String> values) {
		return Query.of((q) -> q.terms((terms) -> terms.field(field)
			.terms((t) -> t.value(values.stream().map(FieldValue::of).toList()))));
	}

	/** All of the filters; with none, every posting. */
	private static Query all(List<Query> filters) {
		return filters.isEmpty() ? Query.of((q) -> q.matchAll((all) -> all))
				: Query.of((q) -> q.bool((bool) -> bool.filter(filters)));
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
			Aggregate filtered = aggregations.get(facet);
			Aggregate aggregate = (filtered != null && filtered.isFilter()) ? filtered.filter().aggregations().get(VALUES) : null;
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
		Map<String, List<Highlight>> highlights = new LinkedHashMap<>();
		hit.highlight().forEach((field, fragments) -> highlights.put(field, fragments.stream().map(Highlight::of).toList()));
		return new SearchHit(doc.id(), doc.title(), doc.company(), doc.locations(), doc.workplace(), doc.role(),
				doc.seniority(), doc.score(), doc.datePosted(), salary, doc.facetScores(), doc.evidence(),
				highlights, doc.url());
	}

	private static List<String> counted() {
		List<String> counted = new ArrayList<>(TaxonomyIds.FACETS.keySet().stream().sorted().toList());
		counted.addAll(List.of("role", "seniority", "workplace"));
		return List.copyOf(counted);
	}

}
