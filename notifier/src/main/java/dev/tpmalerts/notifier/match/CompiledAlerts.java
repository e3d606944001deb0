package dev.tpmalerts.notifier.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.Workplace;

/**
 * An alert as one run of ints (a record), at {@code base} in a larger array: its ids, then what matching reads
 * (the minimum score, then one clause per criterion, the clause the alert is filed under first), then the criteria
 * themselves as string ids, from which the alert is rebuilt equal to what was put. One run of ints in a shared
 * array instead of a record object, eleven lists and their strings is what lets a million alerts fit in a couple of
 * hundred megabytes, and lets matching read an alert with one cache miss. Offsets below are from {@code base}:
 *
 * <pre>
 * [0] the record's length     [1..8] alert id and account id, most then least significant bits, high int first
 * [9] minimum score, or Integer.MIN_VALUE      [10] where the stored criteria start (S)
 * [11] the word a phrase clause is filed under, or -1 when the first clause is an any-of clause
 * [12..S) clauses: header (kind &lt;&lt; 24 | n), then n ints
 *        ANY: term ids, one of which the posting must hold; PHRASE: word ids, in order;
 *        SALARY: currency string id, the amount's double bits (high, low)
 * [S..]  frequency (ordinal + 1, 0 for none), a bit mask of the non-empty lists, each such list as its size then
 *        its string ids (workplaces as ordinals), then 0 or 1 + salary (amount high, low, currency id), then 0 or
 *        1 + minimum score
 * </pre>
 */
final class CompiledAlerts {

	static final int ANY = 1;

	static final int PHRASE = 2;

	static final int SALARY = 3;

	static final int LENGTH = 0;

	static final int IDS = 1;

	static final int SCORE = 9;

	private static final int STORED = 10;

	private static final int PHRASE_TERM = 11;

	static final int CLAUSES = 12;

	private CompiledAlerts() {
	}

	/**
	 * The alert's record (at base 0), or empty when the index cannot hold it (no term criterion at all, or criteria
	 * that were never validated: a null value, a keyword without a word, a salary without amount or currency, no
	 * account): such alerts are checked with {@link AlertCriteria#matches} on every posting.
	 */
	static Optional<int[]> compile(SavedAlert alert, Vocabulary vocabulary) {
		AlertCriteria criteria = alert.criteria();
		Frequency frequency = alert.frequency();
		if (alert.id() == null || alert.accountId() == null || !isWellFormed(criteria)) {
			return Optional.empty();
		}
		List<Clause> clauses = new ArrayList<>();
		anyOf(clauses, criteria.roles(), vocabulary::role);
		anyOf(clauses, criteria.seniorities(), vocabulary::seniority);
		for (Map.Entry<String, List<String>> facet : criteria.facets().entrySet()) {
			anyOf(clauses, facet.getValue(), (id) -> vocabulary.facet(facet.getKey(), id));
		}
		anyOf(clauses, criteria.locations(), vocabulary::place);
		anyOf(clauses, criteria.workplaces(), vocabulary::workplace);
		for (String keyword : criteria.keywords()) {
			List<String> words = AlertCriteria.words(keyword);
			if (words.size() == 1) {
				int term = vocabulary.word(words.get(0));
				clauses.add(new Clause(ANY, new int[] { term }));
			}
			else {
				int[] ids = words.stream().mapToInt(vocabulary::word).toArray();
				clauses.add(new Clause(PHRASE, ids));
			}
		}
		if (clauses.isEmpty()) {
			return Optional.empty();
		}
		IntArray out = new IntArray(64);
		out.add(0);
		for (long bits : new long[] { alert.id().getMostSignificantBits(), alert.id().getLeastSignificantBits(),
				alert.accountId().getMostSignificantBits(), alert.accountId().getLeastSignificantBits() }) {
			out.add((int) (bits >>> 32));
			out.add((int) bits);
		}
		out.add((criteria.minScore() != null) ? criteria.minScore() : Integer.MIN_VALUE);
		out.add(0);
		out.add(-1);
		for (Clause clause : clauses) {
			out.add((clause.kind() << 24) | clause.terms().length);
			out.addAll(clause.terms());
		}
		MinimumSalary salary = criteria.minSalary();
		if (salary != null) {
			long bits = Double.doubleToRawLongBits(salary.amount());
			out.add((SALARY << 24) | 3);
			out.add(vocabulary.string(salary.currency()));
			out.add((int) (bits >>> 32));
			out.add((int) bits);
		}
		out.set(STORED, out.size());
		store(out, criteria, frequency, vocabulary);
		out.set(LENGTH, out.size());
		int[] data = out.toArray();
		order(data, 0, vocabulary);
		return Optional.of(data);
	}

