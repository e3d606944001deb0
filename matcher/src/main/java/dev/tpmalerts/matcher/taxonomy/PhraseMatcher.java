package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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

	private static final Set<String> NEGATION_BEFORE = Set.of("no", "not", "without", "non", "nor");

	/** "PMP not required", "PMP isn't needed", "PMP is not mandatory". */
	private static final Set<String> NEGATION_AFTER = Set.of("not", "isn", "aren", "doesn");

	private static final Set<String> NOT_NEEDED = Set.of("required", "needed", "necessary", "mandatory", "essential",
			"need", "require");

	/** "PMP preferred but not required" still prefers a PMP. */
	private static final Set<String> WANTED = Set.of("preferred", "plus", "desired", "desirable", "bonus", "helpful",
			"beneficial", "advantage", "nice", "ideal", "ideally", "welcome", "valued", "appreciated");

	/** Enough that the classifier can still show five after it leaves out the ones in boilerplate. */
	private static final int MAX_EVIDENCE = 50;

	private final Map<String, List<Form>> formsByFirstToken = new HashMap<>();

	/** Each distinct concept once, by the number its forms carry: a record's hash code walks all its forms. */
	private final List<Concept> concepts = new ArrayList<>();

	public PhraseMatcher(List<Concept> concepts) {
		Map<Concept, Integer> numbers = new HashMap<>();
		for (Concept concept : concepts) {
			for (String written : concept.forms()) {
				boolean caseSensitive = written.startsWith("=");
				List<Token> tokens = Tokens.of(caseSensitive ? written.substring(1) : written);
				if (tokens.isEmpty()) {
					continue;
				}
				int number = numbers.computeIfAbsent(concept, (key) -> {
					this.concepts.add(key);
					return this.concepts.size() - 1;
				});
				Form form = new Form(concept, number, tokens, caseSensitive);
				this.formsByFirstToken.computeIfAbsent(tokens.get(0).folded(), (key) -> new ArrayList<>()).add(form);
			}
		}
		this.formsByFirstToken.values().forEach((forms) -> forms.sort(Comparator.comparingInt((Form form) -> form.tokens().size()).reversed()));
	}

	/** A concept found in the text, with every place it was found (up to five). */
	public record Match(Concept concept, List<Evidence> evidence) {

	}

	public List<Match> find(String text) {
		List<Token> tokens = Tokens.of(text);
		// By concept number, in the order first found, as a LinkedHashMap keyed by the concept would keep them.
		List<Evidence>[] found = newEvidenceLists(this.concepts.size());
		Concept[] firstFound = new Concept[this.concepts.size()];
		List<Integer> order = new ArrayList<>();
		int[] matchedHere = new int[8];
		for (int i = 0; i < tokens.size(); i++) {
			List<Form> candidates = this.formsByFirstToken.get(tokens.get(i).folded());
			if (candidates == null) {
				continue;
			}
			int matchedCount = 0;
			for (Form form : candidates) {
				if (contains(matchedHere, matchedCount, form.number()) || !form.matchesAt(tokens, i)) {
					continue;
				}
				int last = i + form.tokens().size() - 1;
				if (isNegated(text, tokens, i, last)) {
					continue;
				}
				if (matchedCount == matchedHere.length) {
					matchedHere = Arrays.copyOf(matchedHere, matchedCount * 2);
				}
				matchedHere[matchedCount++] = form.number();
				List<Evidence> evidence = found[form.number()];
				if (evidence == null) {
					evidence = new ArrayList<>();
					found[form.number()] = evidence;
					firstFound[form.number()] = form.concept();
					order.add(form.number());
				}
				if (evidence.size() < MAX_EVIDENCE) {
					int start = tokens.get(i).start();
					int end = tokens.get(last).end();
					evidence.add(new Evidence(text.substring(start, end), start, end));
				}
			}
		}
		List<Match> matches = new ArrayList<>(order.size());
		for (int number : order) {
			matches.add(new Match(firstFound[number], List.copyOf(found[number])));
		}
		return List.copyOf(matches);
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

	private static boolean isNegated(String text, List<Token> tokens, int first, int last) {
		// Negation reaches only within its clause: "No travel required. PMP preferred" prefers a PMP.
		for (int j = first - 1; j >= Math.max(0, first - 3) && !clauseBreak(text, tokens, j, j + 1); j--) {
			if (NEGATION_BEFORE.contains(tokens.get(j).folded())) {
				return true;
			}
		}
		// "PMP is not required", "PMP not needed", "PMP isn't required"; not "PMP preferred, not required"
		int limit = Math.min(tokens.size() - 1, last + 5);
		for (int j = last + 1; j < limit && !clauseBreak(text, tokens, j - 1, j); j++) {
			String word = tokens.get(j).folded();
			if (WANTED.contains(word)) {
				return false;
			}
			String next = tokens.get(j + 1).folded();
			if (next.equals("t") && j + 2 < tokens.size()) {
				next = tokens.get(j + 2).folded();
			}
			if (NEGATION_AFTER.contains(word) && NOT_NEEDED.contains(next)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a clause ends between two neighbouring tokens: "ITIL and CCNA; PMP not required". */
	private static boolean clauseBreak(String text, List<Token> tokens, int before, int after) {
		for (int c = tokens.get(before).end(); c < tokens.get(after).start(); c++) {
			char ch = text.charAt(c);
			if (ch == ';' || ch == '.' || ch == ',' || ch == '\n' || ch == '(' || ch == ')' || ch == ':' || ch == '•') {
				return true;
			}
		}
		return false;
	}

	private record Form(Concept concept, int number, List<Token> tokens, boolean caseSensitive) {

		boolean matchesAt(List<Token> text, int at) {
			if (at + this.tokens.size() > text.size()) {
				return false;
			}
			for (int k = 0; k < this.tokens.size(); k++) {
				Token wanted = this.tokens.get(k);
				Token actual = text.get(at + k);
				boolean same = this.caseSensitive ? wanted.original().equals(actual.original())
						: wanted.folded().equals(actual.folded());
				if (!same) {
					return false;
				}
			}
			return true;
		}

	}

}
