package dev.tpmalerts.matcher.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.Workplace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recruiter search over real HTTP against a real Elasticsearch node. Every posting of a test carries a word of
 * its own, searched for, so that the postings other tests index on the shared node do not count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class PostingSearchIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	ElasticsearchClient client;

	private String word;

	private Posting boston;

	private Posting berlin;

	private Posting london;

	private Posting hourly;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

	@BeforeEach
	void indexPostings() throws Exception {
		IndexedPostings postings = new IndexedPostings(this.client);
		this.word = postings.word();
		this.boston = postings.posting("Senior Technical Program Manager, Platform", Location.of("Boston", "MA", "US"),
				Workplace.REMOTE, Salary.of(150_000.0, 190_000.0, "USD", SalaryPeriod.YEAR), LocalDate.of(2026, 11, 20), """
						Requirements
						Bachelor's degree in Computer Science. PMP or CSM. Agile, Scrum.
						Drive programs across our data platform and cloud infrastructure teams. %s
						""");
		this.berlin = postings.posting("Technical Program Manager", Location.of("Berlin", null, "DE"), Workplace.HYBRID,
				Salary.of(90_000.0, 110_000.0, "EUR", SalaryPeriod.YEAR), LocalDate.of(2026, 10, 1), """
						Lead programs for our hospital software with Kanban. %s
						""");
		this.london = postings.posting("Product Manager, Growth", Location.of("London", null, "GB"), Workplace.ONSITE, null,
				LocalDate.of(2026, 11, 25), """
						Own the growth roadmap of our consumer app. %s
						""");
		this.hourly = postings.posting("Project Manager", Location.of("Denver", "CO", "US"), Workplace.ONSITE,
				Salary.of(60.0, null, "USD", SalaryPeriod.HOUR), LocalDate.of(2026, 9, 1), """
						Manage construction projects on site. %s
						""");
		postings.index(List.of(this.boston, this.berlin, this.london, this.hourly));
	}

	@Test
	void shouldFindByTextWithFacetCountsHighlightsScoreBreakdownAndEvidence() throws Exception {
		Map<String, Object> result = search("");

		assertThat(result.get("total")).isEqualTo(4);
		Map<String, Map<String, Integer>> facets = cast(result.get("facets"));
		assertThat(facets).containsKeys("certifications", "degrees", "methodologies", "technical", "industries",
				"skills", "role", "seniority", "workplace");
		assertThat(facets.get("workplace")).isEqualTo(Map.of("remote", 1, "hybrid", 1, "onsite", 2));
		assertThat(facets.get("role").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(4);
		assertThat(facets.get("certifications")).containsEntry("pmp", 1);
		Map<String, Object> boston = hit(result, this.boston.id());
		Map<String, List<String>> highlights = cast(boston.get("highlights"));
		assertThat(highlights.get("description").toString()).contains("<em>" + this.word + "</em>");
		assertThat((Map<?, ?>) boston.get("facetScores")).isNotEmpty();
		assertThat((List<?>) boston.get("evidence")).isNotEmpty();
		assertThat(boston.get("salary")).isEqualTo(Map.of("annualMin", 150000.0, "annualMax", 190000.0, "currency", "USD"));
	}

	@Test
	void shouldFilterOnEachFacet() throws Exception {
		assertThat(ids("&workplace=remote")).containsExactly(this.boston.id());
		assertThat(ids("&workplace=hybrid,remote")).containsExactlyInAnyOrder(this.boston.id(), this.berlin.id());
		assertThat(ids("&certifications=pmp")).containsExactly(this.boston.id());
		assertThat(ids("&country=de")).containsExactly(this.berlin.id());
		assertThat(ids("&location=berlin")).containsExactly(this.berlin.id());
		assertThat(ids("&postedSince=2026-11-01")).containsExactlyInAnyOrder(this.boston.id(), this.london.id());
		assertThat(ids("&role=technical-program-manager")).contains(this.boston.id()).doesNotContain(this.london.id());
	}

	@Test
	void shouldCountEachFacetWithTheOtherFacetsFiltersButNotItsOwn() throws Exception {
		Map<String, Object> remote = search("&workplace=remote");
		assertThat(remote.get("total")).isEqualTo(1);
		Map<String, Map<String, Integer>> facets = cast(remote.get("facets"));
		// Its own filter does not narrow the workplace counts: the other choices stay in view with what they find.
		assertThat(facets.get("workplace")).isEqualTo(Map.of("remote", 1, "hybrid", 1, "onsite", 2));
		// Every other facet is counted over the remote postings only.
		assertThat(facets.get("role").values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
		assertThat(facets.get("certifications")).containsEntry("pmp", 1);

		Map<String, Object> hybridWithPmp = search("&workplace=hybrid&certifications=pmp");
		assertThat(hybridWithPmp.get("total")).isEqualTo(0);
		facets = cast(hybridWithPmp.get("facets"));
		assertThat(facets.get("workplace")).as("workplaces of the postings asking for PMP").isEqualTo(Map.of("remote", 1));
		assertThat(facets.get("certifications")).as("certifications of the hybrid postings").doesNotContainKey("pmp");
		assertThat(facets.get("role").values().stream().mapToInt(Integer::intValue).sum()).isZero();

		// Filters that are not facets narrow every count.
		Map<String, Object> german = search("&workplace=remote&country=de");
		assertThat(german.get("total")).isEqualTo(0);
		facets = cast(german.get("facets"));
		assertThat(facets.get("workplace")).isEqualTo(Map.of("hybrid", 1));
	}

	@Test
	void shouldSortByScoreByDefaultAndKeepOnlyHitsAtTheMinimumScore() throws Exception {
		List<Map<String, Object>> hits = cast(search("").get("hits"));
		List<Integer> scores = hits.stream().map((hit) -> (Integer) hit.get("score")).toList();
		assertThat(scores).hasSize(4).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
		int bostonScore = (Integer) hit(search(""), this.boston.id()).get("score");
		assertThat(bostonScore).isPositive();

		List<Map<String, Object>> atLeast = cast(search("&minScore=" + bostonScore).get("hits"));
		assertThat(atLeast).extracting((hit) -> hit.get("id")).contains(this.boston.id());
		assertThat(atLeast).allSatisfy((hit) -> assertThat((Integer) hit.get("score")).isGreaterThanOrEqualTo(bostonScore));
		assertThat(atLeast.size()).isEqualTo((int) scores.stream().filter((score) -> score >= bostonScore).count());
	}

	@Test
	void shouldFilterOnTheAnnualSalaryInItsCurrency() throws Exception {
		assertThat(ids("&salaryMin=140000&currency=USD")).containsExactly(this.boston.id());
		// 60 USD an hour is 124,800 a year: under 130,000, and its range has no top.
		assertThat(ids("&salaryMax=130000&currency=USD")).containsExactly(this.hourly.id());
		assertThat(ids("&salaryMin=120000&currency=USD")).containsExactlyInAnyOrder(this.boston.id(), this.hourly.id());
		assertThat(ids("&currency=EUR")).containsExactly(this.berlin.id());
	}

	@Test
	void shouldSortByDateAndPageThroughEveryHitOnceWithTheCursor() throws Exception {
		List<String> byDate = ids("&sort=date");
		assertThat(byDate).containsExactly(this.london.id(), this.boston.id(), this.berlin.id(), this.hourly.id());

		List<String> paged = new ArrayList<>();
		String after = null;
		for (int page = 0; page < 6; page++) {
			Map<String, Object> result = search("&sort=date&size=1" + ((after != null) ? "&after=" + after : ""));
			List<Map<String, Object>> hits = cast(result.get("hits"));
			hits.forEach((hit) -> paged.add((String) hit.get("id")));
			after = (String) result.get("next");
			if (hits.isEmpty()) {
				assertThat(after).isNull();
				break;
			}
		}
		assertThat(paged).isEqualTo(byDate);
	}

	@Test
	void shouldAnswerABadParameterWithAProblemDetailNamingIt() throws Exception {
		HttpResponse<String> response = get("/api/postings?skills=juggling");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		Map<String, Object> problem = cast(Json.mapper().readValue(response.body(), Map.class));
		assertThat(problem).containsEntry("status", 400).containsEntry("parameter", "skills");
		assertThat((String) problem.get("detail")).contains("juggling");

		assertThat(get("/api/postings?salaryMin=100000").body()).contains("\"parameter\":\"currency\"");
		assertThat(get("/api/postings?after=bm90IGEgY3Vyc29y").body()).contains("\"parameter\":\"after\"");
	}

	@Test
	void shouldRefuseACursorChangedByTheClientNamingAfter() throws Exception {
		String next = (String) search("&sort=date&size=1").get("next");
		assertThat(next).contains(".");
		char[] chars = next.toCharArray();
		chars[3] = (chars[3] == 'A') ? 'B' : 'A';
		String query = "/api/postings?q=" + this.word + "&sort=date&size=1&after=";

		assertThat(get(query + next).statusCode()).isEqualTo(200);
		HttpResponse<String> tampered = get(query + new String(chars));
		assertThat(tampered.statusCode()).isEqualTo(400);
		Map<String, Object> problem = cast(Json.mapper().readValue(tampered.body(), Map.class));
		assertThat(problem).containsEntry("parameter", "after");
		assertThat((String) problem.get("detail")).contains("not a cursor this search handed out");
	}

	private List<String> ids(String filters) throws Exception {
		List<Map<String, Object>> hits = cast(search(filters).get("hits"));
		return hits.stream().map((hit) -> (String) hit.get("id")).toList();
	}

	private Map<String, Object> search(String filters) throws Exception {
		HttpResponse<String> response = get("/api/postings?q=" + URLEncoder.encode(this.word, StandardCharsets.UTF_8) + filters);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return cast(Json.mapper().readValue(response.body(), Map.class));
	}

	private HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString("recruiter:recruiter-demo-password".getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> hit(Map<String, Object> result, String id) {
		List<Map<String, Object>> hits = cast(result.get("hits"));
		return hits.stream().filter((hit) -> id.equals(hit.get("id"))).findFirst().orElseThrow();
	}

	@SuppressWarnings("unchecked")
	private static <T> T cast(Object value) {
		return (T) value;
	}

}
