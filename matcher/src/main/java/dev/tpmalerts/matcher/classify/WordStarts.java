package dev.tpmalerts.matcher.classify;

import java.util.Collection;
import java.util.Locale;

/**
 * The first three characters of a few words, ASCII letters in either case: where a text's characters start none of
 * them, none of the words is written there. Telling that is a table look-up, far cheaper than trying an expression.
 */
final class WordStarts {

	/**
	 * For the first two characters of a word, lower-case ({@code 128 * first + second}), which set of {@link #thirds}
	 * holds the characters that can follow them, or 0 for none.
	 */
	private final byte[] starts = new byte[128 * 128];

	/** Sets of third characters, as bits over the ASCII characters: {@code [2 * set]} 0 to 63, {@code [2 * set + 1]} 64 to 127. */
	private final long[] thirds;

	/** @param words lower-case, at least two characters long, the first two ASCII */
	WordStarts(Collection<String> words) {
		this.thirds = new long[2 * (words.size() + 1)];
		int sets = 0;
		for (String word : words) {
			if (word.length() < 2 || word.charAt(0) >= 128 || word.charAt(1) >= 128 || !word.equals(word.toLowerCase(Locale.ROOT))) {
				throw new IllegalArgumentException("Not a lower-case word starting with two ASCII characters: " + word);
			}
			int start = 128 * word.charAt(0) + word.charAt(1);
			if (this.starts[start] == 0) {
				this.starts[start] = (byte) ++sets;
			}
			int set = this.starts[start];
			if (word.length() == 2 || word.charAt(2) >= 128) {
				// Anything may follow a two-letter word; a character past ASCII is not in the sets.
				this.thirds[2 * set] = -1;
				this.thirds[2 * set + 1] = -1;
			}
			else {
				this.thirds[2 * set + word.charAt(2) / 64] |= 1L << (word.charAt(2) % 64);
			}
		}
	}

	/** Whether one of the words can start at {@code at}, as far as the characters before {@code to} tell. */
	boolean mayStartAt(CharSequence text, int at, int to) {
		if (at + 1 >= to) {
			return false;
		}
		return mayStart(text.charAt(at), text.charAt(at + 1), (at + 2 < to) ? text.charAt(at + 2) : NONE);
	}

	/** Whether one of the words can start at {@code at}, as far as the characters before {@code to} tell. */
	boolean mayStartAt(char[] chars, int at, int to) {
		if (at + 1 >= to) {
			return false;
		}
		return mayStart(chars[at], chars[at + 1], (at + 2 < to) ? chars[at + 2] : NONE);
	}

	/** No third character: the text ends after two. */
	private static final char NONE = '\uFFFF';

	private boolean mayStart(char first, char second, char third) {
		if (first >= 128 || second >= 128) {
			return false;
		}
		int set = this.starts[128 * lower(first) + lower(second)];
		if (set == 0) {
			return false;
		}
		char next = lower(third);
		return next >= 128 || (this.thirds[2 * set + next / 64] & (1L << (next % 64))) != 0;
	}

	/** Lower-case for ASCII letters only, as case-insensitive expressions compare them. */
	static char lower(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	/** An ASCII letter, digit or "_". */
	static boolean isAsciiWordChar(char c) {
		// A look-up in two words of bits: the scans over whole postings ask this of every character, and the four
		// ranges' branches were mispredicted on text.
		return c < 128 && ((WORD_CHARS[c >> 6] >>> c) & 1) != 0;
	}

	/** The ASCII letters, digits and "_", as bits: [0] for 0 to 63, [1] for 64 to 127. */
	private static final long[] WORD_CHARS = wordChars();

	private static long[] wordChars() {
		long[] bits = new long[2];
		for (char c = 0; c < 128; c++) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
				bits[c >> 6] |= 1L << c;
			}
		}
		return bits;
	}

}
