package dev.tpmalerts.matcher.classify;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.matcher.classify.GuardedPattern.Literals;

import static org.assertj.core.api.Assertions.assertThat;

class GuardedPatternTest {

	@Test
	void shouldReadTheWordsEveryMatchHolds() {
		assertThat(Literals.clauses("(we|the company|employer)( will)? (pay|pays|cover)[^.]{0,60}(exam|course)"))
			.containsExactly(Set.of("we ", "the company ", "employer "), Set.of("pay", "cover"), Set.of("exam", "course"));
		// A boundary consumes nothing, so the letters either side of it stay together.
		assertThat(Literals.clauses("\\bada\\b compliance")).containsExactly(Set.of("ada compliance"));
		assertThat(Literals.clauses("regardless of (race|age|gender)"))
			.containsExactly(Set.of("regardless of race", "regardless of age", "regardless of gender"));
		// An optional part is one text more; a repeated one holds nothing for sure, and one letter is no help.
		assertThat(Literals.clauses("a(bc)?d")).containsExactly(Set.of("abcd", "ad"));
		assertThat(Literals.clauses("x(bc)*y")).isEmpty();
		assertThat(Literals.clauses("[a-z]+ing")).containsExactly(Set.of("ing"));
		// Of alternatives, a word of each.
		assertThat(Literals.clauses("foo[0-9]bar|quux")).containsExactly(Set.of("foo", "quux"));
	}

	@Test
	void shouldReadTheTextsAMatchStartsWith() {
		assertThat(Literals.starts("^(about (the|this) (role|job)|day[ -]to[ -]day|u\\.?s\\.? export)"))
			.containsExactlyInAnyOrder("about the role", "about the job", "about this role", "about this job", "day",
					"u.s. export", "u.s export", "us. export", "us export");
		assertThat(Literals.sureStarts("^(benefits|why [a-z]{1,30}|about( us)?$|perks)"))
			.containsExactlyInAnyOrder("benefits", "perks");
		// Not anchored, or an alternative that may start with anything: not known.
		assertThat(Literals.starts("benefits|^perks")).isNull();
		assertThat(Literals.starts("^(perks|[a-z]+ing)")).isNull();
		assertThat(Literals.sureStarts("^(what|who)\\b")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			(?i)pay
			\\Qpay\\E
			pa++y
			(?<word>pay)
			(pay)\\1
			pay\\x41
			""")
	void shouldRunAnExpressionItCannotReadOnEveryLine(String regex) {
		GuardedPattern pattern = new GuardedPattern(regex);

		assertThat(pattern.guards()).allSatisfy((guard) -> assertThat(guard).isEmpty());
		for (String text : List.of("we pay", "PAY", "paypay", "payA", "nothing")) {
			long words = GuardedPattern.scanner(pattern).wordsByLine(text.toCharArray(), new int[] { 0 }).of(0, 0);
			assertThat(pattern.find(words, text, 0, text.length())).as(text)
				.isEqualTo(Pattern.compile(regex).matcher(text).find());
		}
	}

	@Test
	void shouldFindEachLinesWordsInOnePass() {
		GuardedPattern eeo = new GuardedPattern("equal (employment )?opportunity|gender identity");
		GuardedPattern pay = new GuardedPattern("\\bpto\\b|paid time off");
		GuardedPattern.Scanner scanner = GuardedPattern.scanner(eeo, pay);
		String text = "equal opportunity\nunlimited pto\n\ngender\nidentity paid time off";

		GuardedPattern.LineWords words = scanner.wordsByLine(text.toCharArray(), new int[] { 0, 18, 32, 33, 40 });

		assertThat(eeo.findOnLine(words.of(scanner.slot(eeo), 0), text, 0, 17)).isTrue();
		assertThat(pay.findOnLine(words.of(scanner.slot(pay), 0), text, 0, 17)).isFalse();
		assertThat(pay.findOnLine(words.of(scanner.slot(pay), 1), text, 18, 31)).isTrue();
		assertThat(words.of(scanner.slot(eeo), 2)).isZero();
		// A phrase broken over two lines is on neither.
		assertThat(eeo.findOnLine(words.of(scanner.slot(eeo), 3), text, 33, 39)).isFalse();
		assertThat(eeo.findOnLine(words.of(scanner.slot(eeo), 4), text, 40, text.length())).isFalse();
		assertThat(pay.findOnLine(words.of(scanner.slot(pay), 4), text, 40, text.length())).isTrue();
	}

	@Test
	void shouldClearTheWordsOfTheTextReadBeforeWhenItsArraysAreUsedAgain() {
		GuardedPattern pay = new GuardedPattern("\\bpto\\b|paid time off");
		GuardedPattern.Scanner scanner = GuardedPattern.scanner(pay);
		GuardedPattern.LineWords words = new GuardedPattern.LineWords();
		String before = "pto\npaid time off\npto";
		String after = "none\nnone";

		assertThat(scanner.wordsByLine(before.toCharArray(), before.length(), new int[] { 0, 4, 18 }, 3, words)).isSameAs(words);
		assertThat(words.of(0, 2)).isNotZero();
		// An array longer than the text, as a thread's scratch is: what lies past the text is not read.
		char[] scratch = (after + "\npto pto pto").toCharArray();
		scanner.wordsByLine(scratch, after.length(), new int[] { 0, 5, 99 }, 2, words);

		assertThat(words.of(0, 0)).isZero();
		assertThat(words.of(0, 1)).isZero();
	}

}
