package dev.tpmalerts.matcher.classify;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expression whose matches begin with one of a few words at the start of a word ({@code \b(related|field|...)})
 * tried only where one of those words' first three letters start a word: a search of a long alternation tries every
 * word at every position, and a few of them cost the classifier more than the rest of its rules.
 */
final class WordGuard {

	private final Pattern pattern;

	private final List<String> words;

	private final WordStarts starts;

	/**
	 * @param pattern an expression each of whose matches starts with one of {@code words} (ASCII letters compared
	 * without case), where the character before, if any, is not an ASCII letter, digit or underscore
	 * @param words every word a match can start with, lower-case, at least two characters long, the first two ASCII
	 */
	WordGuard(Pattern pattern, List<String> words) {
		this.pattern = pattern;
		this.words = List.copyOf(words);
		this.starts = new WordStarts(words);
	}

	Pattern pattern() {
		return this.pattern;
	}

	List<String> words() {
		return this.words;
	}

	/** A matcher for {@link #find(Matcher, int)}. */
	Matcher matcher(CharSequence text) {
		// Tried from a position, the expression still sees the text before it and its start, as find does.
		return this.pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
	}

	/**
	 * As {@code matcher.find()} when the last match ended at {@code from} (or from the start): the next match, which
	 * the matcher then holds.
	 */
	boolean find(Matcher matcher, CharSequence text, int from) {
		for (int at = nextStart(text, from); at >= 0; at = nextStart(text, at + 1)) {
			matcher.region(at, text.length());
			if (matcher.lookingAt()) {
				return true;
			}
		}
		return false;
	}

	/** As {@code pattern.matcher(text).find()}. */
	boolean find(CharSequence text) {
		int at = nextStart(text, 0);
		return at >= 0 && find(matcher(text), text, at);
	}

	/** Where the first match starts, or -1: as {@code pattern.matcher(text).find() ? start() : -1}. */
	int start(CharSequence text) {
		int at = nextStart(text, 0);
		if (at < 0) {
			return -1;
		}
		Matcher matcher = matcher(text);
		return find(matcher, text, at) ? matcher.start() : -1;
	}

	/** Whether one of the words' first three letters start a word in the text: the expression cannot match without. */
	boolean mayMatch(CharSequence text) {
		return nextStart(text, 0) >= 0;
	}

	/** {@link #mayMatch(CharSequence)} for the text cut out from {@code from} to {@code to}. */
	boolean mayMatch(CharSequence text, int from, int to) {
		return nextStart(text, from, to, from) >= 0;
	}

	private int nextStart(CharSequence text, int from) {
		return nextStart(text, from, text.length(), 0);
	}

	/** Where one of the words' first three letters next start a word in the text from {@code start} to {@code to}. */
	private int nextStart(CharSequence text, int from, int to, int start) {
		for (int at = from; at < to - 1; at++) {
			if (this.starts.mayStartAt(text, at, to) && (at == start || !WordStarts.isAsciiWordChar(text.charAt(at - 1)))) {
				return at;
			}
		}
		return -1;
	}

}
