package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

	/** By vocabulary number: the forms that start with that word, longest first, or null. */
	private final Form[][] formsByFirstWord;

	/** By vocabulary number: the {@code IS_} bits of that word. */
	private final byte[] kinds;

	/** The "t" of "isn't", which the check for "not required" after a mention steps over. */
	private final int contractionT;

	/** How many distinct concepts the forms carry, numbered from 0 in the order given. */
	private final int conceptCount;

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
		Map<Integer, List<Form>> formsByFirstWord = new HashMap<>();
		for (Written each : written) {
			Form form = new Form(each, this.vocabulary);
			formsByFirstWord.computeIfAbsent(form.firstWord(), (key) -> new ArrayList<>()).add(form);
		}
		this.formsByFirstWord = new Form[this.vocabulary.size()][];
		formsByFirstWord.forEach((first, forms) -> {
			forms.sort(Comparator.comparingInt((Form form) -> form.length()).reversed());
			this.formsByFirstWord[first] = forms.toArray(Form[]::new);
		});
	}

	private void mark(List<String> words, int kind) {
		for (String word : words) {
			this.kinds[this.vocabulary.number(word)] |= kind;
		}
	}

	/** A concept found in the text, with every place it was found (up to five). */
	public record Match(Concept concept, List<Evidence> evidence) {

	}

	public List<Match> find(String text) {
		Tokens.Numbered tokens = Tokens.numbered(text, this.vocabulary);
		// By concept number, in the order first found, as a LinkedHashMap keyed by the concept would keep them.
		List<Evidence>[] found = null;
		Concept[] firstFound = null;
		int[] order = null;
		int orderCount = 0;
		int[] matchedHere = new int[8];
		for (int i = 0; i < tokens.size(); i++) {
			int word = tokens.number(i);
			Form[] candidates = (word >= 0) ? this.formsByFirstWord[word] : null;
			if (candidates == null) {
				continue;
			}
			int matchedCount = 0;
			for (Form form : candidates) {
				if (contains(matchedHere, matchedCount, form.number) || !form.matchesAt(tokens, i)) {
					continue;
				}
				int last = i + form.length() - 1;
				if (isNegated(tokens, i, last)) {
					continue;
				}
				if (matchedCount == matchedHere.length) {
					matchedHere = Arrays.copyOf(matchedHere, matchedCount * 2);
				}
				matchedHere[matchedCount++] = form.number;
				if (found == null) {
					found = newEvidenceLists(this.conceptCount);
					firstFound = new Concept[this.conceptCount];
					order = new int[this.conceptCount];
				}
				List<Evidence> evidence = found[form.number];
				if (evidence == null) {
					evidence = new ArrayList<>();
					found[form.number] = evidence;
					firstFound[form.number] = form.concept;
					order[orderCount++] = form.number;
				}
				if (evidence.size() < MAX_EVIDENCE) {
					int start = tokens.start(i);
					int end = tokens.end(last);
					evidence.add(new Evidence(text.substring(start, end), start, end));
				}
			}
		}
		if (found == null) {
			return List.of();
		}
		Match[] matches = new Match[orderCount];
		for (int k = 0; k < orderCount; k++) {
			matches[k] = new Match(firstFound[order[k]], List.copyOf(found[order[k]]));
		}
		return List.of(matches);
	}

	@SuppressWarnings("unchecked")
	private static List<Evidence>[] newEvidenceLists(int size) {
		return (List<Evidence>[]) new List<?>[size];
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

	/** A form ready to compare with a text's tokens: by vocabulary number, or as written when case matters. */
	private static final class Form {

		private final Concept concept;

		private final int number;

		private final int[] words;

		private final char[][] originals;

		private final boolean caseSensitive;

		Form(Written written, Tokens.Vocabulary vocabulary) {
			this.concept = written.concept();
			this.number = written.number();
			this.words = written.tokens().stream().mapToInt((token) -> vocabulary.number(token.folded())).toArray();
			this.originals = written.tokens().stream().map((token) -> token.original().toCharArray()).toArray(char[][]::new);
			this.caseSensitive = written.caseSensitive();
		}

		int firstWord() {
			return this.words[0];
		}

		int length() {
			return this.words.length;
		}

		boolean matchesAt(Tokens.Numbered tokens, int at) {
			if (at + this.words.length > tokens.size()) {
				return false;
			}
			if (this.caseSensitive) {
				for (int k = 0; k < this.originals.length; k++) {
					if (!tokens.isWritten(at + k, this.originals[k])) {
						return false;
					}
				}
				return true;
			}
			// The first word is the one the form was found by.
			for (int k = 1; k < this.words.length; k++) {
				if (this.words[k] != tokens.number(at + k)) {
					return false;
				}
			}
			return true;
		}

	}

}
