package dev.tpmalerts.notifier.match;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.monitor.CandidateMatcher;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermWeightor;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.PostingMatched;

/**
 * The live alerts in a lucene-monitor reverse index: a posting becomes one in-memory document, the presearcher
 * picks the alerts whose rarest terms it contains, and only those run their query. Alerts with no term criterion
 * at all (only a score or a salary, or nothing) would be candidates for every posting, so they sit in a small
 * list of their own instead.
 * <p>
 * No longer the notifier's matcher: {@link AlertIndex} is, because a candidate costs 100–300 µs here (a stored-field
 * read and a Lucene query each) against tens of nanoseconds there. Kept so that {@code ./tpm-alerts bench alerts}
 * can measure both, and as the second, independent implementation the equality tests compare.
 */
public class MonitorAlertMatcher implements KeptAlerts, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MonitorAlertMatcher.class);

	/**
	 * Which term of a conjunction the presearcher indexes an alert under. A role, a workplace or a seniority is
	 * shared by a large part of all alerts and postings, so it is the last choice; a keyword or a place is rare.
	 */
	private static final TermWeightor WEIGHTS = TermWeightor.combine(
			TermWeightor.fieldWeightor(0.1, PostingDocuments.ROLE, PostingDocuments.WORKPLACE),
			TermWeightor.fieldWeightor(0.3, PostingDocuments.SENIORITY),
			TermWeightor.fieldWeightor(0.6, PostingDocuments.FACET), TermWeightor.lengthWeightor(3, 0.3f));

	private final Monitor monitor;

	/** Alerts in the monitor, by their query id (the alert id). */
	private final Map<String, SavedAlert> indexed = new ConcurrentHashMap<>();

	/** Alerts without a term criterion, checked on every posting. */
	private final Map<String, SavedAlert> unconditional = new ConcurrentHashMap<>();

	public MonitorAlertMatcher() {
		this(2);
	}

	/** @param passes the presearcher's passes: with two, a candidate must hold two of an alert's terms, not one */
	public MonitorAlertMatcher(int passes) {
		Presearcher presearcher = new MultipassTermFilteredPresearcher(passes, 0, WEIGHTS, List.of(), Set.of());
		try {
			this.monitor = new Monitor(new WordsAnalyzer(), presearcher);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open the in-memory alert index", ex);
		}
	}

	@Override
	public List<SavedAlert> matching(PostingMatched matched) {
		return match(matched).alerts();
	}

	/** The alerts a posting matches and how many queries the monitor ran to find them. */
	public record Matches(List<SavedAlert> alerts, int candidates) {

	}

	/** {@link #matching}, with the number of candidates (queries run, plus the unconditional alerts). */
	public Matches match(PostingMatched matched) {
		if (matched.expired() || matched.posting() == null) {
			return new Matches(List.of(), 0);
		}
		List<SavedAlert> found = new ArrayList<>();
		for (SavedAlert alert : this.unconditional.values()) {
			if (AlertQueries.meetsNumbers(alert.criteria(), matched)) {
				found.add(alert);
			}
		}
		MatchingQueries<QueryMatch> result;
		try {
			result = this.monitor.match(PostingDocuments.of(matched), (searcher) -> new Verifier(searcher, matched));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot match posting " + matched.postingId() + " against the alert index", ex);
		}
		if (!result.getErrors().isEmpty()) {
			Map.Entry<String, Exception> first = result.getErrors().entrySet().iterator().next();
			throw new IllegalStateException("Alert " + first.getKey() + " failed on posting " + matched.postingId()
					+ " (and " + (result.getErrors().size() - 1) + " more)", first.getValue());
		}
		for (QueryMatch match : result.getMatches()) {
			SavedAlert alert = this.indexed.get(match.getQueryId());
			if (alert != null) {
				found.add(alert);
			}
		}
		return new Matches(found, result.getQueriesRun() + this.unconditional.size());
	}

	/** Adds or replaces one alert. */
	public void put(SavedAlert alert) {
		putAll(List.of(alert));
	}

	/** Adds or replaces alerts, in one index update (much faster than one by one when rebuilding). */
	public void putAll(Collection<SavedAlert> alerts) {
		List<MonitorQuery> queries = new ArrayList<>(alerts.size());
		List<String> leaving = new ArrayList<>();
		for (SavedAlert alert : alerts) {
			String id = alert.id().toString();
			Optional<Query> query;
			try {
				query = AlertQueries.of(alert.criteria());
			}
			catch (RuntimeException ex) {
				// Criteria are validated before they are saved; one that is not must not stop the others.
				logger.error("Alert {} has criteria the index cannot read and is left out of matching: {}", id,
						ex.toString());
				remove(alert.id());
				continue;
			}
			if (query.isPresent()) {
				this.indexed.put(id, alert);
				queries.add(new MonitorQuery(id, query.get()));
				this.unconditional.remove(id);
			}
			else {
				this.unconditional.put(id, alert);
				if (this.indexed.remove(id) != null) {
					leaving.add(id);
				}
			}
		}
		try {
			if (!queries.isEmpty()) {
				this.monitor.register(queries);
			}
			if (!leaving.isEmpty()) {
				this.monitor.deleteById(leaving);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot update the in-memory alert index", ex);
		}
	}

	/** Takes an alert out of matching; nothing happens when it is not there. */
	public void remove(UUID alertId) {
		String id = alertId.toString();
		this.unconditional.remove(id);
		if (this.indexed.containsKey(id)) {
			try {
				this.monitor.deleteById(id);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot update the in-memory alert index", ex);
			}
			this.indexed.remove(id);
		}
	}

	/** The alert as the index holds it. */
	public Optional<SavedAlert> find(UUID alertId) {
		String id = alertId.toString();
		SavedAlert alert = this.indexed.get(id);
		return Optional.ofNullable((alert != null) ? alert : this.unconditional.get(id));
	}

	/** The ids of every alert in the index. */
	public Set<UUID> ids() {
		Set<UUID> ids = new HashSet<>();
		this.indexed.values().forEach((alert) -> ids.add(alert.id()));
		this.unconditional.values().forEach((alert) -> ids.add(alert.id()));
		return ids;
	}

	public int size() {
		return this.indexed.size() + this.unconditional.size();
	}

	/** How many alerts have no term criterion and are tried on every posting. */
	public int unconditionalCount() {
		return this.unconditional.size();
	}

	@Override
	public void close() throws IOException {
		this.monitor.close();
	}

	/**
	 * Runs a candidate's query only when the posting passes its numbers first: a comparison of two ints is
	 * cheaper than a phrase query.
	 */
	private final class Verifier extends CandidateMatcher<QueryMatch> {

		private final PostingMatched matched;

		Verifier(IndexSearcher searcher, PostingMatched matched) {
			super(searcher);
			this.matched = matched;
		}

		@Override
		protected void matchQuery(String queryId, Query matchQuery, Map<String, String> metadata) throws IOException {
			SavedAlert alert = MonitorAlertMatcher.this.indexed.get(queryId);
			if (alert != null && AlertQueries.meetsNumbers(alert.criteria(), this.matched)
					&& this.searcher.count(matchQuery) > 0) {
				addMatch(new QueryMatch(queryId), 0);
			}
		}

		@Override
		public QueryMatch resolve(QueryMatch match1, QueryMatch match2) {
			return match1;
		}

	}

}
