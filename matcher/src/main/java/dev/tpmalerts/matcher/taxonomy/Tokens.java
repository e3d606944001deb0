package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits text into word tokens with their offsets. Letters and digits form words; "+" and "#" right after a word
 * are tokens of their own ("Security+", "C#"); everything else separates. The folded form is lower case with a
 * plural "s" removed, so "APIs" meets "API" and "Stakeholders" meets "stakeholder".
 */
public final class Tokens {

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

	/** {@link Character#isLetterOrDigit(char)}, answered without its table lookup for the ASCII most text is. */
	private static boolean isLetterOrDigit(char c) {
		if (c < 128) {
			return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
		}
		return Character.isLetterOrDigit(c);
	}

	static String fold(String word) {
		String lower = word.toLowerCase(Locale.ROOT);
		if (lower.length() > 3 && lower.endsWith("s") && !lower.endsWith("ss") && !lower.endsWith("us")
				&& !lower.endsWith("is")) {
			return lower.substring(0, lower.length() - 1);
		}
		return lower;
	}

}
