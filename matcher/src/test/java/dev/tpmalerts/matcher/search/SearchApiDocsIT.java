package dev.tpmalerts.matcher.search;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.security.ApiSecurity;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.TaxonomyIds;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI description and Swagger UI as a client without credentials gets them from the running matcher. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SearchApiDocsIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

	@Test
	void shouldDescribeTheSearchWithEveryParameterItsProblemAnswersAndTheBasicScheme() throws Exception {
		HttpResponse<String> response = get("/v3/api-docs");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> api = cast(Json.mapper().readValue(response.body(), Map.class));

		Map<String, Object> paths = cast(api.get("paths"));
		assertThat(paths.keySet()).as("the pages are not part of the API").containsExactly("/api/postings");
		Map<String, Object> search = cast(((Map<?, ?>) paths.get("/api/postings")).get("get"));
		List<Map<String, Object>> parameters = cast(search.get("parameters"));
		Map<String, Map<String, Object>> byName = parameters.stream()
			.collect(Collectors.toMap((parameter) -> (String) parameter.get("name"), (parameter) -> parameter));
		assertThat(byName.keySet()).isEqualTo(PostingQuery.PARAMETERS);
		assertThat(itemsEnum(byName.get("role"))).isEqualTo(TaxonomyIds.ROLES);
		TaxonomyIds.FACETS.forEach((facet, ids) -> assertThat(itemsEnum(byName.get(facet))).as(facet).isEqualTo(ids));
		assertThat(((Map<?, ?>) byName.get("sort").get("schema")).get("enum")).isEqualTo(List.of("score", "date"));

		Map<String, Map<String, Object>> responses = cast(search.get("responses"));
		assertThat(responses).containsKeys("200", "400", "401", "403");
		for (String status : List.of("400", "401", "403")) {
			Map<String, Object> content = cast(responses.get(status).get("content"));
			assertThat(content).containsKey("application/problem+json");
		}
		assertThat(search.get("security")).isEqualTo(List.of(Map.of("basic", List.of())));
		Map<String, Object> components = cast(api.get("components"));
		Map<String, Map<String, Object>> schemes = cast(components.get("securitySchemes"));
		assertThat(schemes.get("basic")).containsEntry("type", "http").containsEntry("scheme", "basic");
		Map<String, Map<String, Object>> schemas = cast(components.get("schemas"));
		assertThat(schemas).containsKeys("SearchResult", "SearchHit", "Problem");
		assertThat(cast(((Map<?, ?>) schemas.get("Problem").get("properties")).keySet()).toString()).contains("parameter");
	}

	@Test
	void shouldServeSwaggerUiFromTheJarUnderItsOwnContentSecurityPolicy() throws Exception {
		HttpResponse<String> entry = get("/swagger-ui.html");
		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/swagger-ui/index.html"));

		HttpResponse<String> page = get("/swagger-ui/index.html");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("swagger-ui-bundle.js").doesNotContain("src=\"http").doesNotContain("href=\"http");
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying((csp) -> assertThat(csp)
			.startsWith(ApiSecurity.CONTENT_SECURITY_POLICY)
			.doesNotContain("script-src"));
		assertThat(page.headers().firstValue("Set-Cookie")).as("no session for the docs").isEmpty();
		assertThat(get("/swagger-ui/swagger-ui-bundle.js").statusCode()).isEqualTo(200);
		assertThat(get("/v3/api-docs/swagger-config").body()).contains("/v3/api-docs");
	}

	private static List<?> itemsEnum(Map<String, Object> parameter) {
		Map<String, Object> schema = cast(parameter.get("schema"));
		return (List<?>) ((Map<?, ?>) schema.get("items")).get("enum");
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

}
