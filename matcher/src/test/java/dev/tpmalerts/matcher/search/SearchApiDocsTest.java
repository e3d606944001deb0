package dev.tpmalerts.matcher.search;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.shared.TaxonomyIds;

import static org.assertj.core.api.Assertions.assertThat;

class SearchApiDocsTest {

	private final Map<String, Parameter> documented = SearchApiDocs.parameters()
		.stream()
		.collect(Collectors.toMap(Parameter::getName, Function.identity()));

	@Test
	void shouldDocumentExactlyTheParametersTheSearchAccepts() {
		assertThat(this.documented.keySet()).isEqualTo(PostingQuery.PARAMETERS);
		assertThat(this.documented.values()).allSatisfy((parameter) -> {
			assertThat(parameter.getIn()).isEqualTo("query");
			assertThat(parameter.getDescription()).isNotBlank();
		});
	}

	@Test
	void shouldListTheAllowedIdsOfEveryFacetAsItsItemsEnum() {
		TaxonomyIds.FACETS.forEach((facet, ids) -> assertThat(itemsEnum(facet)).isEqualTo(ids));
		assertThat(itemsEnum("role")).isEqualTo(TaxonomyIds.ROLES);
		assertThat(itemsEnum("seniority")).isEqualTo(TaxonomyIds.SENIORITIES);
		assertThat(itemsEnum("workplace")).isEqualTo(List.of("remote", "hybrid", "onsite"));
		assertThat(this.documented.get("sort").getSchema().getEnum()).isEqualTo(List.of("score", "date"));
		assertThat(this.documented.get("size").getSchema().getMaximum()).isEqualByComparingTo("100");
	}

	private List<?> itemsEnum(String name) {
		return this.documented.get(name).getSchema().getItems().getEnum();
	}

}
