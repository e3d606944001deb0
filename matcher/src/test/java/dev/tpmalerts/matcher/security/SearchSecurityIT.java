package dev.tpmalerts.matcher.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.ElasticsearchNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matcher's API over real HTTP with the dev profile's demo users, against a real Elasticsearch node: who gets
 * the recruiter search, and how a refusal reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SearchSecurityIT {

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

	@Test
	void shouldLetTheRecruiterSearch() throws Exception {
		HttpResponse<String> response = get("/api/postings?role=technical-program-manager", "recruiter:recruiter-demo-password");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"hits\"");
		assertThat(response.headers().firstValue("Set-Cookie")).as("stateless: no session cookie").isEmpty();
	}

	@Test
	void shouldAskForCredentialsWithAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/api/postings", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"tpm-alerts matcher\"");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"status\":401").contains("\"instance\":\"/api/postings\"");
	}

	@Test
	void shouldRefuseAWrongPassword() throws Exception {
		HttpResponse<String> response = get("/api/postings", "recruiter:not-the-password");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"status\":401");
	}

	@Test
	void shouldForbidTheSearchToAnOperatorWithAProblemDetail() throws Exception {
		HttpResponse<String> response = get("/api/postings", "operator:operator-demo-password");
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("\"status\":403").contains("does not have a role");
	}

	@Test
	void shouldLetTheOperatorReadMetricsButNotTheRecruiter() throws Exception {
		assertThat(get("/actuator/metrics", "operator:operator-demo-password").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics", "recruiter:recruiter-demo-password").statusCode()).isEqualTo(403);
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldLeaveTheHealthCheckOpen() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path, String credentials) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