	/**
	 * Puts first the clause the fewest postings meet, by the vocabulary's shares as they are now: the alert is filed
	 * under it (a phrase under its rarest word). The others follow rarest first, so that a candidate that fails,
	 * fails early; the salary last.
	 */
	static void order(int[] data, int base, Vocabulary vocabulary) {
		int end = base + data[base + STORED];
		List<double[]> clauses = new ArrayList<>();
		for (int at = base + CLAUSES; at < end; at += 1 + (data[at] & 0xFFFFFF)) {
			int kind = data[at] >>> 24;
			int n = data[at] & 0xFFFFFF;
			double share = 0;
			int rarest = -1;
			if (kind == ANY) {
				for (int k = at + 1; k <= at + n; k++) {
					share += vocabulary.share(data[k]);
				}
			}
			else if (kind == PHRASE) {
				share = Double.MAX_VALUE;
				for (int k = at + 1; k <= at + n; k++) {
					if (vocabulary.share(data[k]) < share) {
						share = vocabulary.share(data[k]);
						rarest = data[k];
					}
				}
			}
			else {
				share = Double.POSITIVE_INFINITY;
			}
			clauses.add(new double[] { share, at, rarest });
		}
		clauses.sort(Comparator.comparingDouble((double[] clause) -> clause[0]));
		int[] ordered = new int[end - base - CLAUSES];
		int to = 0;
		for (double[] clause : clauses) {
			int at = (int) clause[1];
			int length = 1 + (data[at] & 0xFFFFFF);
			System.arraycopy(data, at, ordered, to, length);
			to += length;
		}
		System.arraycopy(ordered, 0, data, base + CLAUSES, ordered.length);
		data[base + PHRASE_TERM] = (int) clauses.get(0)[2];
	}

	/** The index's terms of the alert: one list entry for each. */
	static int[] indexTerms(int[] data, int base) {
		if (data[base + PHRASE_TERM] >= 0) {
			return new int[] { data[base + PHRASE_TERM] };
		}
		int n = data[base + CLAUSES] & 0xFFFFFF;
		return Arrays.copyOfRange(data, base + CLAUSES + 1, base + CLAUSES + 1 + n);
	}

	/**
	 * Writes to {@code into[at]} and {@code into[at + 1]} two terms the posting must hold besides the filing ones,
	 * from the rarest clauses after the first that name one term only (a keyword, a phrase's first word, a single
	 * city...); -1 where there is none.
	 */
	static void checks(int[] data, int base, int[] into, int at) {
		into[at] = -1;
		into[at + 1] = -1;
		int found = 0;
		int end = base + data[base + STORED];
		int first = base + CLAUSES;
		for (int i = first + 1 + (data[first] & 0xFFFFFF); i < end && found < 2; i += 1 + (data[i] & 0xFFFFFF)) {
			int kind = data[i] >>> 24;
			if (kind == PHRASE || (kind == ANY && (data[i] & 0xFFFFFF) == 1)) {
				into[at + found++] = data[i + 1];
			}
		}
	}

	/**
	 * Whether the posting meets every clause. {@code via} is the term whose list offered the alert: an alert is
	 * accepted only from the first of its filing terms that the posting holds, so it is never found twice.
	 */
	static boolean matches(int[] data, int base, PostingTerms posting, int via, Vocabulary vocabulary) {
		if (posting.score < data[base + SCORE]) {
			return false;
		}
		int end = base + data[base + STORED];
		int at = base + CLAUSES;
		int header = data[at];
		int n = header & 0xFFFFFF;
		if ((header >>> 24) == ANY) {
			for (int k = at + 1; k <= at + n; k++) {
				if (posting.has(data[k])) {
					if (data[k] != via) {
						return false;
					}
					break;
				}
			}
		}
		else if (!posting.hasPhrase(data, at + 1, n)) {
			return false;
		}
		for (at += 1 + n; at < end; at += 1 + n) {
			header = data[at];
			n = header & 0xFFFFFF;
			switch (header >>> 24) {
				case ANY -> {
					boolean any = false;
					for (int k = at + 1; k <= at + n && !any; k++) {
						any = posting.has(data[k]);
					}
					if (!any) {
						return false;
					}
				}
				case PHRASE -> {
					if (!posting.hasPhrase(data, at + 1, n)) {
						return false;
					}
				}
				default -> {
					double amount = Double.longBitsToDouble(longAt(data, at + 2));
					if (posting.currency == null || !posting.currency.equalsIgnoreCase(vocabulary.string(data[at + 1]))
							|| posting.annualTop == null || posting.annualTop < amount) {
						return false;
					}
				}
			}
		}
		return true;
	}

	/** The alert as it was put. */
	static SavedAlert saved(int[] data, int base, Vocabulary vocabulary) {
		int ordinal = data[base + data[base + STORED]];
		return new SavedAlert(new UUID(longAt(data, base + IDS), longAt(data, base + IDS + 2)),
				new UUID(longAt(data, base + IDS + 4), longAt(data, base + IDS + 6)), criteria(data, base, vocabulary),
				(ordinal == 0) ? null : Frequency.values()[ordinal - 1]);
	}

	static boolean hasId(int[] data, int base, long most, long least) {
		return longAt(data, base + IDS) == most && longAt(data, base + IDS + 2) == least;
	}

	/** The alert id's most and least significant bits. */
	static long[] longs(int[] data, int base) {
		return new long[] { longAt(data, base + IDS), longAt(data, base + IDS + 2) };
	}

