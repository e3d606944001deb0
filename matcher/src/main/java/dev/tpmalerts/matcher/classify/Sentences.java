package dev.tpmalerts.matcher.classify;

/**
 * The sentence around an offset: it ends at a line break or at ".", "!" or "?" followed by a space, but for the
 * dots of an abbreviation ("B.S. in Computer Science", "Ph.D. in", "e.g. Python").
 */
final class Sentences {

	private Sentences() {
	}

	static int start(String text, int at) {
		int from = Math.min(at, text.length());
		while (from > 0) {
			char previous = text.charAt(from - 1);
			if (previous == '\n' || (previous == ' ' && from > 1 && isStop(text, from - 2))) {
				break;
			}
			from--;
		}
		return from;
	}

	static int end(String text, int at) {
		int to = Math.max(0, at);
		int length = text.length();
		while (to < length) {
			char each = text.charAt(to);
			if (each == '\n' || (isStop(text, to) && (to + 1 == length || text.charAt(to + 1) == ' '))) {
				break;
			}
			to++;
		}
		return to;
	}

	static String around(String text, int at) {
		return text.substring(start(text, at), end(text, at));
	}

	/** ".", "!", "?" or ";": a switch, where looking the character up in a string was a measurable cost. */
	private static boolean isStop(String text, int at) {
		return switch (text.charAt(at)) {
			case '!', '?', ';' -> true;
			case '.' -> !endsAbbreviation(text, at);
			default -> false;
		};
	}

	/** Whether the dot at {@code at} closes a letter that follows another dot: "B.S.", "Ph.D.", "e.g.", "U.S.". */
	private static boolean endsAbbreviation(String text, int at) {
		return at >= 3 && Character.isLetter(text.charAt(at - 1)) && text.charAt(at - 2) == '.'
				&& Character.isLetter(text.charAt(at - 3));
	}

}
