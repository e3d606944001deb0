package dev.tpmalerts.matcher.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.matcher.search.PostingQuery.Sort;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostingQueryTest {

	private static final SearchCursors CURSORS = new SearchCursors(new SearchProperties("a test key of at least 32 characters"));

	@Test
	void shouldParseEveryFilterWithListsByCommaOrRepetition() {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("q", "platform");
		parameters.add("role", "technical-program-manager,program-manager");
		parameters.add("skills", "leadership");
		parameters.add("skills", "budgeting");
		parameters.add("workplace", "remote");
		parameters.add("salaryMin", "150000");
		parameters.add("currency", "usd");
		parameters.add("postedSince", "2026-11-01");
		parameters.add("sort", "date");

		PostingQuery query = PostingQuery.parse(parameters, CURSORS);

		assertThat(query.text()).isEqualTo("platform");
		assertThat(query.roles()).containsExactly("technical-program-manager", "program-manager");
		assertThat(query.facets()).isEqualTo(Map.of("skills", List.of("leadership", "budgeting")));
		assertThat(query.workplaces()).containsExactly("remote");
		assertThat(query.salaryMin()).isEqualTo(150_000.0);
		assertThat(query.currency()).isEqualTo("USD");
		assertThat(query.postedSince()).isEqualTo(LocalDate.of(2026, 11, 1));
		assertThat(query.sort()).isEqualTo(Sort.DATE);
		assertThat(query.size()).isEqualTo(20);
		assertThat(query.after()).isEmpty();
	}

	@Test
	void shouldReadBackTheCursorItHandsOut() {
		String cursor = CURSORS.write(Sort.SCORE, List.of(87, 1763596800000L, "abc"));
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("after", cursor);
		assertThat(PostingQuery.parse(parameters, CURSORS).after()).hasValueSatisfying(
				(after) -> assertThat(after).hasSize(3).endsWith("abc"));
	}

	@ParameterizedTest(name = "{0}={1} is refused, naming {2}")
	@CsvSource({ "role, ceo, role", "seniority, intern, seniority", "skills, juggling, skills",
			"certifications, pmp;xyz, certifications", "workplace, moon, workplace", "size, 0, size",
			"size, 101, size", "size, ten, size", "minScore, 101, minScore", "salaryMin, -5, salaryMin",
			"salaryMin, 100000, currency", "currency, dollars, currency", "postedSince, yesterday, postedSince",
			"sort, relevance, sort", "after, not-a-cursor, after", "colour, blue, colour" })
	void shouldRefuseABadParameterByName(String name, String value, String parameter) {
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add(name, value.replace(';', ','));
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> PostingQuery.parse(parameters, CURSORS))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo(parameter));
	}

	@Test
	void shouldRefuseASalaryRangeUpsideDownAndACursorOfTheOtherSort() {
		MultiValueMap<String, String> range = new LinkedMultiValueMap<>();
		range.add("salaryMin", "200000");
		range.add("salaryMax", "100000");
		range.add("currency", "USD");
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> PostingQuery.parse(range, CURSORS))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("salaryMax"));

		MultiValueMap<String, String> cursor = new LinkedMultiValueMap<>();
		cursor.add("after", CURSORS.write(Sort.DATE, List.of(1L, 2, "x")));
		assertThatExceptionOfType(BadParameterException.class).isThrownBy(() -> PostingQuery.parse(cursor, CURSORS))
			.satisfies((ex) -> assertThat(ex.parameter()).isEqualTo("after"));
	}

}
