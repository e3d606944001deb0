package dev.tpmalerts.matcher.classify;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A regular expression run only on lines that hold the words its matches must contain. Rules run over every line
 * of every posting, and most lines hold none of their words: the words are read from the expression itself, looked
 * up for all lines in one pass over the text ({@link Scanner}), and each alternative of the expression runs on its
 * own, only on the lines that hold a word of each of its word sets ("we" or "the company", "pay" or "cover",
 * "training" or "exam"). Searching for one alternative is far cheaper than trying every branch at every position.
 */
final class GuardedPattern {

	private final String regex;

	private final List<Alternative> alternatives;

	/** Each word's bit is its index here. */
	private final List<String> words;

	/** A line without one of these words holds no match; 0 when an alternative runs on every line. */
	private final long anyWord;

	/** @param regex without flags; matched against lower-case text */
	GuardedPattern(String regex) {
		this.regex = regex;
		List<String> sources = Literals.alternatives(regex);
		List<String> words = new ArrayList<>();
		List<Alternative> alternatives = new ArrayList<>();
		for (String source : (sources != null) ? sources : List.of(regex)) {
			// A few plain texts, which begin and end with a letter or digit, are on a line exactly when its words are.
			Set<String> texts = (sources != null) ? Literals.texts(source) : null;
			Set<String> minimal = (texts != null && !texts.contains("")) ? Literals.minimal(texts) : null;
			boolean plain = minimal != null && minimal.stream().allMatch((text) -> Literals.isScannable(text)
					&& Character.isLetterOrDigit(text.charAt(0)) && Character.isLetterOrDigit(text.charAt(text.length() - 1)));
			List<Set<String>> sets = plain ? List.of(minimal) : (sources != null) ? Literals.clauses(source) : List.of();
			List<Long> clauses = new ArrayList<>();
			for (Set<String> set : sets) {
				long bits = 0;
				for (String word : set) {
					int bit = words.indexOf(word);
					if (bit < 0 && words.size() < Long.SIZE) {
						words.add(word);
						bit = words.size() - 1;
					}
					bits = (bit < 0) ? 0 : bits | (1L << bit);
					if (bits == 0) {
						break;
					}
				}
				// A set whose words do not all fit in the 64 bits is left out: the guard is only weaker for it.
				if (bits != 0) {
					clauses.add(bits);
				}
			}
			alternatives.add(new Alternative(Pattern.compile(source),
					clauses.stream().mapToLong(Long::longValue).toArray(), plain && clauses.size() == 1));
		}
		this.alternatives = List.copyOf(alternatives);
		this.words = List.copyOf(words);
		// Each alternative needs one of its words at least, unless it has none and runs on every line.
		long any = 0;
		for (Alternative alternative : alternatives) {
			if (alternative.clauses().length == 0) {
				any = 0;
				break;
			}
			any |= alternative.clauses()[0];
		}
		this.anyWord = any;
	}

