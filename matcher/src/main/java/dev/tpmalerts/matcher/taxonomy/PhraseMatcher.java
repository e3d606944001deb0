package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.tpmalerts.matcher.taxonomy.Tokens.Token;
import dev.tpmalerts.shared.Evidence;

/**
 * Finds taxonomy concepts in text by their surface forms, on word boundaries, ignoring case (except for forms
 * marked case-sensitive with a leading "="), folding plurals, and leaving out negated mentions ("no PMP
 * needed", "PMP not required").
 */
public final class PhraseMatcher {

	private static final List<String> NEGATION_BEFORE = List.of("no", "not", "without", "non", "nor");

	/** "PMP not required", "PMP isn't needed", "PMP is not mandatory". */
	private static final List<String> NEGATION_AFTER = List.of("not", "isn", "aren", "doesn");

	private static final List<String> NOT_NEEDED = List.of("required", "needed", "necessary", "mandatory", "essential",
			"need", "require");

	/** "PMP preferred but not required" still prefers a PMP. */
	private static final List<String> WANTED = List.of("preferred", "plus", "desired", "desirable", "bonus", "helpful",
			"beneficial", "advantage", "nice", "ideal", "ideally", "welcome", "valued", "appreciated");

	/** The kinds of word that {@link #isNegated} asks about, as bits. */
	private static final int IS_NEGATION_BEFORE = 1;

	private static final int IS_NEGATION_AFTER = 2;

	private static final int IS_NOT_NEEDED = 4;

	private static final int IS_WANTED = 8;

	/** Enough that the classifier can still show five after it leaves out the ones in boilerplate. */
	private static final int MAX_EVIDENCE = 50;

	/** The folded words of every form and every word {@link #isNegated} asks about; no other word needs a number. */
	private final Tokens.Vocabulary vocabulary;

	/** By vocabulary number: the forms that start with that word, or null. */
	private final Node[] formsByFirstWord;

	/** The most words a form has. */
	private final int longestForm;

	/** By vocabulary number: the {@code IS_} bits of that word. */
	private final byte[] kinds;

	/** The "t" of "isn't", which the check for "not required" after a mention steps over. */
	private final int contractionT;

	/** How many distinct concepts the forms carry, numbered from 0 in the order given. */
	private final int conceptCount;

	/**
	 * Each thread's {@link Found} for this matcher, emptied at the start of each call: a new one per text, with its
	 * arrays by concept, was 8% of all the bytes the classifier allocated.
	 */
	private final ThreadLocal<Found> scratch;

	public PhraseMatcher(List<Concept> concepts) {
		// Each distinct concept once: a record's hash code walks all its forms, so it is not asked per match.
		Map<Concept, Integer> numbers = new HashMap<>();
		List<Written> written = new ArrayList<>();
		Set<String> words = new LinkedHashSet<>();
		for (Concept concept : concepts) {
			for (String form : concept.forms()) {
				boolean caseSensitive = form.startsWith("=");
				List<Token> tokens = Tokens.of(caseSensitive ? form.substring(1) : form);
				if (tokens.isEmpty()) {
					continue;
				}
				int number = numbers.computeIfAbsent(concept, (key) -> numbers.size());
				written.add(new Written(concept, number, tokens, caseSensitive));
				tokens.forEach((token) -> words.add(token.folded()));
			}
		}
		this.conceptCount = numbers.size();
		List.of(NEGATION_BEFORE, NEGATION_AFTER, NOT_NEEDED, WANTED, List.of("t")).forEach(words::addAll);
		this.vocabulary = new Tokens.Vocabulary(words);
		this.kinds = new byte[this.vocabulary.size()];
		mark(NEGATION_BEFORE, IS_NEGATION_BEFORE);
		mark(NEGATION_AFTER, IS_NEGATION_AFTER);
		mark(NOT_NEEDED, IS_NOT_NEEDED);
		mark(WANTED, IS_WANTED);
		this.contractionT = this.vocabulary.number("t");
		this.formsByFirstWord = new Node[this.vocabulary.size()];
		int longestForm = 0;
		for (Written each : written) {
			List<Token> tokens = each.tokens();
			int first = this.vocabulary.number(tokens.get(0).folded());
			if (this.formsByFirstWord[first] == null) {
				this.formsByFirstWord[first] = new Node();
			}
			Node node = this.formsByFirstWord[first];
			for (Token token : tokens.subList(1, tokens.size())) {
				node = node.childFor(this.vocabulary.number(token.folded()));
			}
			node.add(new Form(each));
			longestForm = Math.max(longestForm, tokens.size());
		}
		this.longestForm = longestForm;
		this.scratch = ThreadLocal.withInitial(() -> new Found(this.conceptCount, this.longestForm));
	}

	private void mark(List<String> words, int kind) {
		for (String word : words) {
			this.kinds[this.vocabulary.number(word)] |= kind;
		}
	}

