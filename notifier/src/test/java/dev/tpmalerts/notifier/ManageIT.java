package dev.tpmalerts.notifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.MailText;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.account.AccountManagement;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;
import dev.tpmalerts.shared.Json;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Accounts, consent and self-service against real PostgreSQL and a real SMTP server: every link is read from the
 * delivered MIME and followed over HTTP against the running application (confirm, manage page, the account API,
 * export, erase), and what a person must never see (whether an address is known, another person's alert) or the
 * logs and audit trail must never hold (the address) is checked on the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ManageIT {

	private static final int PORT = FreePorts.next();

	private static final String BASE = "http://127.0.0.1:" + PORT;

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("manage_it");

	private static final Pattern LINK = Pattern
		.compile("(http://127\\.0\\.0\\.1:\\d+/[a-z/]+\\?token=[A-Za-z0-9_%-]+)");

	private final HttpClient http = HttpClient.newHttpClient();

	private final PageClient pages = new PageClient(BASE);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LinkTokens tokens;

	@Autowired
	Alerts alerts;

	@Autowired
	AccountManagement management;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("tpm.notifier.base-url", () -> BASE);
		TestServers.register(registry, database, mail);
		// Every request here comes from 127.0.0.1: the per-client limit is TokenBucketsTest's; the per-address one
		// (3 at once, the default) is tested below.
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
		this.jdbc.sql("delete from suppression").update();
		this.jdbc.sql("delete from audit_event").update();
	}

	@Test
	void shouldConfirmManageExportAndEraseThroughTheLinksOfTheEmails(CapturedOutput output) throws Exception {
		String email = "erin.tpm@example.org";
		int before = mail.messageCount();

		HttpResponse<String> subscribed = subscribe(email, "[\"kubernetes\"]");
		assertThat(subscribed.statusCode()).isEqualTo(202);

		// The confirmation email: headers, both parts, a confirm link and a manage link in each.
		MimeMessage confirmation = nextTo(email, 0);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your TPM job alerts");
		assertThat(confirmation.getAllRecipients()).extracting((address) -> ((InternetAddress) address).getAddress())
			.containsExactly(email);
		assertThat(((InternetAddress) confirmation.getFrom()[0]).getAddress()).isEqualTo("alerts@tpm-alerts.local");
		assertThat(confirmation.getContentType()).startsWith("multipart/mixed");
		assertThat(confirmation.getHeader("List-Unsubscribe")).as("nothing to unsubscribe from before confirming").isNull();
		String text = MailText.plainText(confirmation);
		String html = MailText.html(confirmation);
		String confirm = MailText.link(LINK, text, "/subscriptions/confirm");
		String manageFromConfirmation = MailText.link(LINK, text, "/manage");
		assertThat(html).contains("href=\"" + confirm.replace("&", "&amp;") + "\"")
			.contains("href=\"" + manageFromConfirmation + "\"");
		assertThat(text).contains("The link works for 48 hours");

		// The manage link works before confirming: the person can see what was asked in their name.
		assertThat(get(manageFromConfirmation).body()).contains("Status: <strong>pending</strong>");

		// Confirming: a single-use link; the success page carries a manage link that works in a browser.
		HttpResponse<String> confirmed = get(confirm);
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(get(confirm).statusCode()).as("single use").isEqualTo(404);
		String manage = BASE + between(confirmed.body(), "id=\"manage-link\" href=\"", "\">Manage your alerts");
		String token = manage.substring(manage.indexOf("token=") + 6);
		HttpResponse<String> page = get(manage);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Cache-Control")).hasValueSatisfying((v) -> assertThat(v).contains("no-store"));
		assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(page.body()).contains("Status: <strong>active</strong>")
			.contains("roles technical program manager, keywords &quot;kubernetes&quot;, a score of at least 50")
			.contains("<form method=\"post\" action=\"/manage/alerts/")
			.contains("/api/account/export?token=" + token);

		// The API with the same token as a bearer token.
		JsonNode account = json(api("GET", "/api/account", token, null));
		assertThat(account.at("/account/status").asString()).isEqualTo("ACTIVE");
		assertThat(account.at("/account/email").asString()).isEqualTo(email);
		assertThat(account.at("/consents/0/privacyPolicyVersion").asString()).isEqualTo("2026-11");
		assertThat(account.at("/consents/0/method").asString()).isEqualTo("api");
		assertThat(account.at("/consents/0/source").asString()).isEqualTo("POST /api/subscriptions");
		assertThat(account.at("/consents/0/givenAt").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		String alertId = account.at("/alerts/0/id").asString();

		HttpResponse<String> added = api("POST", "/api/account/alerts", token,
				"{\"criteria\": {\"keywords\": [\"payments\"], \"locations\": [\"Berlin\"]}, \"frequency\": \"DAILY\"}");
		assertThat(added.statusCode()).isEqualTo(201);
		String addedId = json(added).at("/id").asString();
		assertThat(added.headers().firstValue("Location")).contains("/api/account/alerts/" + addedId);

		HttpResponse<String> invalidEdit = api("PUT", "/api/account/alerts/" + alertId, token,
				"{\"criteria\": {\"roles\": [\"astronaut\"], \"minScore\": 101}, \"frequency\": \"WEEKLY\"}");
		assertThat(invalidEdit.statusCode()).isEqualTo(400);
		assertThat(invalidEdit.headers().firstValue("Content-Type")).hasValueSatisfying((v) -> assertThat(v).startsWith("application/problem+json"));
		assertThat(json(invalidEdit).at("/errors").toString()).contains("criteria.roles").contains("criteria.minScore");
		HttpResponse<String> unknownFrequency = api("PUT", "/api/account/alerts/" + alertId, token,
				"{\"criteria\": {}, \"frequency\": \"HOURLY\"}");
		assertThat(unknownFrequency.statusCode()).isEqualTo(400);
		assertThat(unknownFrequency.body()).contains("frequency has a value");

		HttpResponse<String> edited = api("PUT", "/api/account/alerts/" + alertId, token,
				"{\"criteria\": {\"keywords\": [\"kubernetes\", \"platform\"], \"minScore\": 60}, \"frequency\": \"WEEKLY\"}");
		assertThat(edited.statusCode()).isEqualTo(200);
		assertThat(json(edited).at("/frequency").asString()).isEqualTo("WEEKLY");
		assertThat(json(edited).at("/criteria/minScore").asInt()).isEqualTo(60);

		assertThat(json(api("POST", "/api/account/alerts/" + alertId + "/pause", token, null)).at("/paused").asBoolean()).isTrue();
		assertThat(this.alerts.active()).extracting((alert) -> alert.id().toString()).containsExactly(addedId);
		assertThat(json(api("POST", "/api/account/alerts/" + alertId + "/resume", token, null)).at("/paused").asBoolean()).isFalse();

		// The page's forms are POSTs carrying the token and a CSRF token; they answer with a redirect back to the page.
		HttpResponse<String> paused = this.pages.submit(manage, "/manage/alerts/" + addedId + "/pause", Map.of("token", token));
		assertThat(paused.statusCode()).isEqualTo(303);
		assertThat(get(manage).body()).contains("<span class=\"badge\">paused</span>");
		assertThat(this.pages.post("/manage/alerts/" + addedId + "/resume", Map.of("token", token)).statusCode())
			.as("the same form without its CSRF token").isEqualTo(403);

		HttpResponse<String> badZone = api("PUT", "/api/account/settings", token, "{\"timeZone\": \"Mars/Olympus\"}");
		assertThat(badZone.statusCode()).isEqualTo(400);
		assertThat(badZone.body()).contains("timeZone must be an IANA time zone");
		JsonNode settings = json(api("PUT", "/api/account/settings", token,
				"{\"timeZone\": \"Europe/Berlin\", \"frequency\": \"DAILY\"}"));
		assertThat(settings.at("/account/timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(settings.at("/alerts").valueStream().map((a) -> a.at("/frequency").asString()).toList())
			.containsOnly("DAILY");

		assertThat(api("DELETE", "/api/account/alerts/" + addedId, token, null).statusCode()).isEqualTo(204);
		assertThat(api("DELETE", "/api/account/alerts/" + addedId, token, null).statusCode()).isEqualTo(404);

		// A delivery made earlier is part of the export.
		this.jdbc.sql("insert into delivery (account_id, posting_id, alert_id, sent_at) values (?, ?, ?, ?)")
			.params(accountId(email), "posting-123", UUID.fromString(alertId), Timestamp.from(Instant.now()))
			.update();

		// Export: a JSON attachment of everything, and itself audited.
		HttpResponse<String> export = get(BASE + "/api/account/export?token=" + token);
		assertThat(export.statusCode()).isEqualTo(200);
		assertThat(export.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying((v) -> assertThat(v).startsWith("attachment").contains("tpm-alerts-export.json"));
		JsonNode exported = json(export);
		assertThat(exported.at("/account/email").asString()).isEqualTo(email);
		assertThat(exported.at("/account/timeZone").asString()).isEqualTo("Europe/Berlin");
		assertThat(exported.at("/consents")).hasSize(1);
		assertThat(exported.at("/alerts")).hasSize(1);
		assertThat(exported.at("/alerts/0/criteria/keywords").toString()).contains("platform");
		assertThat(exported.at("/deliveries/0/postingId").asString()).isEqualTo("posting-123");
		assertThat(exported.at("/auditTrail").valueStream().map((e) -> e.at("/action").asString()).toList())
			.containsSubsequence("subscribed", "confirmed", "alert-added", "alert-edited", "alert-paused",
					"alert-resumed", "alert-paused", "settings-changed", "alert-deleted", "exported");

		// Erasure: nothing personal left but the address's hash on the suppression list.
		UUID accountId = accountId(email);
		HttpResponse<String> erased = api("DELETE", "/api/account", token, null);
		assertThat(erased.statusCode()).isEqualTo(200);
		assertThat(count("select count(*) from account")).isZero();
		assertThat(count("select count(*) from consent")).isZero();
		assertThat(count("select count(*) from alert")).isZero();
		assertThat(count("select count(*) from access_token")).isZero();
		assertThat(count("select count(*) from delivery")).isZero();
		assertThat(this.jdbc.sql("select reason from suppression where email_hash = ?")
			.param(EmailAddresses.hash(email))
			.query(String.class)
			.single()).isEqualTo("erased");
		assertThat(this.jdbc.sql("select action from audit_event where account_id = ? order by id desc")
			.param(accountId)
			.query(String.class)
			.list()).first().isEqualTo("erased");
		assertThat(get(manage).statusCode()).as("the manage link died with the account").isEqualTo(404);
		assertThat(api("GET", "/api/account", token, null).statusCode()).isEqualTo(401);

		// Subscribing again sends nothing and answers exactly as before.
		int afterErasure = mail.messageCount();
		HttpResponse<String> again = subscribe(email, "[\"kubernetes\"]");
		assertThat(again.statusCode()).isEqualTo(202);
		assertThat(again.body()).isEqualTo(subscribed.body());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == afterErasure);
		assertThat(count("select count(*) from account")).isZero();

		// Neither the audit trail nor the logs of all this hold the address or a keyword.
		assertThat(this.jdbc.sql("select action || ' ' || coalesce(detail, '') from audit_event").query(String.class).list())
			.isNotEmpty()
			.allSatisfy((row) -> assertThat(row.toLowerCase()).doesNotContain("erin")
				.doesNotContain("example.org")
				.doesNotContain("kubernetes")
				.doesNotContain("payments")
				.doesNotContain("berlin"));
		assertThat(output.getAll()).as("the logs were captured")
			.contains("Sent a confirmation link to e***@e***.org")
			.contains("Erased account " + accountId);
		assertThat(output.getAll()).doesNotContain(email).doesNotContain("erin.tpm").doesNotContain(token);
	}

	@Test
	void shouldAnswerByteForByteTheSameWhateverTheAddressHistory() throws Exception {
		// Five addresses in five states: new, pending, active, unsubscribed, suppressed (erased).
		String pending = "pending@example.org";
		String active = "active@example.org";
		String unsubscribed = "unsubscribed@example.org";
		String suppressed = "suppressed@example.org";
				subscribe(pending, "[]");
		subscribe(active, "[]");
		subscribe(unsubscribed, "[]");
		get(MailText.link(LINK, MailText.plainText(nextTo(active, 0)), "/subscriptions/confirm"));
		get(MailText.link(LINK, MailText.plainText(nextTo(unsubscribed, 0)), "/subscriptions/confirm"));
		String unsubscribedToken = this.tokens.issue(accountId(unsubscribed), TokenPurpose.MANAGE, Duration.ofHours(1));
		api("POST", "/api/account/consent/withdraw", unsubscribedToken, null);
		this.jdbc.sql("insert into suppression (email_hash, reason, created_at) values (?, 'bounced', ?)")
			.params(EmailAddresses.hash(suppressed), Timestamp.from(Instant.now()))
			.update();
		assertThat(status(unsubscribed)).isEqualTo("UNSUBSCRIBED");

		int before = mail.messageCount();
		List<HttpResponse<String>> answers = List.of(subscribe("new@example.org", "[]"), subscribe(pending, "[]"),
				subscribe(active, "[]"), subscribe(unsubscribed, "[]"), subscribe(suppressed, "[]"));

		HttpResponse<String> first = answers.get(0);
		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(first.statusCode()).isEqualTo(202);
			assertThat(answer.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(first.body().getBytes(StandardCharsets.UTF_8));
			assertThat(answer.headers().firstValue("Content-Type")).isEqualTo(first.headers().firstValue("Content-Type"));
			assertThat(answer.headers().firstValue("Content-Length")).isEqualTo(first.headers().firstValue("Content-Length"));
		});

		// What differs is only the email its owner receives.
		assertThat(mail.waitForMessages(before + 4, Duration.ofSeconds(30))).isTrue();
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 4);
		assertThat(nextTo("new@example.org", 0).getSubject()).isEqualTo("Confirm your TPM job alerts");
		assertThat(nextTo(pending, 1).getSubject()).isEqualTo("Confirm your TPM job alerts");
		MimeMessage already = nextTo(active, 1);
		assertThat(already.getSubject()).isEqualTo("You are already subscribed to TPM job alerts");
		assertThat(get(MailText.link(LINK, MailText.plainText(already), "/manage")).body()).contains("Status: <strong>active</strong>");
		assertThat(nextTo(unsubscribed, 1).getSubject()).isEqualTo("Confirm your TPM job alerts");
		assertThat(count("select count(*) from consent c join account a on a.id = c.account_id where a.email = '"
				+ unsubscribed + "'")).as("a new consent record").isEqualTo(2);
		assertThat(count("select count(*) from alert a join account c on c.id = a.account_id where c.email = '" + pending
				+ "'")).as("the same alert twice is kept once").isEqualTo(1);
		assertThat(status(unsubscribed)).isEqualTo("PENDING");
		assertThat(status(active)).isEqualTo("ACTIVE");
		assertThat(count("select count(*) from account where email_hash = '" + EmailAddresses.hash(suppressed) + "'")).isZero();
	}

	@Test
	void shouldWithdrawConsentAtOnceAndKeepTheManageLinkForExportAndErasure() throws Exception {
		String email = "frank@example.org";
		String token = activeAccount(email);

		String page = "/manage?token=" + token;
		HttpResponse<String> withdrawn = this.pages.submit(page, "/manage/withdraw", Map.of("token", token));

		assertThat(withdrawn.statusCode()).isEqualTo(200);
		assertThat(status(email)).isEqualTo("UNSUBSCRIBED");
		assertThat(this.alerts.active()).isEmpty();
		JsonNode account = json(api("GET", "/api/account", token, null));
		assertThat(account.at("/consents/0/withdrawnAt").asString()).isNotEmpty();
		assertThat(account.at("/consents/0/withdrawnVia").asString()).isEqualTo("manage-page");
		assertThat(json(get(BASE + "/api/account/export?token=" + token)).at("/account/status").asString())
			.isEqualTo("UNSUBSCRIBED");

		HttpResponse<String> unticked = this.pages.submit(page, "/manage/erase", Map.of("token", token));
		assertThat(unticked.statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from account")).isEqualTo(1);
		assertThat(unticked.body()).contains("tick the box to confirm");
		assertThat(this.pages.submit(page, "/manage/erase", Map.of("token", token, "confirm", "yes")).statusCode())
			.isEqualTo(200);
		assertThat(count("select count(*) from account")).isZero();
		assertThat(count("select count(*) from suppression where reason = 'erased'")).isEqualTo(1);
	}

	@Test
	void shouldMailANewManageLinkOnlyToKnownAddressesAndAnswerTheSame() throws Exception {
		String email = "grace@example.org";
		activeAccount(email);
		int before = mail.messageCount();

		HttpResponse<String> known = manageLink(email);
		HttpResponse<String> unknown = manageLink("nobody@example.org");

		assertThat(known.statusCode()).isEqualTo(unknown.statusCode()).isEqualTo(202);
		assertThat(known.body()).isEqualTo(unknown.body());
		MimeMessage message = nextTo(email, 1);
		assertThat(message.getSubject()).isEqualTo("Manage your TPM job alerts");
		assertThat(message.getAllRecipients()).hasSize(1);
		assertThat(MailText.html(message)).contains("Manage your TPM job alerts</a>");
		assertThat(get(MailText.link(LINK, MailText.plainText(message), "/manage")).body()).contains("Status: <strong>active</strong>");
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 1);

		// The form on the page of an expired link does the same.
		HttpResponse<String> form = this.pages.submit("/manage?token=expired", "/manage-link", Map.of("email", email));
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("If the address has alerts, a link to manage them is on its way.");
		assertThat(nextTo(email, 2).getSubject()).isEqualTo("Manage your TPM job alerts");
	}

	@Test
	void shouldRefuseUnknownExpiredAndOtherPurposeTokensAlikeAndNeverOpenAnotherAccountsAlert() throws Exception {
		String token = activeAccount("heidi@example.org");
		String other = activeAccount("ivan@example.org");
		String othersAlert = json(api("GET", "/api/account", other, null)).at("/alerts/0/id").asString();
		UUID accountId = accountId("heidi@example.org");

		HttpResponse<String> unknown = api("GET", "/api/account", "A".repeat(43), null);
		HttpResponse<String> expired = api("GET", "/api/account",
				this.tokens.issue(accountId, TokenPurpose.MANAGE, Duration.ofSeconds(-1)), null);
		HttpResponse<String> unsubscribeToken = api("GET", "/api/account",
				this.tokens.issue(accountId, TokenPurpose.UNSUBSCRIBE, Duration.ofHours(1)), null);
		HttpResponse<String> garbage = api("GET", "/api/account", "' or 1=1 --", null);
		HttpResponse<String> none = this.http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/account")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(List.of(unknown, expired, unsubscribeToken, garbage, none)).allSatisfy((answer) -> {
			assertThat(answer.statusCode()).isEqualTo(401);
			assertThat(answer.body()).isEqualTo(unknown.body());
		});
		assertThat(unknown.headers().firstValue("WWW-Authenticate")).contains("Bearer");
		assertThat(this.tokens.purgeExpired(Instant.now())).as("the expired token's row").isEqualTo(1);

		assertThat(api("PUT", "/api/account/alerts/" + othersAlert, token, "{\"criteria\": {}, \"frequency\": \"DAILY\"}")
			.statusCode()).isEqualTo(404);
		assertThat(api("DELETE", "/api/account/alerts/" + othersAlert, token, null).statusCode()).isEqualTo(404);
		assertThat(this.pages.postWithTokenOf("/manage?token=" + token, "/manage/alerts/" + othersAlert + "/delete",
				Map.of("token", token)).statusCode()).isEqualTo(404);
		assertThat(api("GET", "/api/account/alerts/not-a-uuid", token, null).statusCode()).isEqualTo(404);
		assertThat(json(api("GET", "/api/account", other, null)).at("/alerts")).hasSize(1);
		assertThat(get(BASE + "/manage?token=" + "A".repeat(43)).body()).contains("<form method=\"post\" action=\"/manage-link\"");
	}

	@Test
	void shouldLimitRequestsNamingOneAddressWith429AndRetryAfter() throws Exception {
		String email = "judy@example.org";
		for (int i = 0; i < 3; i++) {
			assertThat(manageLink(email).statusCode()).isEqualTo(202);
		}

		HttpResponse<String> limited = manageLink(email);
		HttpResponse<String> subscribeLimited = subscribe("JUDY@example.org", "[]");

		assertThat(limited.statusCode()).isEqualTo(429);
		assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying((v) -> assertThat(v).startsWith("application/problem+json"));
		assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 1200L);
		assertThat(json(limited).at("/status").asInt()).isEqualTo(429);
		assertThat(limited.body()).doesNotContain("judy");
		assertThat(subscribeLimited.statusCode()).as("both endpoints share the address's bucket").isEqualTo(429);
		assertThat(manageLink("someone.else@example.org").statusCode()).isEqualTo(202);
	}

	@Test
	void shouldNotLetLineBreaksInAnyUserFieldReachAMailHeader() throws Exception {
		assertThat(subscribe("mallory@example.org\\r\\nBcc: victim@example.org", "[]").statusCode()).isEqualTo(400);
		assertThat(manageLink("mallory@example.org\\r\\nBcc: victim@example.org").statusCode()).isEqualTo(400);
		assertThat(manageLink("mallory@example.org\\nSubject: hi").statusCode()).isEqualTo(400);
		assertThat(count("select count(*) from account")).isZero();

		String token = activeAccount("mallory@example.org");
		assertThat(api("PUT", "/api/account/settings", token, "{\"timeZone\": \"UTC\\r\\nBcc: victim@example.org\"}")
			.statusCode()).isEqualTo(400);
		// Keywords are the person's own words and may hold anything; they never go into a header.
		assertThat(api("POST", "/api/account/alerts", token,
				"{\"criteria\": {\"keywords\": [\"tpm\\r\\nBcc: victim@example.org\"]}, \"frequency\": \"INSTANT\"}")
			.statusCode()).isEqualTo(201);
		int before = mail.messageCount();
		subscribe("mallory@example.org", "[\"x\\r\\nBcc: victim@example.org\"]");

		MimeMessage message = nextTo("mallory@example.org", 1);
		assertThat(message.getSubject()).isEqualTo("You are already subscribed to TPM job alerts");
		assertThat(message.getHeader("Bcc")).isNull();
		assertThat(message.getAllRecipients()).hasSize(1);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before + 1);
	}

	@Test
	void shouldStopAllMailToASuppressedAddressButKeepItsAccountForExportAndErasure() throws Exception {
		String email = "ken@example.org";
		String token = activeAccount(email);
		UUID accountId = accountId(email);

		this.management.suppress("Ken@Example.org", "bounced");

		assertThat(status(email)).isEqualTo("SUPPRESSED");
		assertThat(this.alerts.active()).isEmpty();
		assertThat(this.jdbc.sql("select detail from audit_event where account_id = ? and action = 'suppressed'")
			.param(accountId)
			.query(String.class)
			.single()).isEqualTo("reason bounced");
		int before = mail.messageCount();
		assertThat(subscribe(email, "[]").statusCode()).isEqualTo(202);
		assertThat(manageLink(email).statusCode()).isEqualTo(202);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> mail.messageCount() == before);
		assertThat(json(api("GET", "/api/account", token, null)).at("/account/status").asString()).isEqualTo("SUPPRESSED");
		assertThat(api("POST", "/api/account/erase", token, null).statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select reason from suppression").query(String.class).list())
			.as("the first reason is kept").containsExactly("bounced");
	}

	/** Subscribes, confirms and returns a manage token of the account. */
	private String activeAccount(String email) throws Exception {
		int before = Inbox.of(mail, email).size();
		subscribe(email, "[]");
		assertThat(get(MailText.link(LINK, MailText.plainText(nextTo(email, before)), "/subscriptions/confirm")).statusCode()).isEqualTo(200);
		return this.tokens.issue(accountId(email), TokenPurpose.MANAGE, Duration.ofHours(1));
	}

	private HttpResponse<String> subscribe(String email, String keywords) throws Exception {
		return post(BASE + "/api/subscriptions", """
				{"email": "%s", "frequency": "INSTANT",
				 "criteria": {"roles": ["technical-program-manager"], "keywords": %s, "minScore": 50},
				 "consent": {"privacyPolicy": true, "termsOfService": true}}""".formatted(email, keywords));
	}

	private HttpResponse<String> manageLink(String email) throws Exception {
		return post(BASE + "/api/manage-link", "{\"email\": \"%s\"}".formatted(email));
	}

	private HttpResponse<String> post(String url, String json) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> api(String method, String path, String token, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path))
			.header("Authorization", "Bearer " + token)
			.method(method, (json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return Json.mapper().readTree(response.body());
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private String status(String email) {
		return this.jdbc.sql("select status from account where email = ?").param(email).query(String.class).single();
	}

	private UUID accountId(String email) {
		return this.jdbc.sql("select id from account where email = ?").param(email).query(UUID.class).single();
	}

	private static MimeMessage nextTo(String email, int previous) {
		return Inbox.nextTo(mail, email, previous);
	}

	private static String between(String text, String start, String end) {
		int from = text.indexOf(start);
		assertThat(from).as("'%s' in %s", start, text).isNotNegative();
		int to = text.indexOf(end, from + start.length());
		assertThat(to).as("'%s' in %s", end, text).isNotNegative();
		return text.substring(from + start.length(), to);
	}

}