	/**
	 * Whether the expression finds a match in {@code text} between {@code from} and {@code to}, as it would in that
	 * stretch cut out on its own.
	 * @param words the bits of this pattern's words that the stretch (or more text around it) holds, from a
	 * {@link Scanner}
	 */
	boolean find(long words, String text, int from, int to) {
		if (this.anyWord != 0 && (words & this.anyWord) == 0) {
			return false;
		}
		for (Alternative alternative : this.alternatives) {
			if (alternative.isGuardedBy(words) && alternative.pattern().matcher(text).region(from, to).find()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@link #find(long, String, int, int)} on a line whose words the scanner found: text[from, to) is the line
	 * but for white space and bullets at either end, no letter or digit among them. An alternative that is plain
	 * text is then found on the line exactly when its words are, and does not run.
	 */
	boolean findOnLine(long words, String text, int from, int to) {
		if (this.anyWord != 0 && (words & this.anyWord) == 0) {
			return false;
		}
		for (Alternative alternative : this.alternatives) {
			if (alternative.isGuardedBy(words)
					&& (alternative.plain() || alternative.pattern().matcher(text).region(from, to).find())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@link #findOnLine(long, String, int, int)} on a whole line, given by {@code line}, which is asked for only
	 * when an expression must run on it: most lines that hold a pattern's words need no string made for them.
	 */
	boolean findOnLine(long words, Supplier<String> line) {
		if (this.anyWord != 0 && (words & this.anyWord) == 0) {
			return false;
		}
		for (Alternative alternative : this.alternatives) {
			if (alternative.isGuardedBy(words) && (alternative.plain() || alternative.pattern().matcher(line.get()).find())) {
				return true;
			}
		}
		return false;
	}

	/** Whether a line holding these of the pattern's words may hold a match: some alternative has its words. */
	boolean mayFind(long words) {
		if (this.anyWord != 0 && (words & this.anyWord) == 0) {
			return false;
		}
		for (Alternative alternative : this.alternatives) {
			if (alternative.isGuardedBy(words)) {
				return true;
			}
		}
		return false;
	}

	String regex() {
		return this.regex;
	}

	/** The alternatives' word sets, each as the words' bits; an alternative without one runs on every line. */
	List<long[]> guards() {
		return this.alternatives.stream().map(Alternative::clauses).toList();
	}

	static Scanner scanner(GuardedPattern... patterns) {
		return new Scanner(List.of(patterns));
	}

	/**
	 * One alternative of the expression and its word sets, each as the bits of its words.
	 * @param plain whether the alternative matches just the texts of its one word set, which begin and end with a
	 * letter or digit
	 */
	private record Alternative(Pattern pattern, long[] clauses, boolean plain) {

		boolean isGuardedBy(long words) {
			for (long clause : this.clauses) {
				if ((words & clause) == 0) {
					return false;
				}
			}
			return true;
		}

	}

	/**
	 * Finds the words of several patterns in one pass over a text (an Aho-Corasick automaton over the words'
	 * characters), rather than one search of the whole text per word.
	 */
	static final class Scanner {

		private static final int FOUND = 0x8000;

		private final List<GuardedPattern> patterns;

		/** Each ASCII character's column in {@link #next}; 0 for a character in no word, and for any other. */
		private final int[] columns = new int[128];

		/** How far to shift a state to its row's offset in {@link #next}. */
		private final int shift;

		/**
		 * For each state's row (at state << shift) and each column, the next state, with {@link #FOUND} set when
		 * that state has just read a word. Chars keep the table small enough to stay in the cache next to the
		 * classifier's other tables.
		 */
		private final char[] next;

		/** For each state and pattern, the bits of the pattern's words it has just read. */
		private final long[] found;

		private Scanner(List<GuardedPattern> patterns) {
			this.patterns = patterns;
			Map<String, long[]> bits = new LinkedHashMap<>();
			for (int p = 0; p < patterns.size(); p++) {
				List<String> words = patterns.get(p).words;
				for (int bit = 0; bit < words.size(); bit++) {
					bits.computeIfAbsent(words.get(bit), (word) -> new long[patterns.size()])[p] |= 1L << bit;
				}
			}
			int columns = 1;
			for (String word : bits.keySet()) {
				for (char c : word.toCharArray()) {
					if (c >= 128 || c == '\n') {
						throw new IllegalArgumentException("Word '" + word + "' has a character the scanner cannot read");
					}
					if (this.columns[c] == 0) {
						this.columns[c] = columns++;
					}
				}
			}
			List<int[]> trie = new ArrayList<>();
			List<long[]> ends = new ArrayList<>();
			trie.add(emptyRow(columns));
			ends.add(new long[patterns.size()]);
			for (Map.Entry<String, long[]> word : bits.entrySet()) {
				int state = 0;
				for (char c : word.getKey().toCharArray()) {
					int column = this.columns[c];
					if (trie.get(state)[column] < 0) {
						trie.get(state)[column] = trie.size();
						trie.add(emptyRow(columns));
						ends.add(new long[patterns.size()]);
					}
					state = trie.get(state)[column];
				}
				for (int p = 0; p < patterns.size(); p++) {
					ends.get(state)[p] |= word.getValue()[p];
				}
			}
			int states = trie.size();
			// Rows a power of two apart, so that a row's state is a shift away, not a division.
			this.shift = Integer.SIZE - Integer.numberOfLeadingZeros(columns - 1);
			int stride = 1 << this.shift;
			int[] next = new int[states * stride];
			int[] fallback = new int[states];
			Queue<Integer> queue = new ArrayDeque<>();
			for (int column = 0; column < columns; column++) {
				int child = trie.get(0)[column];
				if (child > 0) {
					next[column] = child;
					queue.add(child);
				}
			}
			// Breadth first, so a state's fallback (a shorter word) has all its words when the state takes them.
			while (!queue.isEmpty()) {
				int state = queue.remove();
				long[] own = ends.get(state);
				long[] inherited = ends.get(fallback[state]);
				for (int p = 0; p < own.length; p++) {
					own[p] |= inherited[p];
				}
				for (int column = 0; column < columns; column++) {
					int child = trie.get(state)[column];
					int viaFallback = next[fallback[state] * stride + column];
					if (child > 0) {
						fallback[child] = viaFallback;
						next[state * stride + column] = child;
						queue.add(child);
					}
					else {
						next[state * stride + column] = viaFallback;
					}
				}
			}
			this.found = new long[states * patterns.size()];
			boolean[] finds = new boolean[states];
			for (int state = 0; state < states; state++) {
				long[] own = ends.get(state);
				System.arraycopy(own, 0, this.found, state * own.length, own.length);
				finds[state] = Arrays.stream(own).anyMatch((word) -> word != 0);
			}
			if (states > FOUND) {
				throw new IllegalArgumentException("Too many words for the scanner: " + states + " states");
			}
			this.next = new char[next.length];
			for (int i = 0; i < next.length; i++) {
				this.next[i] = (char) (next[i] | (finds[next[i]] ? FOUND : 0));
			}
		}

		private static int[] emptyRow(int columns) {
			int[] row = new int[columns];
			Arrays.fill(row, -1);
			return row;
		}

		/** Where the words of a pattern the scanner was made for are in the {@link LineWords} it gives. */
		int slot(GuardedPattern pattern) {
			for (int slot = 0; slot < this.patterns.size(); slot++) {
				if (this.patterns.get(slot) == pattern) {
					return slot;
				}
			}
			throw new IllegalArgumentException("The scanner was not made for this pattern");
		}

		/** Which words each line holds; {@code lineStarts} are the lines' offsets in {@code lower}, ascending. */
		LineWords wordsByLine(char[] lower, int[] lineStarts) {
			return wordsByLine(lower, lower.length, lineStarts, lineStarts.length, new LineWords());
		}

		/**
		 * Which words each line of lower[0, length) holds, the lines starting at lineStarts[0, lines), given in
		 * {@code into}: its arrays, kept for the next text, and what it held is overwritten.
		 */
		LineWords wordsByLine(char[] lower, int length, int[] lineStarts, int lines, LineWords into) {
			// Two halves, split where a line starts, read side by side: a word never runs over two lines, and
			// each step of one read need not wait for the step before it of the other. Where words end is noted
			// in the loop and given to lines after it, which keeps the loop short.
			int middle = Arrays.binarySearch(lineStarts, 0, lines, length / 2);
			int split = lineStarts[(middle >= 0) ? middle : -middle - 2];
			int steps = Math.min(split, length - split);
			int[] columns = this.columns;
			char[] next = this.next;
			int shift = this.shift;
			int[] ends = into.ends;
			int count = 0;
			int firstState = 0;
			int secondState = 0;
			for (int i = 0; i < steps; i++) {
				char first = lower[i];
				char second = lower[split + i];
				int firstNext = next[(firstState << shift) + ((first < 128) ? columns[first] : 0)];
				int secondNext = next[(secondState << shift) + ((second < 128) ? columns[second] : 0)];
				firstState = firstNext & ~FOUND;
				secondState = secondNext & ~FOUND;
				if ((firstNext | secondNext) >= FOUND) {
					if (count + 4 > ends.length) {
						ends = Arrays.copyOf(ends, ends.length * 2);
					}
					if (firstNext >= FOUND) {
						ends[count++] = i;
						ends[count++] = firstState;
					}
					if (secondNext >= FOUND) {
						ends[count++] = split + i;
						ends[count++] = secondState;
					}
				}
			}
			for (int half = 0; half < 2; half++) {
				int state = (half == 0) ? firstState : secondState;
				for (int i = (half == 0) ? steps : split + steps, end = (half == 0) ? split : length; i < end; i++) {
					char c = lower[i];
					int to = next[(state << shift) + ((c < 128) ? columns[c] : 0)];
					state = to & ~FOUND;
					if (to >= FOUND) {
						if (count + 2 > ends.length) {
							ends = Arrays.copyOf(ends, ends.length * 2);
						}
						ends[count++] = i;
						ends[count++] = state;
					}
				}
			}
			into.ends = ends;
			int patterns = this.patterns.size();
			long[] words = into.reset(patterns, lines);
			for (int e = 0; e < count; e += 2) {
				int line = Arrays.binarySearch(lineStarts, 0, lines, ends[e]);
				line = (line >= 0) ? line : -line - 2;
				int state = ends[e + 1];
				for (int p = 0; p < patterns; p++) {
					words[line * patterns + p] |= this.found[state * patterns + p];
				}
			}
			return into;
		}

	}

	/**
	 * The words found on each line, as each pattern's bits. One is kept for text after text on a thread: its arrays
	 * grow to the longest text's needs and are not made again for each.
	 */
	static final class LineWords {

		private int patterns;

		private long[] words = new long[0];

		/** Where the scanner read a word's last character, and its state there, in pairs. */
		private int[] ends = new int[64];

		/** The words of {@code lines} lines of {@code patterns} patterns, all cleared. */
		private long[] reset(int patterns, int lines) {
			this.patterns = patterns;
			if (this.words.length < patterns * lines) {
				this.words = new long[Math.max(patterns * lines, 2 * this.words.length)];
			}
			else {
				Arrays.fill(this.words, 0, patterns * lines, 0);
			}
			return this.words;
		}

		/** @param slot the pattern's {@link Scanner#slot(GuardedPattern) slot} in the scanner that found the words */
		long of(int slot, int line) {
			return this.words[line * this.patterns + slot];
		}

	}

	/**
	 * What a regular expression's matches must hold, read from its text. Only what is surely so is read: a construct
	 * it does not know leaves out what it would have added, or gives no answer at all, never a wrong one.
	 */
	static final class Literals {

		/** At most this many texts are joined into a word set (three words of two alternatives each, and so on). */
		private static final int MAX_TEXTS = 16;

		private static final Set<String> NOTHING_YET = Set.of("");

		private Literals() {
		}

		/** The top-level alternatives' texts, or null when the expression is not read. */
		static List<String> alternatives(String regex) {
			List<Sequence> sequences = new Parser(regex).read();
			return (sequences != null) ? sequences.stream().map((each) -> regex.substring(each.from, each.to)).toList()
					: null;
		}

		/**
		 * Word sets such that every match holds a word of each set; none when the expression is not read. Words are
		 * at least two characters long, ASCII and without a line break.
		 */
		static List<Set<String>> clauses(String regex) {
			List<Sequence> sequences = new Parser(regex).read();
			if (sequences == null) {
				return List.of();
			}
			// A match is a match of one alternative: a set holds for it when each alternative has a set inside it.
			if (sequences.size() > 1) {
				Set<String> union = unionOfBest(sequences);
				return (union != null) ? List.of(union) : List.of();
			}
			return clauses(sequences.get(0).items);
		}

		/**
		 * All the texts the expression matches, when they are few, it is read, and it has no anchor, boundary or
		 * look-around (which would ask more of the text around a match); null otherwise.
		 */
		static Set<String> texts(String regex) {
			List<Sequence> sequences = new Parser(regex).read();
			if (sequences == null || sequences.stream().anyMatch((each) -> hasZeroWidth(each.items))) {
				return null;
			}
			Set<String> texts = new LinkedHashSet<>();
			for (Sequence sequence : sequences) {
				Set<String> each = texts(sequence.items);
				if (each == null) {
					return null;
				}
				texts.addAll(each);
			}
			return (texts.size() <= MAX_TEXTS) ? texts : null;
		}

		/**
		 * The texts one of which every match starts with, when every alternative is anchored with {@code ^} at the
		 * start of the input; null when that is not so or not known.
		 */
		static Set<String> starts(String regex) {
			List<Sequence> sequences = new Parser(regex).read();
			if (sequences == null) {
				return null;
			}
			Set<String> starts = new LinkedHashSet<>();
			for (Sequence sequence : sequences) {
				if (!isAnchored(sequence)) {
					return null;
				}
				Set<String> leading = starts(sequence.items.subList(1, sequence.items.size()));
				if (leading == null) {
					return null;
				}
				starts.addAll(leading);
			}
			return starts;
		}

		/**
		 * Texts such that an input starting with one of them surely matches: for {@code ^(a|b|c)}, the alternatives
		 * that are plain texts. Empty when there are none or it is not known.
		 */
		static Set<String> sureStarts(String regex) {
			List<Sequence> sequences = new Parser(regex).read();
			if (sequences == null || sequences.size() != 1 || !isAnchored(sequences.get(0))) {
				return Set.of();
			}
			List<Item> rest = sequences.get(0).items.subList(1, sequences.get(0).items.size());
			List<Sequence> alternatives = (rest.size() == 1 && rest.get(0).kind == Item.Kind.GROUP && rest.get(0).isOnce())
					? rest.get(0).group : List.of(new Sequence(rest, 0, 0));
			Set<String> sure = new LinkedHashSet<>();
			for (Sequence alternative : alternatives) {
				Set<String> texts = hasZeroWidth(alternative.items) ? null : texts(alternative.items);
				if (texts != null && !texts.contains("")) {
					sure.addAll(texts);
				}
			}
			return sure;
		}

		private static boolean isAnchored(Sequence sequence) {
			return !sequence.items.isEmpty() && sequence.items.get(0).kind == Item.Kind.ZERO_WIDTH
					&& sequence.items.get(0).literal == '^';
		}

		private static boolean hasZeroWidth(List<Item> items) {
			return items.stream()
				.anyMatch((item) -> item.kind == Item.Kind.ZERO_WIDTH
						|| item.group.stream().anyMatch((alternative) -> hasZeroWidth(alternative.items)));
		}

		private static Set<String> starts(List<Item> items) {
			Set<String> stretch = NOTHING_YET;
			for (Item item : items) {
				if (item.kind == Item.Kind.ZERO_WIDTH) {
					continue;
				}
				Set<String> texts = texts(item);
				Set<String> joined = (texts != null) ? product(stretch, texts) : null;
				if (joined != null) {
					stretch = joined;
					continue;
				}
				Set<String> first = (item.min >= 1) ? textsOnce(item) : null;
				joined = (first != null) ? product(stretch, first) : null;
				if (joined != null) {
					stretch = joined;
				}
				else if (stretch.equals(NOTHING_YET) && item.kind == Item.Kind.GROUP && item.min >= 1) {
					Set<String> starts = new LinkedHashSet<>();
					for (Sequence alternative : item.group) {
						Set<String> leading = starts(alternative.items);
						if (leading == null) {
							return null;
						}
						starts.addAll(leading);
					}
					return starts;
				}
				break;
			}
			return stretch.contains("") ? null : stretch;
		}

		private static List<Set<String>> clauses(List<Item> items) {
			List<Set<String>> clauses = new ArrayList<>();
			// The texts that the stretch of characters read so far can be, while they are few: a match holds one.
			Set<String> stretch = NOTHING_YET;
			for (Item item : items) {
				// Zero-width: the characters either side of it are next to each other in the match.
				if (item.kind == Item.Kind.ZERO_WIDTH) {
					continue;
				}
				Set<String> texts = texts(item);
				if (texts != null) {
					Set<String> joined = product(stretch, texts);
					if (joined == null) {
						add(clauses, stretch);
						joined = texts;
					}
					stretch = joined;
					continue;
				}
				// Repeated at least once: the stretch ends with its first time, and more of it may follow.
				Set<String> first = (item.min >= 1) ? textsOnce(item) : null;
				if (first != null) {
					Set<String> joined = product(stretch, first);
					if (joined == null) {
						add(clauses, stretch);
						joined = first;
					}
					add(clauses, joined);
					stretch = NOTHING_YET;
					continue;
				}
				add(clauses, stretch);
				stretch = NOTHING_YET;
				if (item.kind == Item.Kind.GROUP && item.min >= 1) {
					Set<String> union = unionOfBest(item.group);
					if (union != null) {
						clauses.add(union);
					}
				}
			}
			add(clauses, stretch);
			clauses.removeIf((clause) -> !clause.stream().allMatch(Literals::isScannable));
			return clauses;
		}

		/** A set for a choice of alternatives: the best set of each, together; null when one has none. */
		private static Set<String> unionOfBest(List<Sequence> alternatives) {
			Set<String> union = new LinkedHashSet<>();
			for (Sequence alternative : alternatives) {
				Set<String> best = best(clauses(alternative.items));
				if (best == null) {
					return null;
				}
				union.addAll(best);
			}
			return minimal(union);
		}

		/** The texts an item matches, "" among them when it may match nothing; null when not few or not known. */
		private static Set<String> texts(Item item) {
			if (item.max != 1) {
				return null;
			}
			Set<String> once = textsOnce(item);
			if (once == null || item.min == 1) {
				return once;
			}
			Set<String> optional = new LinkedHashSet<>(once);
			optional.add("");
			return (optional.size() <= MAX_TEXTS) ? optional : null;
		}

		/** The texts one time of an item matches, the characters it consumes; null when not few or not known. */
		private static Set<String> textsOnce(Item item) {
			if (item.kind == Item.Kind.LITERAL) {
				return Set.of(String.valueOf(item.literal));
			}
			if (item.kind != Item.Kind.GROUP) {
				return null;
			}
			Set<String> texts = new LinkedHashSet<>();
			for (Sequence alternative : item.group) {
				Set<String> alternativeTexts = texts(alternative.items);
				if (alternativeTexts == null) {
					return null;
				}
				texts.addAll(alternativeTexts);
			}
			return (texts.size() <= MAX_TEXTS) ? texts : null;
		}

		/** The texts a sequence of items matches; zero-width items, which consume nothing, are passed over. */
		private static Set<String> texts(List<Item> items) {
			Set<String> texts = NOTHING_YET;
			for (Item item : items) {
				if (item.kind == Item.Kind.ZERO_WIDTH) {
					continue;
				}
				Set<String> itemTexts = texts(item);
				texts = (itemTexts != null) ? product(texts, itemTexts) : null;
				if (texts == null) {
					return null;
				}
			}
			return texts;
		}

		/** Each text of {@code before} followed by each of {@code after}; null when they would be too many. */
		private static Set<String> product(Set<String> before, Set<String> after) {
			if (before.size() * after.size() > MAX_TEXTS) {
				return null;
			}
			Set<String> product = new LinkedHashSet<>();
			for (String first : before) {
				for (String second : after) {
					product.add(first + second);
				}
			}
			return product;
		}

		private static void add(List<Set<String>> clauses, Set<String> stretch) {
			if (!stretch.contains("")) {
				clauses.add(minimal(stretch));
			}
		}

		/** The set whose shortest word is longest: the one least often found by chance. */
		private static Set<String> best(List<Set<String>> clauses) {
			return clauses.stream()
				.max(Comparator.comparingInt((Set<String> clause) -> clause.stream().mapToInt(String::length).min().orElse(0))
					.thenComparingInt((clause) -> -clause.size()))
				.orElse(null);
		}

		/** Without the words that hold another word of the set: that word is found wherever they are. */
		static Set<String> minimal(Set<String> words) {
			Set<String> minimal = new LinkedHashSet<>();
			for (String word : words) {
				if (words.stream().noneMatch((other) -> !other.equals(word) && word.contains(other))) {
					minimal.add(word);
				}
			}
			return minimal;
		}

		static boolean isScannable(String word) {
			return word.length() >= 2 && word.chars().allMatch((c) -> c < 128 && c != '\n' && c != '\r');
		}

		/** A sequence of items, one alternative, with where its text is in the expression. */
		private record Sequence(List<Item> items, int from, int to) {

		}

		/** @param max how many times at most, -1 for no limit */
		private record Item(Kind kind, char literal, List<Sequence> group, int min, int max, boolean quantified) {

			boolean isOnce() {
				return !this.quantified;
			}

			enum Kind {

				/** One character matched as it is. */
				LITERAL,
				/** A group of alternatives that consumes what it matches. */
				GROUP,
				/** An anchor, boundary or look-around: it consumes nothing. */
				ZERO_WIDTH,
				/** Anything else that consumes characters: a class, a dot, {@code \d}. */
				OTHER

			}

		}

		private static final class Parser {

			private final String regex;

			private int at;

			Parser(String regex) {
				this.regex = regex;
			}

			/** The top-level alternatives, or null when the expression has a construct this parser does not read. */
			List<Sequence> read() {
				try {
					List<Sequence> alternatives = alternatives();
					return (this.at == this.regex.length()) ? alternatives : null;
				}
				catch (Unread ex) {
					return null;
				}
			}

			private List<Sequence> alternatives() {
				List<Sequence> alternatives = new ArrayList<>();
				alternatives.add(sequence());
				while (this.at < this.regex.length() && this.regex.charAt(this.at) == '|') {
					this.at++;
					alternatives.add(sequence());
				}
				return alternatives;
			}

			private Sequence sequence() {
				int from = this.at;
				List<Item> items = new ArrayList<>();
				while (this.at < this.regex.length() && this.regex.charAt(this.at) != '|' && this.regex.charAt(this.at) != ')') {
					items.add(item());
				}
				return new Sequence(items, from, this.at);
			}

			private Item item() {
				char c = this.regex.charAt(this.at++);
				Item.Kind kind;
				char literal = c;
				List<Sequence> group = null;
				switch (c) {
					case '(' -> {
						kind = Item.Kind.GROUP;
						if (this.regex.startsWith("?:", this.at)) {
							this.at += 2;
						}
						else if (this.regex.startsWith("?=", this.at) || this.regex.startsWith("?!", this.at)) {
							kind = Item.Kind.ZERO_WIDTH;
							this.at += 2;
						}
						else if (this.regex.startsWith("?<=", this.at) || this.regex.startsWith("?<!", this.at)) {
							kind = Item.Kind.ZERO_WIDTH;
							this.at += 3;
						}
						else if (this.regex.startsWith("?", this.at)) {
							throw new Unread();
						}
						group = alternatives();
						if (this.at >= this.regex.length() || this.regex.charAt(this.at) != ')') {
							throw new Unread();
						}
						this.at++;
					}
					case '[' -> {
						kind = Item.Kind.OTHER;
						skipClass();
					}
					case '\\' -> {
						if (this.at >= this.regex.length()) {
							throw new Unread();
						}
						char escaped = this.regex.charAt(this.at++);
						if ("bBAzZG".indexOf(escaped) >= 0) {
							kind = Item.Kind.ZERO_WIDTH;
						}
						else if ("dDwWsShHvVRX".indexOf(escaped) >= 0) {
							kind = Item.Kind.OTHER;
						}
						else if (escaped == 'p' || escaped == 'P') {
							kind = Item.Kind.OTHER;
							if (this.regex.startsWith("{", this.at)) {
								int close = this.regex.indexOf('}', this.at);
								if (close < 0) {
									throw new Unread();
								}
								this.at = close + 1;
							}
							else {
								this.at++;
							}
						}
						else if (Character.isLetterOrDigit(escaped) || escaped >= 128) {
							throw new Unread();
						}
						else {
							kind = Item.Kind.LITERAL;
							literal = escaped;
						}
					}
					case '.' -> kind = Item.Kind.OTHER;
					case '^', '$' -> kind = Item.Kind.ZERO_WIDTH;
					case '?', '*', '+', '{' -> throw new Unread();
					default -> {
						if (c < ' ') {
							throw new Unread();
						}
						kind = Item.Kind.LITERAL;
					}
				}
				int min = 1;
				int max = 1;
				boolean quantified = false;
				if (this.at < this.regex.length()) {
					char quantifier = this.regex.charAt(this.at);
					if (quantifier == '?' || quantifier == '*' || quantifier == '+') {
						this.at++;
						min = (quantifier == '+') ? 1 : 0;
						max = (quantifier == '?') ? 1 : -1;
						quantified = true;
					}
					else if (quantifier == '{') {
						int close = this.regex.indexOf('}', this.at);
						String bounds = (close < 0) ? "" : this.regex.substring(this.at + 1, close);
						if (!bounds.matches("\\d{1,4}(,\\d{0,4})?")) {
							throw new Unread();
						}
						String[] range = bounds.split(",", -1);
						min = Integer.parseInt(range[0]);
						max = (range.length == 1) ? min : range[1].isEmpty() ? -1 : Integer.parseInt(range[1]);
						quantified = true;
						this.at = close + 1;
					}
					// A lazy quantifier matches the same texts in another order; a possessive one can match fewer.
					if (quantified && this.regex.startsWith("?", this.at)) {
						this.at++;
					}
					else if (quantified && this.regex.startsWith("+", this.at)) {
						throw new Unread();
					}
				}
				return new Item(kind, literal, (group != null) ? group : List.of(), min, max, quantified);
			}

			private void skipClass() {
				int depth = 1;
				if (this.regex.startsWith("^", this.at)) {
					this.at++;
				}
				if (this.regex.startsWith("]", this.at)) {
					throw new Unread();
				}
				while (depth > 0) {
					if (this.at >= this.regex.length()) {
						throw new Unread();
					}
					char c = this.regex.charAt(this.at++);
					if (c == '\\') {
						this.at++;
					}
					else if (c == '[') {
						depth++;
					}
					else if (c == ']') {
						depth--;
					}
				}
			}

		}

		/** An expression with a construct the parser does not read. */
		private static final class Unread extends RuntimeException {

			Unread() {
				super(null, null, false, false);
			}

		}

	}

}
