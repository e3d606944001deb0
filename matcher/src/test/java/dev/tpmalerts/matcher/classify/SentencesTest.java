package dev.tpmalerts.matcher.classify;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SentencesTest {

	private static final String[] PIECES = { "a", "word", " ", ".", "!", "?", ";", ",", "\n", ". ", "; ", "e.g.", "U.S. ", "B.", "x." };

	// The sentence runs up to its stop, without it.
	@ParameterizedTest(name = "\"{0}\" at {1} → \"{2}\"")
	@CsvSource(delimiter = '|', textBlock = """
			We ship. You lead the launch! Then rest.  | 12 | You lead the launch
			We ship. You lead the launch! Then rest.  | 0  | We ship
			We ship. You lead the launch! Then rest.  | 35 | Then rest
			Plans; risks and milestones               | 10 | risks and milestones
			U.S. teams, e.g. Austin                   | 2  | U.S. teams, e.g. Austin
			e.g.Austin and Boston                     | 8  | e.g.Austin and Boston
			B.S. in Computer Science. Then rest.      | 9  | B.S. in Computer Science
			A Ph.D. in Physics. Then rest.            | 12 | A Ph.D. in Physics
			We use plan B. Then rest.                 | 3  | We use plan B
			""")
	void shouldCutTheSentenceAroundAnOffset(String text, int at, String sentence) {
		assertThat(Sentences.around(text, at)).isEqualTo(sentence);
	}

	@Test
	void shouldStopAtALineBreak() {
		assertThat(Sentences.around("About us\nWe build rockets\nApply now", 12)).isEqualTo("We build rockets");
	}

	@Test
	void shouldFindTheSameBoundsAsLookingUpTheStopsInAString() {
		Random random = new Random(11);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(10);
			for (int j = 0; j < pieces; j++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			int at = random.nextInt(text.length() + 3) - 1;

			assertThat(Sentences.start(text.toString(), at)).as("start of \"%s\" at %d", text, at)
				.isEqualTo(originalStart(text.toString(), at));
			assertThat(Sentences.end(text.toString(), at)).as("end of \"%s\" at %d", text, at)
				.isEqualTo(originalEnd(text.toString(), at));
		}
	}

	private static int originalStart(String text, int at) {
		int from = Math.min(at, text.length());
		while (from > 0 && text.charAt(from - 1) != '\n'
				&& !(from > 1 && text.charAt(from - 1) == ' ' && isStop(text, from - 2))) {
			from--;
		}
		return from;
	}

	private static int originalEnd(String text, int at) {
		int to = Math.max(0, at);
		while (to < text.length() && text.charAt(to) != '\n'
				&& !(isStop(text, to) && (to + 1 == text.length() || text.charAt(to + 1) == ' '))) {
			to++;
		}
		return to;
	}

	/** A stop, unless the dot of an abbreviation: a letter after a dot after a letter, as in "B.S." and "e.g.". */
	private static boolean isStop(String text, int at) {
		boolean abbreviation = text.charAt(at) == '.' && text.substring(0, at).matches("(?s).*\\p{L}\\.\\p{L}");
		return ".!?;".indexOf(text.charAt(at)) >= 0 && !abbreviation;
	}

}
