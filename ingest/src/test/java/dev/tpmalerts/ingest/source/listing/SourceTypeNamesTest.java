package dev.tpmalerts.ingest.source.listing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.ingest.source.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceTypeNamesTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			career-listing, CAREER_LISTING, career-listing
			CAREER_LISTING, CAREER_LISTING, career-listing
			html,           HTML,           html
			career-page,    JSON_LD_PAGE,   json-ld-page
			json_ld_page,   JSON_LD_PAGE,   json-ld-page
			' greenhouse ', GREENHOUSE,     greenhouse
			""")
	void shouldReadEveryTypeByItsConfigNameOrAlias(String name, SourceType type, String configName) {
		assertThat(SourceType.fromConfigName(name)).isEqualTo(type);
		assertThat(type.configName()).isEqualTo(configName);
	}

	@ParameterizedTest
	@CsvSource({ "career-listing", "html" })
	void shouldNotTakeTheNewTypesForAtsBoards(String name) {
		assertThat(SourceType.fromConfigName(name).isAts()).isFalse();
	}

	@Test
	void shouldListTheNewTypesWhenANameIsUnknown() {
		assertThatThrownBy(() -> SourceType.fromConfigName("careers-list")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("career-listing")
			.hasMessageContaining("html");
	}

}
