package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word tokens with their offsets. Letters and digits form words; "+" and "#" right after a word
 * are tokens of their own ("Security+", "C#"); everything else separates. The folded form is lower case with a
 * plural "s" removed, so "Programs" meets "program" and "Stakeholders" meets "stakeholder"; a word of four or more
 * letters ending in "ss", "us" or "is" keeps its "s" ("class", "status", and so "APIs" too).
 */
public final class Tokens {

	/** By ASCII character: its lower case when it is a letter or digit, else 0. */
	private static final char[] ASCII_WORD_CHARACTERS = new char[128];

	static {
		for (char c = 0; c < 128; c++) {
			boolean letterOrDigit = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			ASCII_WORD_CHARACTERS[c] = letterOrDigit ? toLowerAscii(c) : 0;
		}
	}

	/** By ASCII character: whether it ends a clause; "•" is the one beyond ASCII that does. */
	private static final boolean[] ASCII_CLAUSE_BREAKS = new boolean[128];

	static {
		for (char c : ";.,\n():".toCharArray()) {
			ASCII_CLAUSE_BREAKS[c] = true;
		}
	}

	/**
	 * Each thread's arrays for {@link #numbered}, kept between calls: allocating and zeroing them for every posting
	 * cost as much as a quarter of the tokenising.
	 */
	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	/** Longer texts get arrays of their own, so that one huge posting does not stay in memory with its thread. */
	private static final int MAX_KEPT_LENGTH = 64 * 1024;

	private Tokens() {
	}

	/** A token: the text as written, its folded form and its character offsets. */
	public record Token(String original, String folded, int start, int end) {

	}

	public static List<Token> of(String text) {
		List<Token> tokens = new ArrayList<>();
		int length = text.length();
		int i = 0;
		while (i < length) {
			char c = text.charAt(i);
			if (isLetterOrDigit(c)) {
				int start = i;
				while (i < length && isLetterOrDigit(text.charAt(i))) {
					i++;
				}
				String word = text.substring(start, i);
				tokens.add(new Token(word, fold(word), start, i));
			}
			else if ((c == '+' || c == '#') && i > 0 && isLetterOrDigit(text.charAt(i - 1))) {
				tokens.add(new Token(String.valueOf(c), String.valueOf(c), i, i + 1));
				i++;
			}
			else {
				i++;
			}
		}
		return tokens;
	}