	/** A concept found in the text, with every place it was found (up to fifty). */
	public record Match(Concept concept, List<Evidence> evidence) {

	}

	public List<Match> find(String text) {
		Tokens.Numbered tokens = Tokens.numbered(text, this.vocabulary);
		Found found = this.scratch.get();
		found.clear();
		Node[] path = found.path;
		int[] matchedHere = found.matchedHere;
		for (int i = 0; i < tokens.size(); i++) {
			int word = tokens.number(i);
			Node node = (word >= 0) ? this.formsByFirstWord[word] : null;
			if (node == null) {
				continue;
			}
			// The forms whose folded words the text has from here, by their number of words less one.
			int depth = 0;
			path[depth++] = node;
			while (i + depth < tokens.size() && (node = node.child(tokens.number(i + depth))) != null) {
				path[depth++] = node;
			}
			// Longest first, each concept once.
			int matchedCount = 0;
			for (int last = i + depth - 1; last >= i; last--) {
				for (Form form : path[last - i].forms) {
					if (contains(matchedHere, matchedCount, form.number) || !form.isWrittenAt(tokens, i)
							|| isNegated(tokens, i, last)) {
						continue;
					}
					if (matchedCount == matchedHere.length) {
						matchedHere = Arrays.copyOf(matchedHere, matchedCount * 2);
					}
					matchedHere[matchedCount++] = form.number;
					found.add(form, tokens.start(i), tokens.end(last));
				}
			}
		}
		found.matchedHere = matchedHere;
		return found.matches(text);
	}

	private static boolean contains(int[] numbers, int count, int number) {
		for (int k = 0; k < count; k++) {
			if (numbers[k] == number) {
				return true;
			}
		}
		return false;
	}

	private boolean isNegated(Tokens.Numbered tokens, int first, int last) {
		// Negation reaches only within its clause: "No travel required. PMP preferred" prefers a PMP.
		for (int j = first - 1; j >= Math.max(0, first - 3) && !tokens.clauseBreakBefore(j + 1); j--) {
			if (is(tokens.number(j), IS_NEGATION_BEFORE)) {
				return true;
			}
		}
		// "PMP is not required", "PMP not needed", "PMP isn't required"; not "PMP preferred, not required"
		int limit = Math.min(tokens.size() - 1, last + 5);
		for (int j = last + 1; j < limit && !tokens.clauseBreakBefore(j); j++) {
			int word = tokens.number(j);
			if (is(word, IS_WANTED)) {
				return false;
			}
			int next = tokens.number(j + 1);
			if (next == this.contractionT && j + 2 < tokens.size()) {
				next = tokens.number(j + 2);
			}
			if (is(word, IS_NEGATION_AFTER) && is(next, IS_NOT_NEEDED)) {
				return true;
			}
		}
		return false;
	}

	private boolean is(int word, int kind) {
		return word >= 0 && (this.kinds[word] & kind) != 0;
	}

	/** A form as the taxonomy writes it, tokenised. */
	private record Written(Concept concept, int number, List<Token> tokens, boolean caseSensitive) {

	}

	/**
	 * The forms that start with one word, as a tree by their following folded words, so that the text's next tokens
	 * choose the one path along which forms can match.
	 */
	private static final class Node {

		/** The forms whose folded words end here, in the order the taxonomy gives them. */
		private Form[] forms = new Form[0];

		private int[] childWords = new int[0];

		private Node[] children = new Node[0];

		/**
		 * Bit {@code word % 64} set for each child's word: most words after a form's first word continue none of its
		 * forms, and one test tells so without the loop over the children.
		 */
		private long childBits;

		void add(Form form) {
			this.forms = Arrays.copyOf(this.forms, this.forms.length + 1);
			this.forms[this.forms.length - 1] = form;
		}

		Node childFor(int word) {
			Node child = child(word);
			if (child == null) {
				child = new Node();
				this.childWords = Arrays.copyOf(this.childWords, this.childWords.length + 1);
				this.childWords[this.childWords.length - 1] = word;
				this.children = Arrays.copyOf(this.children, this.children.length + 1);
				this.children[this.children.length - 1] = child;
				this.childBits |= 1L << word;
			}
			return child;
		}

		/** The child for the word with this vocabulary number, or null; none for -1. */
		Node child(int word) {
			// A shift by -1 tests bit 63, which is harmless: the loop tells for certain.
			if (((this.childBits >>> word) & 1) == 0) {
				return null;
			}
			for (int k = 0; k < this.childWords.length; k++) {
				if (this.childWords[k] == word) {
					return this.children[k];
				}
			}
			return null;
		}

	}

	/** A form in the tree: its concept, and its words as written for when case matters. */
	private static final class Form {

		private final Concept concept;

		private final int number;

		private final char[][] originals;

		private final boolean caseSensitive;

