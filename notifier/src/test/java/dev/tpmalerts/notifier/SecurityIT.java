package dev.tpmalerts.notifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Workplace;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches what on the real notifier (real PostgreSQL and SMTP, the dev profile's demo users): every endpoint
 * the application maps is called as the recruiter, the operator and an anonymous caller without a link token, and
 * none answers with a subscriber's data; the demand insight counts only live alerts and hides small counts; forms
 * need their CSRF token; the subscription form is rate limited like the API.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("dev")
class SecurityIT {

	private static final int PORT = FreePorts.next();

	private static final String BASE = "http://127.0.0.1:" + PORT;

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("security_it");

	private static final String RECRUITER = "recruiter:recruiter-demo-password";

	private static final String OPERATOR = "operator:operator-demo-password";

	/** Pages and endpoints that need no link token and show nobody's data: anyone may open them. */
	private static final Set<String> PUBLIC = Set.of("/", "/subscribe", "/subscribe/sent", "/privacy", "/terms",
			"/form-expired", "/error", "/unsubscribe", "/subscriptions/confirm", "/api/subscriptions",
			"/api/manage-link", "/manage-link");

	private static final String INSIGHT = "/api/insight/demand";

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Accounts accounts;

	@Autowired
	Alerts alerts;

	@Autowired
	LinkTokens tokens;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("tpm.notifier.base-url", () -> BASE);
		TestServers.register(registry, database, mail);
		// Every request comes from 127.0.0.1; the per-address limit is what is tested here.
		registry.add("tpm.notifier.rate-limit.client-capacity", () -> 10_000);
	}

	@AfterAll
	static void stop() {
		mail.close();
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		this.jdbc.sql("delete from account").update();
	}

	/** The subscriber whose data must never reach anyone but them. */
	private record Victim(String email, String keyword, UUID accountId, UUID alertId, String token) {

		List<String> secrets() {
			return List.of(this.email, this.email.substring(0, this.email.indexOf('@')), this.keyword,
					this.accountId.toString(), this.alertId.toString(), this.token);
		}

	}

	@Test
	void shouldNeverAnswerAnyMappedEndpointWithASubscribersDataToAnyoneWithoutTheirToken() throws Exception {
		Victim victim = victim();
		List<String> checked = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, ?> mapping : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = mapping.getKey();
			Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
			List<RequestMethod> methods = declared.isEmpty() ? List.of(RequestMethod.GET, RequestMethod.POST)
					: List.copyOf(declared);
			for (String pattern : info.getPatternValues()) {
				String path = pattern.replace("{alertId}", victim.alertId().toString()).replace("{action}", "pause");
				assertThat(path).as("every path variable of %s is filled in", pattern).doesNotContain("{");
				for (RequestMethod method : methods) {
					for (String credentials : new String[] { RECRUITER, OPERATOR, null }) {
						HttpResponse<String> answer = call(method.name(), path, credentials);
						String who = (credentials != null) ? credentials.substring(0, credentials.indexOf(':')) : "anonymous";
						checked.add(method + " " + path + " as " + who + ": " + answer.statusCode());
						// A problem detail names the path asked for: the alert id the caller put there is not news.
						assertThat(answer.body().replace(path, "")).as("%s %s as %s", method, path, who)
							.doesNotContain(victim.secrets());
						if (path.equals(INSIGHT)) {
							assertThat(answer.statusCode()).as("%s %s as %s", method, path, who)
								.isEqualTo(credentials == null ? 401 : credentials.equals(RECRUITER) ? 200 : 403);
						}
						else if (!PUBLIC.contains(path)) {
							assertThat(answer.statusCode()).as("a subscriber's endpoint: %s %s as %s", method, path, who)
								.isIn(401, 403, 404);
						}
					}
				}
			}
		}
		assertThat(checked).as("the account API, the manage page and its forms were among them")
			.anyMatch((line) -> line.startsWith("GET /api/account as recruiter"))
			.anyMatch((line) -> line.startsWith("GET /api/account/export as operator"))
			.anyMatch((line) -> line.startsWith("GET /manage as anonymous"))
			.anyMatch((line) -> line.startsWith("POST /manage/alerts/" + victim.alertId() + "/edit as recruiter"))
			.anyMatch((line) -> line.startsWith("DELETE /api/account/alerts/" + victim.alertId() + " as recruiter"));

		// The actuator: operators only (health is open), and no subscriber data there either.
		for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/info", "/actuator/health")) {
			HttpResponse<String> asOperator = call("GET", path, OPERATOR);
			assertThat(asOperator.statusCode()).as(path).isEqualTo(200);
			assertThat(asOperator.body()).doesNotContain(victim.secrets());
			if (!path.equals("/actuator/health")) {
				assertThat(call("GET", path, RECRUITER).statusCode()).as(path).isEqualTo(403);
				assertThat(call("GET", path, null).statusCode()).as(path).isEqualTo(401);
			}
		}
		// The victim's own token still opens the victim's account: the refusals above were about the callers.
		assertThat(this.http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/account"))
			.header("Authorization", "Bearer " + victim.token())
			.build(), HttpResponse.BodyHandlers.ofString()).body()).contains(victim.email());
	}

	@Test
	void shouldCountLiveAlertsPerValueAndHideCountsBelowTheThreshold() throws Exception {
		Victim victim = victim();
		// Six live TPM alerts in Germany, remote; one more TPM alert paused, one of a pending account.
		for (int i = 0; i < 6; i++) {
			alert("tpm" + i + "@example.org", AccountStatus.ACTIVE, List.of("technical-program-manager"), List.of("DE", "Berlin"),
					List.of("pmp"), false);
		}
		alert("paused@example.org", AccountStatus.ACTIVE, List.of("technical-program-manager"), List.of("DE"), List.of(), true);
		alert("pending@example.org", AccountStatus.PENDING, List.of("technical-program-manager"), List.of("DE"), List.of(),
				false);
		alert("lonely@example.org", AccountStatus.ACTIVE, List.of("program-manager"), List.of("is"), List.of("pgmp"), false);

		HttpResponse<String> answer = call("GET", INSIGHT, RECRUITER);

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).doesNotContain(victim.secrets()).doesNotContain("example.org").doesNotContain("Berlin");
		JsonNode demand = Json.mapper().readTree(answer.body());
		assertThat(demand.at("/minCount").asInt()).isEqualTo(5);
		// 6 TPM + the victim's + the lonely one: 8 live alerts.
		assertThat(demand.at("/activeAlerts/alerts").asInt()).isEqualTo(8);
		assertThat(value(demand, "role", "technical-program-manager").at("/alerts").asInt()).isEqualTo(7);
		assertThat(value(demand, "role", "program-manager").at("/shown").asString()).isEqualTo("<5");
		assertThat(value(demand, "role", "program-manager").at("/alerts").isNull()).isTrue();
		assertThat(value(demand, "role", "product-manager").at("/shown").asString())
			.as("nobody and a few look the same").isEqualTo("<5");
		assertThat(value(demand, "certifications", "pmp").at("/alerts").asInt()).isEqualTo(6);
		assertThat(value(demand, "certifications", "pgmp").at("/shown").asString()).isEqualTo("<5");
		assertThat(value(demand, "country", "DE").at("/alerts").asInt()).isEqualTo(6);
		assertThat(facet(demand, "country").at("/values").toString()).as("a rare country is not even listed")
			.doesNotContain("IS");
		assertThat(value(demand, "workplace", "remote").at("/alerts").asInt()).isEqualTo(7);
		assertThat(value(demand, "frequency", "daily").at("/alerts").asInt()).isEqualTo(7);
		assertThat(value(demand, "frequency", "instant").at("/shown").asString()).isEqualTo("<5");
		assertThat(facet(demand, "role").at("/values/0/value").asString()).as("most asked for first")
			.isEqualTo("technical-program-manager");
	}

	@Test
	void shouldRefuseAFormWithoutItsCsrfTokenButTakeTheOneClickUnsubscribe() throws Exception {
		PageClient browser = new PageClient(BASE);
		Map<String, String> form = Map.of("email", "csrf@example.org", "frequency", "DAILY", "consent", "yes");

		HttpResponse<String> forged = browser.post("/subscribe", form);
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(forged.body()).contains("This form has expired");
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();

		HttpResponse<String> sent = browser.submit("/subscribe", "/subscribe", form);
		assertThat(sent.statusCode()).isEqualTo(303);
		assertThat(sent.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/subscribe/sent"));
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isEqualTo(1);

		// The one-click unsubscribe of RFC 8058 comes from a mail client: no cookie, no CSRF token.
		Victim victim = victim();
		String unsubscribe = this.tokens.issue(victim.accountId(), TokenPurpose.UNSUBSCRIBE, Duration.ofHours(1));
		HttpResponse<String> oneClick = new PageClient(BASE).post("/unsubscribe?token=" + unsubscribe,
				Map.of("List-Unsubscribe", "One-Click"));
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(this.accounts.findById(victim.accountId()).orElseThrow().status()).isEqualTo(AccountStatus.UNSUBSCRIBED);
	}

	@Test
	void shouldLimitTheSubscriptionFormPerAddressLikeTheApi() throws Exception {
		PageClient browser = new PageClient(BASE);
		Map<String, String> form = Map.of("email", "limited@example.org", "frequency", "WEEKLY", "consent", "yes");
		for (int i = 0; i < 3; i++) {
			assertThat(browser.submit("/subscribe", "/subscribe", form).statusCode()).isEqualTo(303);
		}

		HttpResponse<String> limited = browser.submit("/subscribe", "/subscribe", form);

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 1200L);
		assertThat(limited.body()).contains("Too many requests").doesNotContain("limited@");
		assertThat(browser.submit("/subscribe", "/subscribe", Map.of("email", "other@example.org", "frequency", "WEEKLY",
				"consent", "yes")).statusCode()).isEqualTo(303);
	}

	/** An active subscriber with a keyword nobody else uses, and a manage token. */
	private Victim victim() {
		String email = "victim.subscriber@example.org";
		UUID accountId = this.accounts.create(email);
		this.accounts.setStatus(accountId, AccountStatus.ACTIVE);
		UUID alertId = this.alerts.save(accountId,
				AlertCriteria.of(List.of("zeppelinsecret"), List.of("technical-program-manager"), 50), Frequency.INSTANT);
		return new Victim(email, "zeppelinsecret", accountId, alertId,
				this.tokens.issue(accountId, TokenPurpose.MANAGE, Duration.ofHours(1)));
	}

	private void alert(String email, AccountStatus status, List<String> roles, List<String> locations,
			List<String> certifications, boolean paused) {
		UUID accountId = this.accounts.create(email);
		this.accounts.setStatus(accountId, status);
		UUID alertId = this.alerts.save(accountId, new AlertCriteria(null, roles, null, certifications, null, null, null,
				null, null, locations, List.of(Workplace.REMOTE), null, null), Frequency.DAILY);
		if (paused) {
			this.alerts.setPaused(accountId, alertId, true);
		}
	}

	private static JsonNode facet(JsonNode demand, String facet) {
		return demand.at("/facets")
			.valueStream()
			.filter((node) -> node.at("/facet").asString().equals(facet))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no facet " + facet + " in " + demand));
	}

	private static JsonNode value(JsonNode demand, String facet, String value) {
		return facet(demand, facet).at("/values")
			.valueStream()
			.filter((node) -> node.at("/value").asString().equals(value))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no value " + value + " in facet " + facet));
	}

	private HttpResponse<String> call(String method, String path, String credentials) throws Exception {
		boolean api = path.startsWith("/api/");
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
			.method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(api ? "{}" : ""));
		if (!method.equals("GET")) {
			request.header("Content-Type", api ? "application/json" : "application/x-www-form-urlencoded");
		}
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
