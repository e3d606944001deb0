package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class WordGuardTest {

	static Stream<Arguments> guards() {
		return Stream.of(Arguments.of("DEGREE_WORD", DegreeFields.DEGREE_WORD),
				Arguments.of("NOT_A_FIELD", PostingClassifier.NOT_A_FIELD),
				Arguments.of("NOT_THE_DEGREE", PostingClassifier.NOT_THE_DEGREE),
				Arguments.of("LIST_END", PostingClassifier.LIST_END),
				Arguments.of("DEGREE_AFTER_FIELD_WORD", PostingClassifier.DEGREE_AFTER_FIELD_WORD));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("guards")
	void shouldListEveryWordTheExpressionStartsWith(String name, WordGuard guard) {
		// The expression is tried only where one of the words starts: a word added to it must be added there.
		assertThat(Alternations.ofFirstGroup(guard.pattern().pattern())).containsExactlyInAnyOrderElementsOf(guard.words());
	}

	@Test
	void shouldGuardTheDegreeWordAfterAFieldWithItsWords() {
		assertThat(Alternations.ofFirstGroup(PostingClassifier.DEGREE_AFTER_FIELD.pattern()))
			.containsExactlyInAnyOrderElementsOf(PostingClassifier.DEGREE_AFTER_FIELD_WORD.words());
	}

	static Stream<Arguments> edgeLetters() {
		return Stream.of(Arguments.of(PostingClassifier.SECURITY_OTHER_AFTER, "clearance", PostingClassifier.SECURITY_OTHER_AFTER_FIRSTS, true),
				Arguments.of(PostingClassifier.SECURITY_OTHER_BEFORE, "social", PostingClassifier.SECURITY_OTHER_BEFORE_LASTS, false),
				Arguments.of(PostingClassifier.SOFTWARE_KIND_AFTER, "company", PostingClassifier.SOFTWARE_KIND_AFTER_FIRSTS, true),
				Arguments.of(PostingClassifier.SOFTWARE_TOOL_BEFORE, "scheduling", PostingClassifier.SOFTWARE_TOOL_BEFORE_LASTS, false),
				Arguments.of(PostingClassifier.LEVEL_LOOKALIKE_AFTER, "office", PostingClassifier.LEVEL_LOOKALIKE_AFTER_FIRSTS, true),
				Arguments.of(PostingClassifier.LEVEL_LOOKALIKE_BEFORE, "scrum", PostingClassifier.LEVEL_LOOKALIKE_BEFORE_LASTS, false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("edgeLetters")
	void shouldListTheLetterEachWordStartsOrEndsWith(Pattern pattern, String word, String letters, boolean first) {
		// The expression runs only where one of the letters stands: a word added to it must bring its letter.
		assertThat(Alternations.ofGroupAround(pattern.pattern(), word)).isNotEmpty()
			.allSatisfy((each) -> assertThat(letters).contains(String.valueOf(each.charAt(first ? 0 : each.length() - 1))));
	}

	@Test
	void shouldHoldACultureWordInEveryMatchOfTheCultureExpression() {
		assertThat(Alternations.ofFirstGroup(PostingClassifier.CULTURE.pattern())).isNotEmpty()
			.allSatisfy((each) -> assertThat(PostingClassifier.CULTURE_WORDS).anySatisfy((word) -> assertThat(each).contains(word)));
		assertThat(PostingClassifier.CULTURE_WORDS).allSatisfy((word) -> assertThat("comwa").contains(word.substring(0, 1)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("guards")
	void shouldFindWhatTheExpressionFinds(String name, WordGuard guard) {
		Random random = new Random(7);
		List<String> pieces = new ArrayList<>(guard.words());
		pieces.addAll(List.of(" ", ".", ",", "x", "_", "1", "é", "’", "\u0301", "\n", "in ", "of ", "A", "re", "ex"));
		for (int n = 0; n < 20_000; n++) {
			StringBuilder text = new StringBuilder();
			for (int k = random.nextInt(8); k >= 0; k--) {
				String piece = pieces.get(random.nextInt(pieces.size()));
				text.append(random.nextBoolean() ? piece : piece.toUpperCase(Locale.ROOT));
			}
			assertThat(found(guard, text.toString())).as(text.toString()).isEqualTo(foundByTheExpression(guard, text.toString()));
			assertThat(guard.find(text)).isEqualTo(guard.pattern().matcher(text).find());
			if (!guard.mayMatch(text)) {
				assertThat(guard.pattern().matcher(text).find()).as(text.toString()).isFalse();
			}
		}
	}

	private static List<String> found(WordGuard guard, String text) {
		Matcher matcher = guard.matcher(text);
		List<String> found = new ArrayList<>();
		for (int next = 0; guard.find(matcher, text, next); next = matcher.end()) {
			found.add(matcher.start() + "-" + matcher.end());
		}
		return found;
	}

	private static List<String> foundByTheExpression(WordGuard guard, String text) {
		return guard.pattern().matcher(text).results().map((match) -> match.start() + "-" + match.end()).toList();
	}

}
