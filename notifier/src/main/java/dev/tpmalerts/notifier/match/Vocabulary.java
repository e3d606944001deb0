package dev.tpmalerts.notifier.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import dev.tpmalerts.shared.Workplace;

/**
 * The ints the alert index works with: every value an alert asks for (a role, a place, a word of a keyword...) as
 * a term id, one number space for all kinds so a posting's terms fit one bit set; and every string an alert holds,
 * stored once, so a million alerts keep a few thousand strings instead of millions of copies. Neither shrinks: an
 * id stays valid while an alert may still hold it, and the values people type repeat.
 */
final class Vocabulary {

	/** Postings to see before the counted shares replace the guessed ones. */
	static final int LEARNED = 1_000;

	private static final int GUESS_WEIGHT = 20;

	/** How large a share of postings a term of each kind is found in, as a guess (see {@link #share}). */
	private static final double ROLE = 0.5;

	private static final double WORKPLACE = 0.4;

	private static final double SENIORITY = 0.25;

	private static final double FACET = 0.15;

	private static final double COUNTRY_OR_STATE = 0.2;

	private static final double PLACE = 0.02;

	private static final double COMMON_WORD = 0.6;

	private static final double SHORT_WORD = 0.2;

	private static final double WORD = 0.05;

	/** Words most TPM postings contain: an alert indexed under one of them would be tried on nearly every posting. */
	private static final Set<String> COMMON = Set.of("program", "programs", "manager", "management", "technical",
			"project", "projects", "product", "senior", "lead", "team", "teams", "engineering", "engineers", "the",
			"and", "of", "to", "in", "for", "with", "on", "or", "experience", "work", "we", "you", "our", "is", "are",
			"be", "as", "will", "at", "by", "from", "this", "your", "an", "that", "across", "delivery", "stakeholders",
			"cross", "functional");

	private final Map<String, Integer> roles = new HashMap<>();

	private final Map<String, Integer> seniorities = new HashMap<>();

	/** By facet, then NUL, then id. */
	private final Map<String, Integer> facets = new HashMap<>();

	/** By {@link #fold folded} place name. */
	private final Map<String, Integer> places = new HashMap<>();

	private final int[] workplaces = new int[Workplace.values().length];

	private final Map<String, Integer> words = new HashMap<>();

	/** The guessed share of postings of each term, by term id, until enough postings have been seen. */
	private double[] shares = new double[64];

	/**
	 * How many of the postings seen held each term. Incremented under the index's read lock by every matching
	 * thread, without synchronisation: an increment lost to a race only makes a statistic a little low.
	 */
	private int[] seen = new int[64];

	private final AtomicLong postings = new AtomicLong();

	private int termCount;

	private final Map<String, Integer> stringIds = new HashMap<>();

	private final List<String> strings = new ArrayList<>();

	Vocabulary() {
		java.util.Arrays.fill(this.workplaces, -1);
	}

	int termCount() {
		return this.termCount;
	}

	/**
	 * How large a share of postings the term is in: the index files an alert under its rarest terms. Guessed from
	 * the kind of term (a role is in most postings, a city in few) until {@value #LEARNED} postings have been seen,
	 * then counted, the guess weighing as much as {@value #GUESS_WEIGHT} postings.
	 */
	double share(int term) {
		long n = this.postings.get();
		if (n < LEARNED) {
			return this.shares[term];
		}
		return (this.seen[term] + this.shares[term] * GUESS_WEIGHT) / (n + GUESS_WEIGHT);
	}

	/** Counts the terms of a posting; returns how many postings have been seen. */
	long saw(PostingTerms posting) {
		int[] counts = this.seen;
		for (int i = 0; i < posting.presentCount(); i++) {
			counts[posting.present(i)]++;
		}
		return this.postings.incrementAndGet();
	}

	int role(String role) {
		return this.roles.computeIfAbsent(role, (key) -> newTerm(ROLE));
	}

	int seniority(String seniority) {
		return this.seniorities.computeIfAbsent(seniority, (key) -> newTerm(SENIORITY));
	}

	int facet(String facet, String id) {
		return this.facets.computeIfAbsent(facetKey(facet, id), (key) -> newTerm(FACET));
	}

	int place(String place) {
		String folded = fold(place);
		return this.places.computeIfAbsent(folded,
				(key) -> newTerm((key.length() <= 2) ? COUNTRY_OR_STATE : PLACE));
	}

	int workplace(Workplace workplace) {
		int ordinal = workplace.ordinal();
		if (this.workplaces[ordinal] < 0) {
			this.workplaces[ordinal] = newTerm(WORKPLACE);
		}
		return this.workplaces[ordinal];
	}

	/** A word as {@link dev.tpmalerts.notifier.alert.AlertCriteria#words} gives it (already lower-cased). */
	int word(String word) {
		return this.words.computeIfAbsent(word, (key) -> newTerm(
				COMMON.contains(key) ? COMMON_WORD : (key.length() <= 2) ? SHORT_WORD : WORD));
	}

	// Look-ups for a posting: -1 when no alert asks for the value.

	int roleOrNone(String role) {
		return this.roles.getOrDefault(role, -1);
	}

	int seniorityOrNone(String seniority) {
		return this.seniorities.getOrDefault(seniority, -1);
	}

	int facetOrNone(String facet, String id) {
		return this.facets.getOrDefault(facetKey(facet, id), -1);
	}

	int placeOrNone(String place) {
		return this.places.getOrDefault(fold(place), -1);
	}

	int workplaceOrNone(Workplace workplace) {
		return this.workplaces[workplace.ordinal()];
	}

	int wordOrNone(String word) {
		return this.words.getOrDefault(word, -1);
	}

	/** The one stored copy of a string, by id. */
	int string(String value) {
		Integer id = this.stringIds.get(value);
		if (id == null) {
			id = this.strings.size();
			this.strings.add(value);
			this.stringIds.put(value, id);
		}
		return id;
	}

	String string(int id) {
		return this.strings.get(id);
	}

	private int newTerm(double share) {
		if (this.termCount == this.shares.length) {
			this.shares = java.util.Arrays.copyOf(this.shares, this.shares.length * 2);
			this.seen = java.util.Arrays.copyOf(this.seen, this.shares.length);
		}
		this.shares[this.termCount] = share;
		return this.termCount++;
	}

	private static String facetKey(String facet, String id) {
		return facet + '\u0000' + id;
	}

	/**
	 * A place name such that two names fold equal exactly when {@link String#equalsIgnoreCase} holds: that method
	 * compares char by char, upper case first, then the lower case of the upper case. (Letters outside the Basic
	 * Multilingual Plane, which no place name uses, are left as they are.)
	 */
	static String fold(String place) {
		char[] chars = place.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
		}
		return new String(chars);
	}

}
