package dev.tpmalerts.ingest.ops;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may operate ingest, over real HTTP: the operator gets the API and the dashboard, the recruiter is refused
 * both, an anonymous caller is asked to authenticate (401 problem on the API, the sign-in page for the dashboard),
 * the health check stays open, and a form posted without its CSRF token is refused.
 */
class OpsSecurityIT extends OpsTestStack {

	/** The hidden token field of a form, whatever the order of its attributes. */
	private static final Pattern CSRF = Pattern.compile("<input(?=[^>]*name=\"_csrf\")[^>]*value=\"([^\"]+)\"");

	@Test
	void shouldLetTheOperatorUseTheApiAndRefuseTheOthersWithProblemDetails() throws Exception {
		assertThat(get("/api/ops/sources", OPERATOR).statusCode()).isEqualTo(200);

		HttpResponse<String> recruiter = get("/api/ops/sources", RECRUITER);
		assertThat(recruiter.statusCode()).isEqualTo(403);
		assertThat(recruiter.body()).contains("\"status\":403");
		assertThat(post("/api/ops/housekeeping/purge", RECRUITER).statusCode()).isEqualTo(403);

		HttpResponse<String> anonymous = get("/api/ops/sources", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"tpm-alerts ingest\"");
		assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(post("/api/ops/recover", null).statusCode()).isEqualTo(401);
		assertThat(get("/api/ops/sources", "operator:wrong-password").statusCode()).isEqualTo(401);
	}

	@Test
	void shouldKeepTheHealthCheckOpenAndTheOtherActuatorEndpointsForOperators() throws Exception {
		assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics", OPERATOR).statusCode()).isEqualTo(200);
		assertThat(get("/actuator/metrics", RECRUITER).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/metrics", null).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldSendAnAnonymousVisitorOfTheDashboardToTheSignInPage() throws Exception {
		HttpResponse<String> response = new Browser().get("/ops");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
				(location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void shouldShowTheDashboardToASignedInOperator() throws Exception {
		Browser browser = new Browser();
		browser.signIn("operator", "operator-demo-password");

		HttpResponse<String> dashboard = browser.get("/ops");

		assertThat(dashboard.statusCode()).isEqualTo(200);
		assertThat(dashboard.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("default-src 'self'"));
		assertThat(dashboard.body()).contains("<h1>Ingest operations</h1>")
			.contains("acme-greenhouse")
			.contains("0 0 4 * * *")
			.contains("<th scope=\"col\">Source</th>")
			.contains("href=\"/css/tpm-alerts.css\"")
			.doesNotContain("https://");
		assertThat(dashboard.body()).contains("Overall: <strong class=\"badge\">");
		assertThat(browser.get("/css/tpm-alerts.css").statusCode()).isEqualTo(200);

		HttpResponse<String> launched = post("/api/ops/sources/ticking-board/runs", OPERATOR);
		long id = OpsApiIT.json(launched).get("executionId").asLong();
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			HttpResponse<String> run = browser.get("/ops/runs/" + id);
			assertThat(run.statusCode()).isEqualTo(200);
			assertThat(run.body()).contains("Run " + id + " of ticking-board").contains("<th scope=\"row\">scrapeStep</th>");
		});
		assertThat(browser.get("/ops/runs/999999").statusCode()).isEqualTo(404);
		assertThat(browser.get("/ops/dead-letters/999999").statusCode()).isEqualTo(404);
	}

	@Test
	void shouldChangeAScheduleThroughTheFormWithItsCsrfToken() throws Exception {
		Browser browser = new Browser();
		browser.signIn("operator", "operator-demo-password");
		String token = browser.csrf("/ops");

		HttpResponse<String> changed = browser.post("/ops/sources/ticking-board/schedule", "cron=0+15+4+*+*+*&_csrf=" + token);

		assertThat(changed.statusCode()).isEqualTo(302);
		assertThat(browser.get("/ops").body()).contains("Source ticking-board now runs on 0 15 4 * * *.")
			.contains("value=\"0 15 4 * * *\"");
		HttpResponse<String> invalid = browser.post("/ops/sources/ticking-board/schedule", "cron=nonsense&_csrf=" + token);
		assertThat(invalid.statusCode()).isEqualTo(302);
		assertThat(browser.get("/ops").body()).contains("cron &#39;nonsense&#39; is not a valid schedule");
		assertThat(browser.post("/ops/sources/ticking-board/schedule/reset", "_csrf=" + token).statusCode()).isEqualTo(302);
	}

	@Test
	void shouldRefuseAFormPostedWithoutItsCsrfToken() throws Exception {
		Browser browser = new Browser();
		browser.signIn("operator", "operator-demo-password");

		HttpResponse<String> forged = browser.post("/ops/housekeeping/purge", "");

		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(browser.post("/ops/sources/ticking-board/schedule", "cron=%40daily").statusCode()).isEqualTo(403);
		assertThat(get("/api/ops/sources/ticking-board", OPERATOR).body()).doesNotContain("@daily");
	}

	@Test
	void shouldForbidTheDashboardToARecruiter() throws Exception {
		Browser browser = new Browser();
		browser.signIn("recruiter", "recruiter-demo-password");

		assertThat(browser.get("/ops").statusCode()).isEqualTo(403);
	}

	/** A browser session: cookies kept, redirects not followed, so that each answer can be checked. */
	private final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		HttpResponse<String> get(String path) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(url(path))).GET().build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws Exception {
			return this.client.send(HttpRequest.newBuilder(URI.create(url(path)))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String csrf(String page) throws Exception {
			Matcher matcher = CSRF.matcher(get(page).body());
			assertThat(matcher.find()).as("a CSRF token on %s", page).isTrue();
			return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
		}

		void signIn(String user, String password) throws Exception {
			String token = csrf("/login");
			HttpResponse<String> signedIn = post("/login", "username=" + user + "&password="
					+ URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token);
			assertThat(signedIn.statusCode()).isEqualTo(302);
			assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).doesNotContain("error"));
		}

	}

}
