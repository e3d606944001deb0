package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.Evidence;

import static org.assertj.core.api.Assertions.assertThat;

class DegreeFieldsTest {

	private final PostingClassifier classifier = new PostingClassifier(Taxonomy.load());

	@Test
	void shouldListEverySpellingOfTheExpressionsDegreeWord() {
		// The expression is tried only where one of WORDS stands: a degree word added to it must be added there.
		String expression = DegreeFields.PATTERN.pattern();
		int start = expression.indexOf("(?<word>") + "(?<word>".length();
		String group = expression.substring(start, expression.indexOf(")(?![\\w])", start));

		assertThat(Alternations.spellings(group)).containsExactlyInAnyOrderElementsOf(DegreeFields.WORDS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everySpelling")
	void shouldFindTheFieldsAfterEveryDegreeWord(String requirement) {
		String text = "Requirements\n" + requirement + " in Underwater Acoustics or a related field.\n";

		assertThat(otherDegreeFields(text)).containsExactly("Underwater Acoustics");
		assertThat(found(text, 0, text.length())).isEqualTo(foundByTheExpression(text, 0));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			B.S. in Marine Geology, preferred.                          | Marine Geology
			BSc in Marine Geology or a related field.                   | Marine Geology
			Ph.D. in Marine Geology.                                    | Marine Geology
			An associate's in Marine Geology.                           | Marine Geology
			Bachelor of Science in Marine Geology.                      | Marine Geology
			Master of Arts in Art History; required.                    | Art History
			MBA in Supply Chain Management.                             | Supply Chain Management
			BS/MS in Marine Geology or Oceanography.                    | Marine Geology
			B. Tech in Marine Geology.                                  | Marine Geology
			Master’s degree in Art History and Museum Studies.          | Art History
			""")
	void shouldFindTheFieldOfADegreeAskedFor(String requirement, String field) {
		assertThat(otherDegreeFields("Requirements\n" + requirement + "\n")).contains(field);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Develop the design of our delivery process in Q3.
			Manage the base of our data in Europe.
			MS Office skills; based in Austin.
			A BS.in Physics.
			Bachelor in Physics.
			BSEE in Physics.
			""")
	void shouldFindWhatTheExpressionFindsAndNothingMore(String sentence) {
		String text = "Requirements\n" + sentence + "\nWhat you'll do\nRun the program.\n";

		assertThat(found(text, 0, text.length())).isEqualTo(foundByTheExpression(text, 0));
		int from = "Requirements\n".length();
		int to = Sentences.end(text, from);
		assertThat(found(text, from, to)).isEqualTo(foundByTheExpression(text.substring(from, to), from));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everySpellingInOtherCharacters")
	void shouldFindInThePostingsLowerCaseCopyWhatItFindsInTheText(String requirement) {
		String text = "Requirements\n" + requirement + " in Marine Geology, or a related field.\nWhat you’ll do\nRun the program.\n";
		DegreeFields fields = new DegreeFields(text, Sections.of(text, "Acme"));
		DegreeFields alone = new DegreeFields(text);

		assertThat(fields.all()).extracting((match) -> match.start + "-" + match.end).isEqualTo(foundByTheExpression(text, 0));
		for (int from = 0; from < text.length(); from += 3) {
			int to = Math.min(text.length(), from + 17);
			assertThat(fields.mayHaveDegreeWord(from, to)).as("%d-%d", from, to).isEqualTo(alone.mayHaveDegreeWord(from, to));
			assertThat(fields.hasWordBetween(from, to)).as("%d-%d", from, to).isEqualTo(alone.hasWordBetween(from, to));
		}
	}

	/** Each spelling after characters that lower to others, or to ASCII ("\u212A", the Kelvin sign, to "k"). */
	static Stream<String> everySpellingInOtherCharacters() {
		return everySpelling().flatMap((word) -> Stream.of("Ünï " + word.replace('\'', '’'), "\u212A" + word, "\u212A " + word,
				word + "\u212A", "DEGREE: " + word));
	}

	static Stream<String> everySpelling() {
		return DegreeFields.WORDS.stream()
			.flatMap((word) -> Stream.of(word, word.toUpperCase(Locale.ROOT), word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1)))
			.distinct();
	}

	private List<String> otherDegreeFields(String text) {
		return this.classifier.classify("Technical Program Manager", "mid", text)
			.tags()
			.stream()
			.filter((tag) -> tag.facet().equals("degrees") && tag.id().equals("other"))
			.flatMap((tag) -> tag.evidence().stream())
			.map(Evidence::text)
			.toList();
	}

	/** Where the matches in the text from {@code from} to {@code to} start and end, as "start-end". */
	private static List<String> found(String text, int from, int to) {
		DegreeFields fields = new DegreeFields(text);
		List<DegreeFields.Found> found = (from == 0 && to == text.length()) ? fields.all() : fields.matchesInSentence(from, to);
		return found.stream().map((match) -> match.start + "-" + match.end).toList();
	}

	/** Where the expression's matches in a text cut out at {@code offset} start and end, as "start-end". */
	private static List<String> foundByTheExpression(String text, int offset) {
		return DegreeFields.PATTERN.matcher(text)
			.results()
			.map((match) -> (match.start() + offset) + "-" + (match.end() + offset))
			.toList();
	}

}
