package dev.tpmalerts.matcher.classify;

import java.util.Arrays;
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

	/**
	 * For each line (by its start offset in {@code lowerText}), whether it holds one of the words: one search of
	 * the whole text per word instead of one per word and line.
	 */
	boolean[] linesHoldingWords(String lowerText, int[] lineStarts) {
		boolean[] holds = new boolean[lineStarts.length];
		for (String word : this.words) {
			for (int at = lowerText.indexOf(word); at >= 0; at = lowerText.indexOf(word, at + 1)) {
				int line = Arrays.binarySearch(lineStarts, at);
				holds[(line >= 0) ? line : -line - 2] = true;
			}
		}
		return holds;
	}

	/** {@link #find(String)} when it is known whether {@code lower} holds one of the words. */
	boolean findIf(boolean holdsWord, String lower) {
		return holdsWord && this.pattern.matcher(lower).find();
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