	/**
	 * The same tokens as {@link #of(String)}, as offsets and the vocabulary's number for each folded form, without
	 * a String per token: a 5 KB posting has seven hundred tokens and few of them are words anyone looks up. What it
	 * returns is good until the next call on the same thread.
	 */
	static Numbered numbered(String text, Vocabulary vocabulary) {
		int length = text.length();
		Scratch scratch = SCRATCH.get();
		char[] chars = (scratch.chars.length >= length) ? scratch.chars : new char[length];
		text.getChars(0, length, chars, 0);
		int[] tokens = scratch.tokens;
		int size = 0;
		boolean clauseBreak = false;
		int i = 0;
		while (i < length) {
			char c = chars[i];
			int start = i;
			int number;
			if ((c < 128) ? ASCII_WORD_CHARACTERS[c] != 0 : Character.isLetterOrDigit(c)) {
				// The lower-cased word's last sixteen characters packed into two longs (see Vocabulary.pack), and the
				// same without its last character, for when the folded form leaves off a plural "s".
				long low = 0;
				long high = 0;
				long lowWithoutLast = 0;
				long highWithoutLast = 0;
				boolean ascii = true;
				for (; i < length; i++) {
					char each = chars[i];
					if (each < 128) {
						char lower = ASCII_WORD_CHARACTERS[each];
						if (lower == 0) {
							break;
						}
						lowWithoutLast = low;
						highWithoutLast = high;
						high = (high << 8) | (low >>> 56);
						low = (low << 8) | lower;
					}
					else if (Character.isLetterOrDigit(each)) {
						ascii = false;
					}
					else {
						break;
					}
				}
				if (ascii) {
					int foldedLength = i - start;
					if (foldedLength > 3 && isPluralEnding((char) ((low >>> 8) & 0xFF), (char) (low & 0xFF))) {
						foldedLength--;
						low = lowWithoutLast;
						high = highWithoutLast;
					}
					number = (foldedLength <= Vocabulary.PACKED_LENGTH) ? vocabulary.number(low, high)
							: vocabulary.number(chars, start, foldedLength);
				}
				else {
					// Lower-casing beyond ASCII may change the length ("İ" becomes two characters): fold it as of does.
					number = vocabulary.number(fold(text.substring(start, i)));
				}
			}
			else if ((c == '+' || c == '#') && i > 0 && isLetterOrDigit(chars[i - 1])) {
				i++;
				number = vocabulary.number(c, 0);
			}
			else {
				clauseBreak |= isClauseBreak(c);
				i++;
				continue;
			}
			if (size + Numbered.STRIDE > tokens.length) {
				tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, 1024));
			}
			tokens[size] = start;
			tokens[size + 1] = i;
			tokens[size + 2] = number;
			tokens[size + 3] = clauseBreak ? 1 : 0;
			size += Numbered.STRIDE;
			clauseBreak = false;
		}
		if (length <= MAX_KEPT_LENGTH) {
			scratch.chars = chars;
			scratch.tokens = tokens;
		}
		return new Numbered(chars, tokens, size / Numbered.STRIDE);
	}

	/** Whether the character ends a clause, so that negation before it does not reach past it. */
	private static boolean isClauseBreak(char c) {
		return (c < 128) ? ASCII_CLAUSE_BREAKS[c] : c == '•';
	}

	/** {@link Character#isLetterOrDigit(char)}, answered without its table lookup for the ASCII most text is. */
	private static boolean isLetterOrDigit(char c) {
		if (c < 128) {
			return ASCII_WORD_CHARACTERS[c] != 0;
		}
		return Character.isLetterOrDigit(c);
	}

	private static char toLowerAscii(char c) {
		return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
	}

	/** The last two lower-case characters of a word longer than three end a plural that folding removes. */
	private static boolean isPluralEnding(char beforeLast, char last) {
		return last == 's' && beforeLast != 's' && beforeLast != 'u' && beforeLast != 'i';
	}

	static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.length() > 3 && isPluralEnding(lower.charAt(lower.length() - 2), lower.charAt(lower.length() - 1))) {
			return lower.substring(0, lower.length() - 1);
		}
		return lower;
	}

	/** Whether the ASCII text from {@code start} reads the word when lower-cased. */
	private static boolean isLowerCased(char[] word, char[] text, int start, int length) {
		if (word.length != length) {
			return false;
		}
		for (int k = 0; k < length; k++) {
			if (toLowerAscii(text[start + k]) != word[k]) {
				return false;
			}
		}
		return true;
	}

	private static final class Scratch {

		private char[] chars = new char[0];

		private int[] tokens = new int[0];

	}

	/** The tokens of one text: their offsets and the vocabulary number of their folded forms, -1 when it has none. */
	static final class Numbered {

		/** Start, end, number and clause break of each token in turn. */
		private static final int STRIDE = 4;

		private final char[] chars;

		private final int[] tokens;

		private final int size;

		private Numbered(char[] chars, int[] tokens, int size) {
			this.chars = chars;
			this.tokens = tokens;
			this.size = size;
		}

		int size() {
			return this.size;
		}

		int start(int index) {
			return this.tokens[STRIDE * index];
		}

		int end(int index) {
			return this.tokens[STRIDE * index + 1];
		}

		/** The vocabulary number of the token's folded form, or -1 when the vocabulary does not have it. */
		int number(int index) {
			return this.tokens[STRIDE * index + 2];
		}

		/** Whether the token is written exactly so. */
		boolean isWritten(int index, char[] original) {
			int start = this.tokens[STRIDE * index];
			if (this.tokens[STRIDE * index + 1] - start != original.length) {
				return false;
			}
			for (int k = 0; k < original.length; k++) {
				if (this.chars[start + k] != original[k]) {
					return false;
				}
			}
			return true;
		}

		/**
		 * Whether a clause ends between this token and the one before it (or the start of the text): one of
		 * {@code ; . , ( ) : •} or a line break stands between them.
		 */
		boolean clauseBreakBefore(int index) {
			return this.tokens[STRIDE * index + 3] != 0;
		}

	}

	/**
	 * Folded words numbered in the order given. Two open-addressing tables find them: one keyed by {@link String#hashCode()}
	 * for any word, and one keyed by the characters themselves packed into two longs for the ASCII words of at most
	 * {@link #PACKED_LENGTH} characters that nearly every token is. The packed key needs no hash computed per
	 * character and no comparison of characters once found, which were about half the tokenising.
	 */
	static final class Vocabulary {

		/** The longest word the packed table holds: sixteen characters of eight bits fill two longs. */
		static final int PACKED_LENGTH = 16;

		private final String[] words;

		private final char[][] wordCharacters;

		private final int[] hashes;

		/** Word numbers by slot; -1 marks an empty slot. */
		private final int[] slots;

		private final int mask;

		/** By packed slot: the two longs of {@link #pack} for the word there. */
		private final long[] packedKeys;

		/** Word numbers by packed slot; -1 marks an empty slot. */
		private final int[] packedSlots;

		private final int packedMask;

		Vocabulary(Collection<String> words) {
			this.words = words.toArray(String[]::new);
			this.wordCharacters = new char[this.words.length][];
			this.hashes = new int[this.words.length];
			for (int number = 0; number < this.words.length; number++) {
				this.wordCharacters[number] = this.words[number].toCharArray();
				this.hashes[number] = this.words[number].hashCode();
			}
			// At most a quarter full, so a word that is not there mostly meets an empty slot at once.
			int capacity = Integer.highestOneBit(Math.max(16, this.words.length * 4) - 1) << 1;
			this.slots = new int[capacity];
			this.mask = capacity - 1;
			Arrays.fill(this.slots, -1);
			this.packedKeys = new long[2 * capacity];
			this.packedSlots = new int[capacity];
			this.packedMask = capacity - 1;
			Arrays.fill(this.packedSlots, -1);
			for (int number = 0; number < this.words.length; number++) {
				String word = this.words[number];
				if (number(word) >= 0) {
					throw new IllegalArgumentException("The word \"" + word + "\" is in the vocabulary twice");
				}
				int slot = slot(this.hashes[number]);
				while (this.slots[slot] >= 0) {
					slot = (slot + 1) & this.mask;
				}
				this.slots[slot] = number;
				if (isPackable(word)) {
					long low = pack(word, Math.max(0, word.length() - 8), word.length());
					long high = pack(word, 0, Math.max(0, word.length() - 8));
					int packedSlot = packedSlot(low, high);
					while (this.packedSlots[packedSlot] >= 0) {
						packedSlot = (packedSlot + 1) & this.packedMask;
					}
					this.packedSlots[packedSlot] = number;
					this.packedKeys[2 * packedSlot] = low;
					this.packedKeys[2 * packedSlot + 1] = high;
				}
			}
		}

		int size() {
			return this.words.length;
		}

		/** The number of a word, or -1. */
		int number(String word) {
			int hash = word.hashCode();
			for (int slot = slot(hash);; slot = (slot + 1) & this.mask) {
				int number = this.slots[slot];
				if (number < 0 || (this.hashes[number] == hash && this.words[number].equals(word))) {
					return number;
				}
			}
		}

		/**
		 * The number of the word of at most {@link #PACKED_LENGTH} characters whose {@link #pack packed} characters
		 * are {@code low} (the last eight) and {@code high} (the eight before), or -1. A word of ASCII characters
		 * other than NUL is told apart by them alone: a shorter word leaves zero bytes at the top.
		 */
		int number(long low, long high) {
			int slot = packedSlot(low, high);
			int number = this.packedSlots[slot];
			// About two words in five are in the vocabulary, so a branch on whether the first slot has the word
			// would be mispredicted often; an empty slot's keys are zero, which no word packs to.
			boolean here = (this.packedKeys[2 * slot] == low) & (this.packedKeys[2 * slot + 1] == high);
			if (here | number < 0) {
				return here ? number : -1;
			}
			for (slot = (slot + 1) & this.packedMask;; slot = (slot + 1) & this.packedMask) {
				number = this.packedSlots[slot];
				if (number < 0 || (this.packedKeys[2 * slot] == low && this.packedKeys[2 * slot + 1] == high)) {
					return number;
				}
			}
		}

		/** The number of the word that the ASCII text from {@code start} reads when lower-cased, or -1. */
		int number(char[] text, int start, int length) {
			int hash = 0;
			for (int k = start; k < start + length; k++) {
				hash = 31 * hash + toLowerAscii(text[k]);
			}
			for (int slot = slot(hash);; slot = (slot + 1) & this.mask) {
				int number = this.slots[slot];
				if (number < 0 || (this.hashes[number] == hash && isLowerCased(this.wordCharacters[number], text, start, length))) {
					return number;
				}
			}
		}

		/** The characters from {@code from} to {@code to}, at most eight, a byte each, the last in the lowest byte. */
		static long pack(CharSequence word, int from, int to) {
			long packed = 0;
			for (int k = from; k < to; k++) {
				packed = (packed << 8) | word.charAt(k);
			}
			return packed;
		}

		private static boolean isPackable(String word) {
			if (word.isEmpty() || word.length() > PACKED_LENGTH) {
				return false;
			}
			for (int k = 0; k < word.length(); k++) {
				if (word.charAt(k) == 0 || word.charAt(k) >= 128) {
					return false;
				}
			}
			return true;
		}

		private int slot(int hash) {
			int mixed = hash * 0x9E3779B9;
			return (mixed ^ (mixed >>> 16)) & this.mask;
		}

		private int packedSlot(long low, long high) {
			long mixed = (low ^ (high * 0x9E3779B97F4A7C15L)) * 0x9E3779B97F4A7C15L;
			return (int) (mixed >>> 32) & this.packedMask;
		}

	}

}
