package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The matches of {@link #PATTERN} in one posting ("Bachelor's degree in Human Resources, Business Administration or a
 * related field"), trying the expression only where one of its degree words stands: tried at every position, it
 * was the classifier's costliest rule.
 */
final class DegreeFields {

	/** A degree word, then within 45 characters "in" or "of" and the named fields. */
	static final Pattern PATTERN = Pattern.compile(
			"\\b(?=[bdmpa])(?<word>bachelor of (?:science|arts)|master of (?:science|arts)|degree|bachelor['’]?s|master['’]?s|b\\.?s\\.?|b\\.?a\\.?|m\\.?s\\.?|b\\.? ?tech|b\\.e\\.?|b\\.?eng|m\\.?eng|m\\.? ?tech|b\\.?sc|m\\.?sc|mba|ph\\.?d\\.?|bs/ba|ba/bs|bs/ms|associate['’]?s)(?![\\w])[^.;:\\n]{0,45}?\\b(in|of)\\s+(?<fields>[^.;:()\\n]+)",
			Pattern.CASE_INSENSITIVE);

	/**
	 * Every spelling of {@link #PATTERN}'s degree word, lower-case: a match starts with one of them followed by a
	 * character that is not a word character. Keep in step with the expression.
	 */
	static final List<String> WORDS = List.of("bachelor of science", "bachelor of arts", "master of science",
			"master of arts", "degree", "bachelors", "bachelor's", "bachelor’s", "masters", "master's", "master’s", "bs",
			"b.s", "bs.", "b.s.", "ba", "b.a", "ba.", "b.a.", "ms", "m.s", "ms.", "m.s.", "btech", "b.tech", "b tech",
			"b. tech", "b.e", "b.e.", "beng", "b.eng", "meng", "m.eng", "mtech", "m.tech", "m tech", "m. tech", "bsc",
			"b.sc", "msc", "m.sc", "mba", "phd", "ph.d", "phd.", "ph.d.", "bs/ba", "ba/bs", "bs/ms", "associates",
			"associate's", "associate’s");

	/** A degree named, without a field: "a Bachelor's", "BS/BA", "graduate". */
	static final WordGuard DEGREE_WORD = new WordGuard(Pattern.compile("(?<![\\w.])(degree|degrees|bachelor|bachelors|bachelor's|bachelor’s|master|masters|master's|master’s|ph\\.?d\\.?|doctorate|b\\.?s\\.?c?|b\\.?a\\.?|m\\.?s\\.?c?|b\\.?eng|m\\.?eng|b\\.?tech|mba|diploma|undergraduate|graduate|bs/ba|ba/bs|bs/ms)(?![\\w])",
			Pattern.CASE_INSENSITIVE), List.of("degree", "degrees", "bachelor", "bachelors", "bachelor's", "bachelor’s", "master",
					"masters", "master's", "master’s", "phd", "phd.", "ph.d", "ph.d.", "doctorate", "bs", "bsc", "bs.", "bs.c", "b.s",
					"b.sc", "b.s.", "b.s.c", "ba", "ba.", "b.a", "b.a.", "ms", "msc", "ms.", "ms.c", "m.s", "m.sc", "m.s.", "m.s.c",
					"beng", "b.eng", "meng", "m.eng", "btech", "b.tech", "mba", "diploma", "undergraduate", "graduate", "bs/ba",
					"ba/bs", "bs/ms"));

	/** The longest degree word, then at most 45 characters before "in" or "of". */
	private static final int MAX_IN_OR_OF = 64;

	private static final Spellings FIELDS_WORDS = new Spellings(WORDS);

	private static final Spellings DEGREE_WORDS = new Spellings(DEGREE_WORD.words());

	/** How a word of either list starts: most places in a text start neither. */
	private static final WordStarts STARTS = new WordStarts(Stream.concat(WORDS.stream(), DEGREE_WORD.words().stream()).toList());

	private final String text;

	/** The text's characters in [0, length), or the text lowered ({@link Sections#asciiFolded()}). */
	private final char[] chars;

	private final int length;

	/** Where a degree word of {@link #PATTERN} stands, ascending: the only places a match can start. */
	private final int[] words;

	/** Where {@link #DEGREE_WORD} can match in the text, ascending. */
	private final int[] degreeWords;

	private final Matcher matcher;

	/** The lists of fields of each sentence asked about, by its start and end. */
	private final Map<Long, int[]> listsBySentence = new HashMap<>();

	private List<Found> all;

	/** A text's degree words, looked for in every line. */
	DegreeFields(String text) {
		this(text, new int[] { 0, text.length() });
	}

	/**
	 * A posting's degree words, looked for only in lines that are not the employer's boilerplate (half of a long
	 * posting): no match there is a requirement, nor does a field there count, so none is asked for (a match never
	 * spans lines). A boilerplate line with a word that ends a list is still searched: the fields "related" alone
	 * fail to split ({@link PostingClassifier}), wherever they are.
	 */
	DegreeFields(String text, Sections sections) {
		this(text, outsideBoilerplate(text, sections), sections.asciiFolded());
	}

	private DegreeFields(String text, int[] ranges) {
		this(text, ranges, null);
	}

	/**
	 * @param folded the text lowered in [0, text.length()) of the array, its ASCII characters the text's but for
	 * their case ({@link Sections#asciiFolded()}), or null: the words are looked for ignoring ASCII case, where
	 * only ASCII characters tell (and both ' and ’ are spelled), so they are found in it as in the text
	 */
	private DegreeFields(String text, int[] ranges, char[] folded) {
		this.text = text;
		this.length = text.length();
		// An array of the characters is read faster than the string, one character at a time: the posting's
		// lower-case copy, when there is one, saves making another.
		this.chars = (folded != null) ? folded : text.toCharArray();
		int[][] found = degreeWords(this.chars, this.length, ranges);
		this.words = found[0];
		this.degreeWords = found[1];
		// Transparent bounds: the expression sees the text around the region, as find on the text does.
		this.matcher = PATTERN.matcher(text).useTransparentBounds(true);
	}

	/** The lines that are not boilerplate, as pairs of start and end offsets, next lines joined. */
	private static int[] outsideBoilerplate(String text, Sections sections) {
		int[] ranges = new int[2 * sections.lines().size()];
		int count = 0;
		// The lower-case text maps to the text's offsets when it is as long: only then are its lines' words the text's.
		boolean mapped = sections.lowerLinesUp();
		for (Sections.Line line : sections.lines()) {
			if (line.kind().isBoilerplate() && mapped && !line.endsList()) {
				continue;
			}
			if (count > 0 && ranges[count - 1] + 1 == line.start()) {
				ranges[count - 1] = line.end();
			}
			else {
				ranges[count++] = line.start();
				ranges[count++] = line.end();
			}
		}
		return Arrays.copyOf(ranges, count);
	}

	/** The matches in the text (outside the boilerplate, when it was left out), in order. */
	List<Found> all() {
		if (this.all == null) {
			this.all = new ArrayList<>();
			for (int next = 0; find(next, this.text.length()); next = this.matcher.end()) {
				this.all.add(new Found(this.matcher));
			}
		}
		return this.all;
	}

	/** Whether a degree word, where a match can start, starts from {@code from} up to {@code to}. */
	boolean hasWordBetween(int from, int to) {
		int index = Arrays.binarySearch(this.words, from);
		int k = (index >= 0) ? index : -index - 1;
		return k < this.words.length && this.words[k] < to;
	}

	/**
	 * Where the last match of {@link #DEGREE_WORD} in the text cut out from {@code from} to {@code to} ends, or -1.
	 */
	int lastDegreeWordEnd(int from, int to) {
		if (!mayHaveDegreeWord(from, to)) {
			return -1;
		}
		String cut = this.text.substring(from, to);
		Matcher degree = DEGREE_WORD.matcher(cut);
		int lastEnd = -1;
		for (int next = 0; DEGREE_WORD.find(degree, cut, next); next = degree.end()) {
			lastEnd = degree.end();
		}
		return (lastEnd >= 0) ? from + lastEnd : -1;
	}

	/**
	 * Whether {@link #DEGREE_WORD} can match in the text cut out from {@code from} to {@code to}: where it matches in
	 * the whole text, or at the cut's ends, where it does not see the text around.
	 */
	boolean mayHaveDegreeWord(int from, int to) {
		int index = Arrays.binarySearch(this.degreeWords, from);
		int k = (index >= 0) ? index : -index - 1;
		if (k < this.degreeWords.length && this.degreeWords[k] < to) {
			return true;
		}
		// At the start, cut out, a word is not after a letter or full stop.
		if (from > 0 && from < to && DEGREE_WORDS.spelledAt(this.chars, from, to)) {
			return true;
		}
		// At the end, cut out, a word is not before a letter: only a word that ends there ends with a letter or a stop.
		char last = (to > from) ? this.chars[to - 1] : ' ';
		return to < this.length && WordStarts.isAsciiWordChar(this.chars[to]) && (WordStarts.isAsciiWordChar(last) || last == '.');
	}

	/**
	 * The lists of fields in the sentence from {@code from} to {@code to} ({@link Sentences}), as pairs of start and
	 * end offsets: the named fields of each match not about something else ({@link PostingClassifier#NOT_THE_DEGREE}),
	 * up to a word that ends them ({@link PostingClassifier#NOT_A_FIELD}). Fields of one list are often several
	 * mentions in one sentence: its lists are found once.
	 */
	int[] listsInSentence(int from, int to) {
		return this.listsBySentence.computeIfAbsent(((long) from << 32) | to, (key) -> lists(from, to));
	}

	private int[] lists(int from, int to) {
		List<Found> found = matchesInSentence(from, to);
		int[] lists = new int[2 * found.size()];
		int count = 0;
		for (Found match : found) {
			if (match.isTheDegree(this.text)) {
				lists[count++] = match.fieldsStart;
				lists[count++] = match.listEnd(this.text);
			}
		}
		return Arrays.copyOf(lists, count);
	}

	/**
	 * The matches in a sentence, as the expression finds them in the sentence cut out: the whole text's matches that
	 * start in it, unless one crosses its start or end ("B.S. in", "Ph.D.? In"), which cut out could match otherwise.
	 */
	List<Found> matchesInSentence(int from, int to) {
		List<Found> inSentence = new ArrayList<>();
		for (Found match : all()) {
			if (match.start < from && match.end > from || match.start >= from && match.start < to && match.end > to) {
				return searchSentence(from, to);
			}
			if (match.start >= from && match.start < to) {
				inSentence.add(match);
			}
		}
		return inSentence;
	}

	private List<Found> searchSentence(int from, int to) {
		List<Found> inSentence = new ArrayList<>();
		for (int next = from; find(next, to); next = this.matcher.end()) {
			inSentence.add(new Found(this.matcher));
		}
		return inSentence;
	}

	/**
	 * The next match starting at or after {@code from} in the text up to {@code to}, the text's length or a
	 * sentence's end ({@link Sentences#end}): the match {@code find} gives from there on {@code text.substring(0, to)},
	 * and on the sentence cut out, offset by its start.
	 */
	private boolean find(int from, int to) {
		int index = Arrays.binarySearch(this.words, from);
		for (int k = (index >= 0) ? index : -index - 1; k < this.words.length && this.words[k] < to - 1; k++) {
			int at = this.words[k];
			if (!hasInOrOf(at, to)) {
				continue;
			}
			// The character at a sentence's end is a line break or a full stop: the expression sees it as it sees
			// the end of the sentence cut out.
			this.matcher.region(at, to);
			if (this.matcher.lookingAt()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether "in" or "of" and a space follow within {@link #MAX_IN_OR_OF} characters, before {@code to}, with no
	 * character between that the expression's degree word and gap both exclude.
	 */
	private boolean hasInOrOf(int at, int to) {
		int last = Math.min(at + MAX_IN_OR_OF, to - 3);
		for (int p = at; p <= last; p++) {
			char c = this.text.charAt(p);
			if (c == ';' || c == ':' || c == '\n') {
				return false;
			}
			if (isInOrOf(c, this.text.charAt(p + 1)) && isRegexSpace(this.text.charAt(p + 2))) {
				return true;
			}
		}
		return false;
	}

	/**
	 * In the ranges of the text, where one of {@link #WORDS} starts a word and is followed by a character that is not
	 * a word character, and where one of {@link #DEGREE_WORD}'s words does so after no full stop either: where the
	 * two expressions can match.
	 */
	private static int[][] degreeWords(char[] chars, int length, int[] ranges) {
		int[] words = new int[8];
		int count = 0;
		int[] degreeWords = new int[8];
		int degreeCount = 0;
		for (int range = 0; range < ranges.length; range += 2) {
			int from = ranges[range];
			boolean afterWordChar = from > 0 && WordStarts.isAsciiWordChar(chars[from - 1]);
			for (int at = from; at < Math.min(ranges[range + 1], length - 1); at++) {
				boolean wordChar = WordStarts.isAsciiWordChar(chars[at]);
				// Most word starts are ruled out by their first three characters, which start no word of either list.
				if (!afterWordChar && STARTS.mayStartAt(chars, at, length)) {
					if (FIELDS_WORDS.spelledAt(chars, at, length)) {
						words = add(words, count++, at);
					}
					if ((at == 0 || chars[at - 1] != '.') && DEGREE_WORDS.spelledAt(chars, at, length)) {
						degreeWords = add(degreeWords, degreeCount++, at);
					}
				}
				afterWordChar = wordChar;
			}
		}
		return new int[][] { Arrays.copyOf(words, count), Arrays.copyOf(degreeWords, degreeCount) };
	}

	private static int[] add(int[] values, int count, int value) {
		int[] to = (count == values.length) ? Arrays.copyOf(values, count * 2) : values;
		to[count] = value;
		return to;
	}

	private static boolean isInOrOf(char first, char second) {
		return ((first == 'i' || first == 'I') && (second == 'n' || second == 'N'))
				|| ((first == 'o' || first == 'O') && (second == 'f' || second == 'F'));
	}

	/** {@code \s} without UNICODE_CHARACTER_CLASS. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	/** Words by their first two characters, found in a text. */
	private static final class Spellings {

		/** The words by their first two characters, lower-case ({@code 128 * first + second}). */
		private final String[][] byStart = new String[128 * 128][];

		Spellings(List<String> words) {
			for (String word : words) {
				int start = 128 * word.charAt(0) + word.charAt(1);
				String[] before = (this.byStart[start] != null) ? this.byStart[start] : new String[0];
				this.byStart[start] = Arrays.copyOf(before, before.length + 1);
				this.byStart[start][before.length] = word;
			}
		}

		/**
		 * Whether one of the words is written at {@code at} (ASCII letters in either case) and ends by {@code to},
		 * there or before a character that is not a word character.
		 */
		boolean spelledAt(char[] chars, int at, int to) {
			if (at + 1 >= to) {
				return false;
			}
			char first = WordStarts.lower(chars[at]);
			char second = WordStarts.lower(chars[at + 1]);
			String[] words = (first < 128 && second < 128) ? this.byStart[128 * first + second] : null;
			if (words == null) {
				return false;
			}
			for (String word : words) {
				int end = at + word.length();
				if (end <= to && spells(chars, at, word) && (end == to || !WordStarts.isAsciiWordChar(chars[end]))) {
					return true;
				}
			}
			return false;
		}

		private static boolean spells(char[] chars, int at, String word) {
			for (int k = 2; k < word.length(); k++) {
				if (WordStarts.lower(chars[at + k]) != word.charAt(k)) {
					return false;
				}
			}
			return true;
		}

	}

	/** A match: where it starts and ends, where its degree word ends and where its fields start and end. */
	static final class Found {

		final int start;

		final int end;

		final int wordEnd;

		final int fieldsStart;

		final int fieldsEnd;

		private Boolean theDegree;

		private int listEnd = -1;

		private Found(Matcher match) {
			this.start = match.start();
			this.end = match.end();
			this.wordEnd = match.end("word");
			this.fieldsStart = match.start("fields");
			this.fieldsEnd = match.end("fields");
		}

		/** Whether nothing between the degree word and the fields says they belong to something else. */
		boolean isTheDegree(String text) {
			if (this.theDegree == null) {
				this.theDegree = !PostingClassifier.NOT_THE_DEGREE.find(text.substring(this.wordEnd, this.fieldsStart));
			}
			return this.theDegree;
		}

		String fields(String text) {
			return text.substring(this.fieldsStart, this.fieldsEnd);
		}

		/** Where the list of fields ends: at the first word that is not a field's, or with the fields. */
		int listEnd(String text) {
			if (this.listEnd < 0) {
				int end = PostingClassifier.NOT_A_FIELD.start(fields(text));
				this.listEnd = (end >= 0) ? this.fieldsStart + end : this.fieldsEnd;
			}
			return this.listEnd;
		}

	}

}
