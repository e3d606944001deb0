package dev.tpmalerts.matcher.classify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A regular expression run only on text that holds one of the words every match contains. Rules run over every
 * line of every posting, and most lines hold none of their words: {@link String#contains} rules those out far
 * faster than the expression's search, which tries each branch at each position.
 */
final class GuardedPattern {

	private final Pattern pattern;

	private final List<String> words;

	/** @param words lower-case; every match of {@code regex} must contain one of them */
	GuardedPattern(String regex, String... words) {
		this.pattern = Pattern.compile(regex);
		this.words = List.of(words);
	}

	/** Whether the expression finds a match in {@code lower}, a lower-case text. */
	boolean find(String lower) {
		for (String word : this.words) {
			if (lower.contains(word)) {
				return this.pattern.matcher(lower).find();
			}
		}
		return false;
	}

}
