package dev.tpmalerts.matcher.search;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.HeadlessChromium;
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
import static org.awaitility.Awaitility.await;

/**
 * The recruiter search page in a real headless Chromium against the running matcher and a real Elasticsearch node:
 * sign-in form, search, a ticked facet, the score breakdown, the next page; and who the page turns away.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
class SearchPageIT {

	@LocalServerPort
	int port;

	@Autowired
	ElasticsearchClient client;

	private String word;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.elasticsearch.uris", () -> ElasticsearchNode.shared().httpUrl());
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
	}

	/** Twelve remote TPM postings and three onsite project manager postings, all carrying this test's word. */
	@BeforeEach
	void indexPostings() throws Exception {
		IndexedPostings postings = new IndexedPostings(this.client);
		this.word = postings.word();
		List<Posting> all = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			all.add(postings.posting("Technical Program Manager " + i, Location.of("Boston", "MA", "US"), Workplace.REMOTE,
					Salary.of(150_000.0 + i * 1_000, 190_000.0, "USD", SalaryPeriod.YEAR), LocalDate.of(2026, 11, i), """
							Requirements
							PMP certification. Agile, Scrum. Drive programs across our cloud infrastructure teams.
							About the platform: %s <b>not bold</b>
							"""));
		}
		for (int i = 1; i <= 3; i++) {
			all.add(postings.posting("Project Manager " + i, Location.of("Denver", "CO", "US"), Workplace.ONSITE, null,
					LocalDate.of(2026, 10, i), "Manage construction projects on site. %s"));
		}
		postings.index(all);
	}

	@Test
	void shouldSignInSearchNarrowByAFacetShowTheBreakdownAndPage() {
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			WebDriver driver = browser.driver();
			driver.get(url("/search"));
			assertThat(driver.getCurrentUrl()).endsWith("/login");
			browser.screenshot("search-page-1-sign-in");
			driver.findElement(By.id("username")).sendKeys("recruiter");
			driver.findElement(By.id("password")).sendKeys("recruiter-demo-password");
			clickAndAwaitNextPage(driver, By.cssSelector("button[type=submit]"));
			assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Recruiter search");

			driver.findElement(By.id("q")).sendKeys(this.word);
			driver.findElement(By.cssSelector("#size option[value='10']")).click();
			clickAndAwaitNextPage(driver, By.id("search"));
			assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("15 postings found");
			assertThat(hits(driver)).hasSize(10);
			assertThat(driver.findElement(By.id("facet-workplace")).getText()).contains("Remote (12)").contains("Onsite (3)");
			List<WebElement> marks = driver.findElements(By.cssSelector(".excerpt mark"));
			assertThat(marks).isNotEmpty().allSatisfy((mark) -> assertThat(mark.getText()).isEqualToIgnoringCase(this.word));
			assertThat(driver.findElements(By.cssSelector(".excerpt b"))).as("the posting's markup is text").isEmpty();
			assertThat(driver.findElement(By.id("results")).getText()).contains("<b>not bold</b>");
			browser.screenshot("search-page-2-results");

			driver.findElement(By.cssSelector("#facet-workplace input[value=remote]")).click();
			clickAndAwaitNextPage(driver, By.id("search"));
			assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("12 postings found");
			assertThat(driver.findElement(By.cssSelector("#facet-workplace input[value=remote]")).isSelected()).isTrue();
			assertThat(driver.findElement(By.id("facet-workplace")).getText()).as("its own filter does not hide the others")
				.contains("Onsite (3)");
			assertThat(driver.findElement(By.id("facet-role")).getText()).doesNotContain("Project manager");
			List<WebElement> page1 = hits(driver);
			assertThat(page1).hasSize(10).allSatisfy((hit) -> assertThat(hit.findElement(By.cssSelector(".facts .badge")).getText()).isEqualTo("Remote"));
			WebElement first = page1.get(0);
			WebElement breakdown = first.findElement(By.cssSelector("table.breakdown"));
			assertThat(breakdown.isDisplayed()).as("closed until asked for").isFalse();
			first.findElement(By.tagName("summary")).click();
			assertThat(breakdown.isDisplayed()).isTrue();
			int points = breakdown.findElements(By.cssSelector("tbody td")).stream().mapToInt((cell) -> Integer.parseInt(cell.getText())).sum();
			assertThat(first.findElement(By.cssSelector(".score")).getText()).isEqualTo("score " + points);
			assertThat(first.findElements(By.cssSelector("ul.tags q"))).extracting(WebElement::getText).contains("PMP certification");
			browser.screenshot("search-page-3-remote-with-breakdown");

			List<String> firstIds = ids(page1);
			clickAndAwaitNextPage(driver, By.id("next-page"));
			List<WebElement> page2 = hits(driver);
			assertThat(page2).hasSize(2);
			assertThat(ids(page2)).doesNotContainAnyElementsOf(firstIds);
			assertThat(driver.findElement(By.id("total")).getText()).isEqualTo("12 postings found");
			assertThat(driver.findElement(By.cssSelector("#facet-workplace input[value=remote]")).isSelected()).isTrue();
			assertThat(driver.findElements(By.id("next-page"))).as("the last page").isEmpty();
			browser.screenshot("search-page-4-next-page");

			driver.get(url("/swagger-ui.html"));
			await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(By.cssSelector(".opblock-summary-path"))
				.stream()
				.anyMatch((path) -> path.getText().contains("/api/postings")));
			// Swagger UI's stylesheet applies: the GET operation has its blue frame.
			assertThat(driver.findElement(By.cssSelector(".opblock-get")).getCssValue("border-color")).isEqualTo("rgb(97, 175, 254)");
			driver.findElement(By.cssSelector("button.authorize")).click();
			driver.findElement(By.cssSelector(".auth-container input[type=text]")).sendKeys("recruiter");
			driver.findElement(By.cssSelector(".auth-container input[type=password]")).sendKeys("recruiter-demo-password");
			driver.findElement(By.cssSelector(".auth-container button[type=submit]")).click();
			driver.findElement(By.cssSelector("button.btn-done")).click();
			driver.findElement(By.cssSelector(".opblock-summary")).click();
			// The operation opens with an animation: its buttons appear a moment after the click.
			await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
			driver.findElement(By.cssSelector("button.try-out__btn")).click();
			await().atMost(Duration.ofSeconds(10)).until(() -> !driver.findElements(By.cssSelector("button.execute")).isEmpty());
			driver.findElement(By.cssSelector("button.execute")).click();
			await().atMost(Duration.ofSeconds(30)).until(() -> driver.findElements(By.cssSelector(".live-responses-table .response-col_status"))
				.stream()
				.anyMatch((status) -> status.getText().startsWith("200")));
			assertThat(driver.manage().logs().get("browser").getAll()).as("no Content-Security-Policy violation")
				.noneSatisfy((entry) -> assertThat(entry.getMessage()).contains("Content Security Policy"));
			browser.screenshot("search-page-5-swagger-ui");
		}
	}

	@Test
	void shouldSendAnAnonymousVisitorToTheSignInForm() throws Exception {
		HttpResponse<String> response = send(HttpClient.newHttpClient(), get("/search"));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).endsWith("/login"));
	}

	@Test
	void shouldRefuseThePageToAnOperator() throws Exception {
		HttpClient operator = signIn("operator", "operator-demo-password");
		HttpResponse<String> response = send(operator, get("/search"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.body()).contains("Not allowed");
	}

	@Test
	void shouldShowABadFilterOnThePageWithA400() throws Exception {
		HttpResponse<String> response = send(signIn("recruiter", "recruiter-demo-password"), get("/search?minScore=500"));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(response.body()).select("[role=alert]").text()).contains("minScore").contains("500");
	}

	@Test
	void shouldRefuseASignOutWithoutItsCsrfToken() throws Exception {
		HttpClient recruiter = signIn("recruiter", "recruiter-demo-password");
		HttpResponse<String> page = send(recruiter, get("/search"));
		assertThat(page.statusCode()).isEqualTo(200);
		String token = Jsoup.parse(page.body()).select("form.sign-out input[name=_csrf]").val();
		assertThat(token).isNotBlank();

		assertThat(send(recruiter, post("/logout", "")).statusCode()).isEqualTo(403);
		assertThat(send(recruiter, get("/search")).statusCode()).as("still signed in").isEqualTo(200);

		HttpResponse<String> signOut = send(recruiter, post("/logout", "_csrf=" + token));
		assertThat(signOut.statusCode()).isEqualTo(302);
		assertThat(send(recruiter, get("/search")).statusCode()).as("signed out").isEqualTo(302);
	}

	/** A client with its own cookie jar, signed in through the login form as a browser would. */
	private HttpClient signIn(String user, String password) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String form = send(client, get("/login")).body();
		String token = Jsoup.parse(form).select("input[name=_csrf]").val();
		HttpResponse<String> response = send(client, post("/login", "username=" + encode(user) + "&password="
				+ encode(password) + "&_csrf=" + encode(token)));
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValueSatisfying((location) -> assertThat(location).doesNotContain("error"));
		return client;
	}

	private static void clickAndAwaitNextPage(WebDriver driver, By by) {
		HeadlessChromium.clickToNextPage(driver, driver.findElement(by));
	}

	private static List<WebElement> hits(WebDriver driver) {
		return driver.findElements(By.cssSelector("ol.hits > li.hit"));
	}

	private static List<String> ids(List<WebElement> hits) {
		return hits.stream().map((hit) -> hit.getAttribute("id")).toList();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/** A request as a browser sends it, asking for HTML. */
	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "text/html").build();
	}

	private HttpRequest post(String path, String form) {
		return HttpRequest.newBuilder(URI.create(url(path)))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build();
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