	static UUID id(int[] data, int base) {
		return new UUID(longAt(data, base + IDS), longAt(data, base + IDS + 2));
	}

	private static long longAt(int[] data, int at) {
		return ((long) data[at] << 32) | (data[at + 1] & 0xFFFFFFFFL);
	}

	private static AlertCriteria criteria(int[] data, int base, Vocabulary vocabulary) {
		int[] at = { base + data[base + STORED] + 1 };
		int mask = data[at[0]++];
		List<List<String>> lists = new ArrayList<>(10);
		for (int list = 0; list < 10; list++) {
			lists.add(((mask & (1 << list)) != 0) ? strings(data, at, vocabulary) : null);
		}
		List<Workplace> workplaces = null;
		if ((mask & (1 << 10)) != 0) {
			int n = data[at[0]++];
			workplaces = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				workplaces.add(Workplace.values()[data[at[0]++]]);
			}
		}
		MinimumSalary salary = null;
		if (data[at[0]++] == 1) {
			double amount = Double.longBitsToDouble(longAt(data, at[0]));
			salary = new MinimumSalary(amount, vocabulary.string(data[at[0] + 2]));
			at[0] += 3;
		}
		Integer minScore = (data[at[0]++] == 1) ? data[at[0]] : null;
		return new AlertCriteria(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4), lists.get(5),
				lists.get(6), lists.get(7), lists.get(8), lists.get(9), workplaces, salary, minScore);
	}

	private static List<String> strings(int[] data, int[] at, Vocabulary vocabulary) {
		int n = data[at[0]++];
		String[] values = new String[n];
		for (int i = 0; i < n; i++) {
			values[i] = vocabulary.string(data[at[0]++]);
		}
		// A fixed-size view: AlertCriteria copies every list it is given anyway.
		return Arrays.asList(values);
	}

	private static void store(IntArray out, AlertCriteria criteria, Frequency frequency, Vocabulary vocabulary) {
		out.add((frequency != null) ? frequency.ordinal() + 1 : 0);
		List<List<String>> lists = stringLists(criteria);
		int mask = 0;
		for (int list = 0; list < lists.size(); list++) {
			mask |= lists.get(list).isEmpty() ? 0 : 1 << list;
		}
		mask |= criteria.workplaces().isEmpty() ? 0 : 1 << 10;
		out.add(mask);
		for (List<String> list : lists) {
			if (!list.isEmpty()) {
				out.add(list.size());
				list.forEach((value) -> out.add(vocabulary.string(value)));
			}
		}
		if (!criteria.workplaces().isEmpty()) {
			out.add(criteria.workplaces().size());
			criteria.workplaces().forEach((workplace) -> out.add(workplace.ordinal()));
		}
		MinimumSalary salary = criteria.minSalary();
		if (salary == null) {
			out.add(0);
		}
		else {
			long bits = Double.doubleToRawLongBits(salary.amount());
			out.add(1);
			out.add((int) (bits >>> 32));
			out.add((int) bits);
			out.add(vocabulary.string(salary.currency()));
		}
		out.add((criteria.minScore() != null) ? 1 : 0);
		if (criteria.minScore() != null) {
			out.add(criteria.minScore());
		}
	}

	/** In the order of the record's components, up to the locations. */
	private static List<List<String>> stringLists(AlertCriteria criteria) {
		return List.of(criteria.keywords(), criteria.roles(), criteria.seniorities(), criteria.certifications(),
				criteria.degrees(), criteria.methodologies(), criteria.technical(), criteria.industries(),
				criteria.skills(), criteria.locations());
	}

	private static boolean isWellFormed(AlertCriteria criteria) {
		for (List<String> list : stringLists(criteria)) {
			if (hasNull(list)) {
				return false;
			}
		}
		for (String keyword : criteria.keywords()) {
			if (AlertCriteria.words(keyword).isEmpty()) {
				return false;
			}
		}
		MinimumSalary salary = criteria.minSalary();
		return !hasNull(criteria.workplaces())
				&& (salary == null || (salary.amount() != null && salary.currency() != null));
	}

	/** Not {@code contains(null)}: List.of throws on that. */
	private static boolean hasNull(List<?> values) {
		for (Object value : values) {
			if (value == null) {
				return true;
			}
		}
		return false;
	}

	private static <T> void anyOf(List<Clause> clauses, List<T> values, ToIntFunction<T> term) {
		if (values.isEmpty()) {
			return;
		}
		Set<Integer> terms = new LinkedHashSet<>();
		values.forEach((value) -> terms.add(term.applyAsInt(value)));
		clauses.add(new Clause(ANY, terms.stream().mapToInt(Integer::intValue).toArray()));
	}

	private record Clause(int kind, int[] terms) {

	}

	/** A growable int array. */
	static final class IntArray {

		private int[] values;

		private int size;

		IntArray(int capacity) {
			this.values = new int[capacity];
		}

		void add(int value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		void addAll(int[] more) {
			for (int value : more) {
				add(value);
			}
		}

		void set(int index, int value) {
			this.values[index] = value;
		}

		int size() {
			return this.size;
		}

		int[] toArray() {
			return Arrays.copyOf(this.values, this.size);
		}

	}

}