		Form(Written written) {
			this.concept = written.concept();
			this.number = written.number();
			this.originals = written.tokens().stream().map((token) -> token.original().toCharArray()).toArray(char[][]::new);
			this.caseSensitive = written.caseSensitive();
		}

		/** Whether the text from this token is written as the form, when case matters; its folded words match. */
		boolean isWrittenAt(Tokens.Numbered tokens, int at) {
			if (!this.caseSensitive) {
				return true;
			}
			for (int k = 0; k < this.originals.length; k++) {
				if (!tokens.isWritten(at + k, this.originals[k])) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * What {@link #find} has found so far: the places of each concept's mentions, by concept number in the order
	 * first found, as a LinkedHashMap keyed by the concept would keep them. Their text is cut at the end. Kept per
	 * thread between calls, with the other arrays {@code find} needs.
	 */
	private static final class Found {

		private final Concept[] concepts;

		private final int[] counts;

		private final int[] order;

		private int orderCount;

		/** Concept number, start and end of each mention kept, in the order found. */
		private int[] mentions = new int[3 * 128];

		private int mentionCount;

		/** By concept number: where its evidence starts in {@link #evidence}. */
		private final int[] firsts;

		/** By concept number: where its next evidence goes in {@link #evidence}. */
		private final int[] filled;

		/** The evidence of every concept found, each concept's together, in the order {@link #order} has them. */
		private Evidence[] evidence = new Evidence[128];

		/** {@link #find}'s nodes along the text's words from where a form may start. */
		private final Node[] path;

		/** {@link #find}'s concepts matched at the current word. */
		private int[] matchedHere = new int[8];

		Found(int conceptCount, int longestForm) {
			this.concepts = new Concept[conceptCount];
			this.counts = new int[conceptCount];
			this.order = new int[conceptCount];
			this.firsts = new int[conceptCount];
			this.filled = new int[conceptCount];
			this.path = new Node[longestForm];
		}

		/** Empties it, in time for the concepts found rather than all there are. */
		void clear() {
			for (int k = 0; k < this.orderCount; k++) {
				this.concepts[this.order[k]] = null;
				this.counts[this.order[k]] = 0;
			}
			this.orderCount = 0;
			this.mentionCount = 0;
		}

		void add(Form form, int start, int end) {
			if (this.concepts[form.number] == null) {
				this.concepts[form.number] = form.concept;
				this.order[this.orderCount++] = form.number;
			}
			if (this.counts[form.number] == MAX_EVIDENCE) {
				return;
			}
			this.counts[form.number]++;
			if (this.mentionCount == this.mentions.length) {
				this.mentions = Arrays.copyOf(this.mentions, this.mentionCount * 2);
			}
			this.mentions[this.mentionCount++] = form.number;
			this.mentions[this.mentionCount++] = start;
			this.mentions[this.mentionCount++] = end;
		}

		List<Match> matches(String text) {
			if (this.orderCount == 0) {
				return List.of();
			}
			int offset = 0;
			for (int k = 0; k < this.orderCount; k++) {
				this.firsts[this.order[k]] = offset;
				this.filled[this.order[k]] = offset;
				offset += this.counts[this.order[k]];
			}
			if (this.evidence.length < offset) {
				this.evidence = new Evidence[Math.max(offset, this.evidence.length * 2)];
			}
			Evidence[] evidence = this.evidence;
			for (int k = 0; k < this.mentionCount; k += 3) {
				int number = this.mentions[k];
				int start = this.mentions[k + 1];
				int end = this.mentions[k + 2];
				int at = this.filled[number]++;
				// A concept is mostly mentioned in the same words again and again: those share one String, and
				// the text, often UTF-16 for a "’" or "•", is not copied and compressed again for them.
				Evidence before = (at > this.firsts[number]) ? evidence[at - 1] : null;
				String said = (before != null && isSame(text, start, end, before.text())) ? before.text()
						: text.substring(start, end);
				evidence[at] = new Evidence(said, start, end);
			}
			Match[] matches = new Match[this.orderCount];
			offset = 0;
			for (int k = 0; k < this.orderCount; k++) {
				int count = this.counts[this.order[k]];
				matches[k] = new Match(this.concepts[this.order[k]], listOf(evidence, offset, count));
				offset += count;
			}
			Arrays.fill(evidence, 0, offset, null);
			return List.of(matches);
		}

		private static boolean isSame(String text, int start, int end, String said) {
			return said.length() == end - start && text.regionMatches(start, said, 0, end - start);
		}

		/** The same as {@code List.of} of those elements: for one or two it makes no array to be copied. */
		private static List<Evidence> listOf(Evidence[] evidence, int from, int count) {
			return switch (count) {
				case 1 -> List.of(evidence[from]);
				case 2 -> List.of(evidence[from], evidence[from + 1]);
				default -> List.of(Arrays.copyOfRange(evidence, from, from + count));
			};
		}

	}

}
