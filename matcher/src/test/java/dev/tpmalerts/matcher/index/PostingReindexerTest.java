package dev.tpmalerts.matcher.index;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostingReindexerTest {

	@ParameterizedTest
	@CsvSource({ "postings-v1, postings-v2", "postings-v9, postings-v10", "postings-v41, postings-v42",
			"postings, postings-v2", "postings-2026, postings-2026-v2" })
	void shouldNameTheNextIndexAfterTheCurrentOne(String current, String next) {
		assertThat(PostingReindexer.nextName(current)).isEqualTo(next);
	}

}
