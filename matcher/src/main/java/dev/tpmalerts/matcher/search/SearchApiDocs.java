package dev.tpmalerts.matcher.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;

import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the recruiter search ({@code /v3/api-docs}, shown by Swagger UI): the parameters are
 * written here from the same lists the search checks them against (the taxonomy's ids, the workplaces), because the
 * controller reads them as one map that springdoc cannot see into.
 */
@Configuration(proxyBeanMethods = false)
class SearchApiDocs {

	static final String BASIC = "basic";

	static final String PROBLEM_REF = "#/components/schemas/Problem";

	@Bean
	OpenAPI matcherOpenApi() {
		return new OpenAPI()
			.info(new Info().title("tpm-alerts matcher")
				.version("v1")
				.description("The recruiter search over Technical Program Manager postings, classified against the TPM "
						+ "taxonomy, scored and tagged with evidence. Every error is an RFC 9457 problem detail."))
			.components(new Components()
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("basic")
					.description("A user of tpm.security.users with role RECRUITER or ADMIN (dev profile: recruiter / recruiter-demo-password)"))
				.addSchemas("Problem", problem()));
	}

	@Bean
	OperationCustomizer searchParameters() {
		return (operation, handler) -> {
			if (handler.getBeanType() == PostingSearchController.class) {
				operation.setParameters(parameters());
			}
			return operation;
		};
	}

	/** Every parameter {@link PostingQuery} knows, with its allowed values. */
	static List<Parameter> parameters() {
		List<Parameter> parameters = new ArrayList<>();
		parameters.add(parameter("q", "Full text over title (weighted three times), description and company", new StringSchema()));
		parameters.add(ids("role", "Roles", TaxonomyIds.ROLES));
		parameters.add(ids("seniority", "Seniorities", TaxonomyIds.SENIORITIES));
		TaxonomyIds.FACETS.keySet()
			.stream()
			.sorted()
			.forEach((facet) -> parameters.add(ids(facet, "Tags of the taxonomy facet " + facet, TaxonomyIds.FACETS.get(facet))));
		parameters.add(ids("workplace", "Workplaces", PostingQuery.WORKPLACES));
		// No examples on the filters: Swagger UI's "Try it out" would fill them in and narrow the search unasked.
		parameters.add(parameter("location", "Words of a city or region, all of which a posting's location must contain, e.g. San Francisco",
				new StringSchema()));
		parameters.add(list("country", "Country codes as postings carry them (e.g. US), any of these", new StringSchema()));
		parameters.add(parameter("salaryMin", "Least annual salary: the posting's annualised range must reach it (needs currency)",
				new NumberSchema().minimum(BigDecimal.ZERO)));
		parameters.add(parameter("salaryMax", "Most annual salary: the posting's range must start at or below it (needs currency; not below salaryMin)",
				new NumberSchema().minimum(BigDecimal.ZERO)));
		parameters.add(parameter("currency", "ISO 4217 code of the salary bounds, e.g. USD; postings in other currencies are left out",
				new StringSchema().pattern("^[A-Za-z]{3}$")));
		parameters.add(parameter("minScore", "Least match score", integer(0, 100, 0)));
		parameters.add(parameter("postedSince", "Least date posted, e.g. 2026-11-01", new StringSchema().format("date")));
		parameters.add(parameter("sort", "score: best match first, then newest; date: newest first, then best match",
				new StringSchema()._enum(List.of("score", "date"))._default("score")));
		parameters.add(parameter("size", "Hits per page", integer(1, 100, 20)));
		parameters.add(parameter("after", "The previous page's next cursor, unchanged: it is signed, and an altered or "
				+ "foreign one is refused with a 400 naming after", new StringSchema()));
		return parameters;
	}

	private static Parameter parameter(String name, String description, Schema<?> schema) {
		return new Parameter().in("query").name(name).description(description).required(false).schema(schema);
	}

	private static Parameter ids(String name, String description, List<String> ids) {
		return list(name, description + ", any of these", new StringSchema()._enum(ids));
	}

	/** A list: the parameter repeated ({@code skills=a&skills=b}) or its values separated by commas. */
	private static Parameter list(String name, String description, Schema<?> item) {
		return parameter(name, description + " (repeat the parameter or separate the values with commas)",
				new ArraySchema().items(item))
			.style(Parameter.StyleEnum.FORM)
			.explode(true);
	}

	private static Schema<?> integer(int min, int max, int fallback) {
		return new IntegerSchema().minimum(BigDecimal.valueOf(min)).maximum(BigDecimal.valueOf(max))._default(fallback);
	}

	/** RFC 9457 problem details as the search and the security filters write them. */
	private static Schema<?> problem() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema())
			.addProperty("status", new IntegerSchema())
			.addProperty("detail", new StringSchema())
			.addProperty("instance", new StringSchema())
			.addProperty("parameter", new StringSchema().description("The search parameter refused (400 only)"));
	}

}
