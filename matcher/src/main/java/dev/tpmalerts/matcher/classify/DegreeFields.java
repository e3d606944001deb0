package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

	/** The longest degree word, then at most 45 characters before "in" or "of". */
	private static final int MAX_IN_OR_OF = 64;

	private static final String[][] WORDS_BY_LETTER = new String[26][];

	static {
		for (char letter = 'a'; letter <= 'z'; letter++) {
			char first = letter;
			WORDS_BY_LETTER[letter - 'a'] = WORDS.stream().filter((word) -> word.charAt(0) == first).toArray(String[]::new);
		}
	}

	private final String text;

	/** Where a degree word stands, ascending: the only places a match can start. */
	private final int[] words;

	private final Matcher matcher;

	/** The lists of fields of each sentence asked about, by its start and end. */
	private final Map<Long, int[]> listsBySentence = new HashMap<>();

	DegreeFields(String text) {
		this.text = text;
		this.words = degreeWords(text);
		// Transparent bounds: the expression sees the text around the region, as find on the text does.
		this.matcher = PATTERN.matcher(text).useTransparentBounds(true);
	}

	/**
	 * The next match starting at or after {@code from} in the text up to {@code to}, the text's length or a
	 * sentence's end ({@link Sentences#end}): the match {@code find} gives from there on {@code text.substring(0, to)},
	 * and on the sentence cut out, offset by its start. {@link #match()} holds it, with the text's offsets.
	 */
	boolean find(int from, int to) {
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
	 * The lists of fields in the sentence from {@code from} to {@code to}, as pairs of start and end offsets. Fields
	 * of one list are often several mentions in one sentence: its lists are found once.
	 */
	int[] listsInSentence(int from, int to) {
		return this.listsBySentence.computeIfAbsent(((long) from << 32) | to, (key) -> lists(from, to));
	}

	private int[] lists(int from, int to) {
		List<Integer> lists = new ArrayList<>();
		for (int next = from; find(next, to); next = this.matcher.end()) {
			if (PostingClassifier.NOT_THE_DEGREE.matcher(this.text.substring(this.matcher.end("word"), this.matcher.start("fields"))).find()) {
				continue;
			}
			int listStart = this.matcher.start("fields");
			Matcher end = PostingClassifier.NOT_A_FIELD.matcher(this.matcher.group("fields"));
			int listEnd = end.find() ? listStart + end.start() : this.matcher.end("fields");
			lists.add(listStart);
			lists.add(listEnd);
		}
		return lists.stream().mapToInt(Integer::intValue).toArray();
	}

	/** The last match found. */
	Matcher match() {
		return this.matcher;
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

	/** Where one of {@link #WORDS} starts a word and is followed by a character that is not a word character. */
	private static int[] degreeWords(String text) {
		int[] found = new int[8];
		int count = 0;
		for (int at = 0; at < text.length() - 1; at++) {
			char first = text.charAt(at);
			char letter = (char) (first | 0x20);
			if ((letter != 'b' && letter != 'm' && letter != 'd' && letter != 'p' && letter != 'a')
					|| (at > 0 && isAsciiWordChar(text.charAt(at - 1))) || !startsDegreeWord(text, at, WORDS_BY_LETTER[letter - 'a'])) {
				continue;
			}
			if (count == found.length) {
				found = Arrays.copyOf(found, count * 2);
			}
			found[count++] = at;
		}
		return Arrays.copyOf(found, count);
	}

	private static boolean startsDegreeWord(String text, int at, String[] words) {
		for (String word : words) {
			int end = at + word.length();
			if (end <= text.length() && (end == text.length() || !isAsciiWordChar(text.charAt(end))) && spells(text, at, word)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the text at {@code at} reads {@code word}, ignoring the case of ASCII letters as the expression does. */
	private static boolean spells(String text, int at, String word) {
		for (int k = 0; k < word.length(); k++) {
			char c = text.charAt(at + k);
			if (c >= 'A' && c <= 'Z') {
				c = (char) (c + ('a' - 'A'));
			}
			if (c != word.charAt(k)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isInOrOf(char first, char second) {
		return ((first == 'i' || first == 'I') && (second == 'n' || second == 'N'))
				|| ((first == 'o' || first == 'O') && (second == 'f' || second == 'F'));
	}

	/** {@code \s} without UNICODE_CHARACTER_CLASS. */
	private static boolean isRegexSpace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
	}

	private static boolean isAsciiWordChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	}

}
