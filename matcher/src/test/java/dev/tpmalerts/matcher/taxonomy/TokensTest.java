package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tpmalerts.matcher.taxonomy.Tokens.Token;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			APIs and Stakeholders                | apis and stakeholder
			class status basis bus Kids          | class status basis bus kid
			C# and C++ with Security+ (# and +)  | c # and c + with security + and
			Ünïcode STRASSE Straße               | ünïcode strasse straße
			İstanbul offices                     | i̇stanbul office
			K-12 AZ-900 6σ                       | k 12 az 900 6σ
			""")
	void shouldTokeniseAndFold(String text, String folded) {
		assertThat(Tokens.of(text)).extracting(Token::folded).containsExactly(folded.split(" "));
	}

	@ParameterizedTest
	@ValueSource(strings = { "APIs and Stakeholders", "C# and C++, Security+ (# and +)", "Ünïcode STRASSE Straße",
			"İstanbul offices; ＡＷＳ ǅemal", "K-12 • AZ-900: 6σ", "😀PMP😀 PMPs", "", "   ", "s ss us is SS IS US Ss",
			"İİİS İİS ΣΑΣ ꝆS" })
	void shouldNumberTheTokensOfAsOfDoes(String text) {
		assertNumberedAsOf(text);
	}

	@Test
	void shouldNumberTheTokensOfRandomTextAsOfDoes() {
		String[] pieces = { "PMP", "pmps", "Status", "APIS", "class", "C", "#", "+", " ", " ", "\n", ",", ".", ";", ":",
				"(", ")", "•", "–", "'", "İ", "ß", "Ü", "é", "K", "Σ", "😀", "7", "AWS", "s", "Is", "us", "ǅ", "ＡＷＳ" };
		Random random = new Random(7);
		for (int round = 0; round < 2000; round++) {
			StringBuilder text = new StringBuilder();
			for (int k = random.nextInt(40); k > 0; k--) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			assertNumberedAsOf(text.toString());
		}
	}

	@Test
	void shouldTellAClauseBreakBeforeAToken() {
		String text = "PMP; ITIL (CCNA) or CSM, not PSM • SAFe:\nLean. C#";
		Tokens.Numbered tokens = Tokens.numbered(text, new Tokens.Vocabulary(List.of()));

		List<Boolean> breaks = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			breaks.add(tokens.clauseBreakBefore(i));
		}
		// PMP ; ITIL ( CCNA ) or CSM , not PSM • SAFe :\n Lean . C #
		assertThat(breaks).containsExactly(false, true, true, true, false, true, false, true, true, true, false);
	}

	@Test
	void shouldTellATokenWrittenExactly() {
		Tokens.Numbered tokens = Tokens.numbered("SAFe safe Safes", new Tokens.Vocabulary(List.of()));

		assertThat(tokens.isWritten(0, "SAFe".toCharArray())).isTrue();
		assertThat(tokens.isWritten(1, "SAFe".toCharArray())).isFalse();
		assertThat(tokens.isWritten(2, "Safe".toCharArray())).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Telecommunications and xtelecommunications, not telecommunication or elecommunications",
			"abcdefghijklmnop ABCDEFGHIJKLMNOPs abcdefghijklmnopq bcdefghijklmnopq abcdefghijklmno",
			"internationalization INTERNATIONALIZATIONs nternationalization a aa aaa aaaa aaaas" })
	void shouldNumberWordsAroundTheLongestPackedWordAsOfDoes(String text) {
		assertNumberedAsOf(text);
	}

	@Test
	void shouldTellWordsOfSixteenCharactersAndMoreApart() {
		// The same last sixteen characters: only the longer two need their characters compared.
		Tokens.Vocabulary vocabulary = new Tokens.Vocabulary(
				List.of("bcdefghijklmnopq", "abcdefghijklmnopq", "xabcdefghijklmnopq", "q"));
		Tokens.Numbered tokens = Tokens.numbered("BCDEFGHIJKLMNOPQ abcdefghijklmnopq Xabcdefghijklmnopq "
				+ "zabcdefghijklmnopq cdefghijklmnopq q Q", vocabulary);

		List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < tokens.size(); i++) {
			numbers.add(tokens.number(i));
		}
		assertThat(numbers).containsExactly(0, 1, 2, -1, -1, 3, 3);
	}

	@Test
	void shouldPackTheLastCharacterIntoTheLowestByte() {
		assertThat(Tokens.Vocabulary.pack("ab", 0, 2)).isEqualTo(('a' << 8) | 'b');
		assertThat(Tokens.Vocabulary.pack("abc", 1, 3)).isEqualTo(('b' << 8) | 'c');
		assertThat(Tokens.Vocabulary.pack("", 0, 0)).isZero();
	}

	/** Every token at the same place as {@link Tokens#of}, numbered by its folded form whether it is known or not. */
	private static void assertNumberedAsOf(String text) {
		List<Token> expected = Tokens.of(text);
		Set<String> known = new LinkedHashSet<>();
		for (int i = 0; i < expected.size(); i += 2) {
			known.add(expected.get(i).folded());
		}
		Tokens.Vocabulary vocabulary = new Tokens.Vocabulary(known);
		Tokens.Numbered tokens = Tokens.numbered(text, vocabulary);

		assertThat(tokens.size()).as(text).isEqualTo(expected.size());
		for (int i = 0; i < expected.size(); i++) {
			Token token = expected.get(i);
			assertThat(tokens.start(i)).as(text).isEqualTo(token.start());
			assertThat(tokens.end(i)).as(text).isEqualTo(token.end());
			assertThat(tokens.number(i)).as("%s in %s", token, text).isEqualTo(vocabulary.number(token.folded()));
			int after = (i > 0) ? expected.get(i - 1).end() : 0;
			assertThat(tokens.clauseBreakBefore(i)).as(text).isEqualTo(clauseBreak(text.substring(after, token.start())));
		}
	}

	private static boolean clauseBreak(String between) {
		return between.chars().anyMatch((c) -> ";.,\n():•".indexOf(c) >= 0);
	}

}
