package dev.tpmalerts.matcher.classify;

/** The sentence around an offset: it ends at a line break or at ".", "!" or "?" followed by a space. */
final class Sentences {

	private Sentences() {
	}

	static int start(String text, int at) {
		int from = Math.min(at, text.length());
		while (from > 0 && text.charAt(from - 1) != '\n'
				&& !(from > 1 && text.charAt(from - 1) == ' ' && ".!?;".indexOf(text.charAt(from - 2)) >= 0)) {
			from--;
		}
		return from;
	}

	static int end(String text, int at) {
		int to = Math.max(0, at);
		while (to < text.length() && text.charAt(to) != '\n'
				&& !(".!?;".indexOf(text.charAt(to)) >= 0 && (to + 1 == text.length() || text.charAt(to + 1) == ' '))) {
			to++;
		}
		return to;
	}

	static String around(String text, int at) {
		return text.substring(start(text, at), end(text, at));
	}

}
