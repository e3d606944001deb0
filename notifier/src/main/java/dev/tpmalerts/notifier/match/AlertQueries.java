package dev.tpmalerts.notifier.match;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.shared.PostingMatched;

/**
 * Alert criteria as a Lucene query over {@link PostingDocuments}, plus the checks a term index cannot make (score
 * and salary, numbers). Together they say exactly what {@link AlertCriteria#matches} says: a test compares both on
 * thousands of generated alerts and postings. Only term and phrase clauses go into the query, so that the
 * monitor's presearcher can index every alert under terms and never has to try an alert on every posting.
 */
final class AlertQueries {

	private AlertQueries() {
	}

	/** The term part of the criteria; empty when they have none (the alert matches every posting on terms). */
	static Optional<Query> of(AlertCriteria criteria) {
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		int clauses = 0;
		clauses += anyOf(query, criteria.roles(), (role) -> new Term(PostingDocuments.ROLE, role));
		clauses += anyOf(query, criteria.seniorities(), (seniority) -> new Term(PostingDocuments.SENIORITY, seniority));
		for (Map.Entry<String, List<String>> facet : criteria.facets().entrySet()) {
			clauses += anyOf(query, facet.getValue(),
					(id) -> new Term(PostingDocuments.FACET, PostingDocuments.facetTerm(facet.getKey(), id)));
		}
		clauses += anyOf(query, criteria.locations(),
				(place) -> new Term(PostingDocuments.LOCATION, PostingDocuments.place(place)));
		clauses += anyOf(query, criteria.workplaces(), (workplace) -> new Term(PostingDocuments.WORKPLACE, workplace.name()));
		for (String keyword : criteria.keywords()) {
			List<String> words = AlertCriteria.words(keyword);
			if (words.size() == 1) {
				query.add(new TermQuery(new Term(PostingDocuments.TEXT, words.get(0))), Occur.FILTER);
			}
			else {
				query.add(new PhraseQuery(PostingDocuments.TEXT, words.toArray(String[]::new)), Occur.FILTER);
			}
			clauses++;
		}
		return (clauses == 0) ? Optional.empty() : Optional.of(query.build());
	}

	/**
	 * What the query leaves out: the posting is live, its score reaches the minimum and its salary the minimum
	 * pay. Cheap, so it runs on every candidate the query let through.
	 */
	static boolean meetsNumbers(AlertCriteria criteria, PostingMatched matched) {
		return !matched.expired() && matched.posting() != null && criteria.meetsNumbers(matched);
	}

	private static <T> int anyOf(BooleanQuery.Builder query, List<T> values, Function<T, Term> term) {
		if (values.isEmpty()) {
			return 0;
		}
		if (values.size() == 1) {
			query.add(new TermQuery(term.apply(values.get(0))), Occur.FILTER);
			return 1;
		}
		BooleanQuery.Builder any = new BooleanQuery.Builder();
		for (T value : values) {
			any.add(new TermQuery(term.apply(value)), Occur.SHOULD);
		}
		query.add(any.build(), Occur.FILTER);
		return 1;
	}

}
