package dev.tpmalerts.matcher.search;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.matcher.search.PostingQuery.Sort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SearchCursorsTest {

	private final SearchCursors cursors = new SearchCursors(new SearchProperties("the signing key of this test, 32+ chars"));

	@Test
	void shouldReadBackTheSortValuesItSigned() {
		String cursor = this.cursors.write(Sort.DATE, List.of(1763596800000L, 87, "posting-1"));

		assertThat(this.cursors.read(cursor, Sort.DATE)).containsExactly(1763596800000L, 87, "posting-1");
	}

	@Test
	void shouldRefuseACursorWhoseSortValuesWereChanged() {
		String cursor = this.cursors.write(Sort.SCORE, List.of(87, 1763596800000L, "posting-1"));
		String payload = new String(Base64.getUrlDecoder().decode(cursor.substring(0, cursor.indexOf('.'))), StandardCharsets.UTF_8);
		String changed = payload.replace("87", "99");
		assertThat(changed).isNotEqualTo(payload);
		String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8))
				+ cursor.substring(cursor.indexOf('.'));

		assertRefused(tampered, Sort.SCORE);
	}

	@Test
	void shouldRefuseACursorSignedWithAnotherKeyOrWithoutSignature() {
		String foreign = new SearchCursors(new SearchProperties(null)).write(Sort.SCORE, List.of(87, 1L, "posting-1"));
		String unsigned = foreign.substring(0, foreign.indexOf('.'));

		assertRefused(foreign, Sort.SCORE);
		assertRefused(unsigned, Sort.SCORE);
		assertRefused(unsigned + ".", Sort.SCORE);
		assertRefused("not a cursor!", Sort.SCORE);
	}

	@Test
	void shouldRefuseACursorOfTheOtherSort() {
		String cursor = this.cursors.write(Sort.SCORE, List.of(87, 1L, "posting-1"));

		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> this.cursors.read(cursor, Sort.DATE))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("after"))
			.withMessageContaining("sort (date)");
	}

	@Test
	void shouldDrawADifferentKeyAtEachStartWhenNoneIsConfigured() {
		SearchProperties unset = new SearchProperties(" ");
		assertThat(unset.cursorKeyBytes()).hasSize(32).isNotEqualTo(unset.cursorKeyBytes());
	}

	@Test
	void shouldRefuseAShortConfiguredKeyNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SearchProperties("too short"))
			.withMessageContaining("tpm.matcher.search.cursor-key");
	}

	private void assertRefused(String cursor, Sort sort) {
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> this.cursors.read(cursor, sort))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("after"))
			.withMessageContaining("not a cursor this search handed out");
	}

}
