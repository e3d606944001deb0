package dev.tpmalerts.ingest.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.ingest.IngestDatabase;
import dev.tpmalerts.ingest.fetch.LoopbackSite.Request;

import org.springframework.jdbc.core.simple.JdbcClient;

import static dev.tpmalerts.ingest.fetch.LoopbackSite.document;
import static dev.tpmalerts.ingest.fetch.LoopbackSite.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fetcher against a site on a loopback port serving saved documents, with its fetch state in a real
 * PostgreSQL database: robots.txt, the per-host interval, conditional requests, gone pages, retries, the size cap,
 * the deadline and the User-Agent.
 */
class PageFetcherIT {

	private static final String USER_AGENT = "tpm-alerts/0.1 (+https://github.com/tpm-alerts/tpm-alerts; job-alert aggregator)";

	private static final PostgresDatabases.Database database = PostgresDatabases.create("fetch_it");

	private static final JdbcClient jdbc = IngestDatabase.migrate(database);

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-15T10:00:00Z"));

	private final LoopbackSite site = new LoopbackSite();

	private final CountDownLatch release = new CountDownLatch(1);

	@BeforeEach
	void clean() {
		jdbc.sql("delete from fetch_state").update();
	}

	@AfterEach
	void stopSite() {
		this.release.countDown();
		this.site.close();
	}

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	// robots.txt

	@Test
	void shouldRefuseAUrlThatRobotsTxtDisallowsNamingRobotsTxt() {
		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"))
			.on("/jobs/internal/42", document("fetch/careers.html", "text/html; charset=utf-8"))
			.on("/private/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of());

		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/jobs/internal/42"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("robots.txt of " + origin() + " disallows it for User-agent tpm-alerts");
		assertThat(this.site.requests("/jobs/internal/42")).as("a disallowed URL is never requested").isEmpty();

		// the tpm-alerts group replaces the * group, so what only * is denied stays open to us
		assertThat(fetcher.fetch(this.site.url("/private/board.json")).status()).isEqualTo(200);
		assertThat(this.site.requests("/robots.txt")).hasSize(1);
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 410 })
	void shouldFetchAnythingWhenRobotsTxtIsMissing(int robotsStatus) {
		this.site.on("/robots.txt", status(robotsStatus))
			.on("/jobs/internal/42", document("fetch/careers.html", "text/html; charset=utf-8"));

		FetchedDocument page = fetcher(Map.of()).fetch(this.site.url("/jobs/internal/42"));

		assertThat(page.text()).contains("Technischer Programm-Manager");
		assertThat(this.site.requests("/robots.txt")).hasSize(1);
	}

	@Test
	void shouldFetchNothingWhileRobotsTxtAnswersAServerErrorAndAskAgainLater() {
		this.site.on("/robots.txt", status(503)).on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of("robots-error-ttl", "10m"));

		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/board.json"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("robots.txt of " + origin() + " could not be read (HTTP 503)");
		this.clock.advance(Duration.ofMinutes(9));
		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/board.json"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("robots.txt");
		assertThat(this.site.requests("/robots.txt")).as("asked again only after robots-error-ttl").hasSize(1);
		assertThat(this.site.requests("/board.json")).isEmpty();

		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"));
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));

		assertThat(fetcher.fetch(this.site.url("/board.json")).status()).isEqualTo(200);
		assertThat(this.site.requests("/robots.txt")).hasSize(2);
	}

	@Test
	void shouldKeepTheRulesReadBeforeWhileRobotsTxtCannotBeRead() {
		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"))
			.on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of());
		fetcher.fetch(this.site.url("/board.json"));

		this.site.on("/robots.txt", status(500));
		this.clock.advance(Duration.ofHours(2));

		assertThat(fetcher.fetch(this.site.url("/board.json")).status()).isEqualTo(200);
		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/jobs/internal/1")))
			.hasMessageContaining("disallows it");
		assertThat(this.site.requests("/robots.txt")).hasSize(2);
	}

	@Test
	void shouldReadRobotsTxtAgainOnlyWhenItsCacheTimeHasPassed() {
		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"))
			.on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of("robots-cache-ttl", "1h"));

		fetcher.fetch(this.site.url("/board.json"));
		this.clock.advance(Duration.ofMinutes(59));
		fetcher.fetch(this.site.url("/board.json"));
		assertThat(this.site.requests("/robots.txt")).hasSize(1);

		this.clock.advance(Duration.ofMinutes(1));
		fetcher.fetch(this.site.url("/board.json"));
		assertThat(this.site.requests("/robots.txt")).hasSize(2);
	}

	@Test
	void shouldNotAskForRobotsTxtWhenRespectRobotsIsOff() {
		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"))
			.on("/jobs/internal/42", document("fetch/careers.html", "text/html; charset=utf-8"));

		fetcher(Map.of("respect-robots", "false")).fetch(this.site.url("/jobs/internal/42"));

		assertThat(this.site.requests("/robots.txt")).isEmpty();
	}

	// the interval between two requests to one host

	@Test
	void shouldLeaveTheMinIntervalBetweenTwoRequestsToOneHost() {
		this.site.on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of());

		fetcher.fetch(this.site.url("/board.json"), Duration.ofMillis(300));
		fetcher.fetch(this.site.url("/board.json"), Duration.ofMillis(300));

		List<Request> pages = this.site.requests("/board.json");
		assertThat(pages).hasSize(2);
		assertThat(gapsMillis(allRequests())).as("robots.txt, then the page twice").hasSize(2)
			.allSatisfy((gap) -> assertThat(gap).isGreaterThanOrEqualTo(300));
	}

	@Test
	void shouldStretchTheIntervalToTheCrawlDelayOfRobotsTxt() {
		this.site.on("/robots.txt", document("fetch/robots/crawl-delay.txt", "text/plain"))
			.on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of());

		fetcher.fetch(this.site.url("/board.json"), Duration.ofMillis(10));
		fetcher.fetch(this.site.url("/board.json"), Duration.ofMillis(10));

		List<Request> pages = this.site.requests("/board.json");
		assertThat(pages).hasSize(2);
		assertThat(millisBetween(pages.get(0), pages.get(1))).as("Crawl-delay: 0.6").isGreaterThanOrEqualTo(600);
	}

	@Test
	void shouldRefuseAHostWhoseCrawlDelayIsLongerThanTheLimit() {
		this.site.on("/robots.txt", document("fetch/robots/slow-crawl.txt", "text/plain"))
			.on("/board.json", document("fetch/board.json", "application/json"));

		assertThatThrownBy(() -> fetcher(Map.of("max-crawl-delay", "1m")).fetch(this.site.url("/board.json")))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("robots.txt of " + origin() + " asks for a Crawl-delay of 120000 ms")
			.hasMessageContaining("tpm.ingest.fetch.max-crawl-delay");
		assertThat(this.site.requests("/board.json")).isEmpty();
	}

	@Test
	void shouldSendConcurrentRequestsToOneHostOneAtATimeAndSpaced() throws Exception {
		this.site.on("/board.json", document("fetch/board.json", "application/json"));
		PageFetcher fetcher = fetcher(Map.of("respect-robots", "false"));
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Callable<Integer>> fetches = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				fetches.add(() -> fetcher.fetch(this.site.url("/board.json"), Duration.ofMillis(200)).status());
			}
			for (Future<Integer> fetched : threads.invokeAll(fetches, 30, TimeUnit.SECONDS)) {
				assertThat(fetched.get()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(gapsMillis(this.site.requests("/board.json"))).hasSize(3)
			.allSatisfy((gap) -> assertThat(gap).isGreaterThanOrEqualTo(200));
	}

	// conditional requests

	@Test
	void shouldAskWithTheETagOfTheLastAnswerAndReportNotModified() {
		this.site.on("/board.json", versioned("ETag", "\"v1\"", "If-None-Match", "fetch/board.json"));
		PageFetcher fetcher = fetcher(Map.of());
		URI url = this.site.url("/board.json");

		FetchResult first = fetcher.fetchIfChanged(url, Duration.ZERO);
		FetchResult second = fetcher.fetchIfChanged(url, Duration.ZERO);

		assertThat(first).isInstanceOfSatisfying(FetchResult.Fetched.class,
				(fetched) -> assertThat(fetched.document().text()).contains("Payments"));
		assertThat(storedEtag(url)).isEqualTo("\"v1\"");
		assertThat(second).isEqualTo(new FetchResult.NotModified(url));
		List<Request> pages = this.site.requests("/board.json");
		assertThat(pages.get(0).header("If-None-Match")).isNull();
		assertThat(pages.get(1).header("If-None-Match")).isEqualTo("\"v1\"");
	}

	@Test
	void shouldAskWithTheLastModifiedOfTheLastAnswerAndReportNotModified() {
		String lastModified = "Tue, 01 Dec 2026 08:00:00 GMT";
		this.site.on("/careers.html", versioned("Last-Modified", lastModified, "If-Modified-Since", "fetch/careers.html"));
		PageFetcher fetcher = fetcher(Map.of());
		URI url = this.site.url("/careers.html");

		assertThat(fetcher.fetchIfChanged(url, Duration.ZERO)).isInstanceOf(FetchResult.Fetched.class);
		assertThat(fetcher.fetchIfChanged(url, Duration.ZERO)).isEqualTo(new FetchResult.NotModified(url));

		assertThat(this.site.requests("/careers.html").get(1).header("If-Modified-Since")).isEqualTo(lastModified);
	}

	@Test
	void shouldFetchTheNewVersionAndRememberItsETagWhenTheDocumentChanged() {
		this.site.on("/board.json", versioned("ETag", "\"v1\"", "If-None-Match", "fetch/board.json"));
		PageFetcher fetcher = fetcher(Map.of());
		URI url = this.site.url("/board.json");
		fetcher.fetchIfChanged(url, Duration.ZERO);

		this.site.on("/board.json", versioned("ETag", "\"v2\"", "If-None-Match", "fetch/careers.html"));

		assertThat(fetcher.fetchIfChanged(url, Duration.ZERO)).isInstanceOfSatisfying(FetchResult.Fetched.class,
				(fetched) -> assertThat(fetched.document().text()).contains("Programm-Manager"));
		assertThat(storedEtag(url)).isEqualTo("\"v2\"");
	}

	@Test
	void shouldAskForTheWholeDocumentAfterTheCallerForgetsIt() {
		this.site.on("/board.json", versioned("ETag", "\"v1\"", "If-None-Match", "fetch/board.json"));
		PageFetcher fetcher = fetcher(Map.of());
		URI url = this.site.url("/board.json");
		fetcher.fetchIfChanged(url, Duration.ZERO);

		fetcher.forget(url);

		assertThat(fetcher.fetchIfChanged(url, Duration.ZERO)).isInstanceOf(FetchResult.Fetched.class);
		assertThat(this.site.requests("/board.json").get(1).header("If-None-Match")).isNull();
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 410 })
	void shouldReportAPageThatIsGoneAndForgetItsVersion(int goneStatus) {
		this.site.on("/jobs/9101", versioned("ETag", "\"v1\"", "If-None-Match", "fetch/careers.html"));
		PageFetcher fetcher = fetcher(Map.of());
		URI url = this.site.url("/jobs/9101");
		fetcher.fetchIfChanged(url, Duration.ZERO);

		this.site.on("/jobs/9101", status(goneStatus));

		assertThat(fetcher.fetchIfChanged(url, Duration.ZERO)).isEqualTo(new FetchResult.Gone(url, goneStatus));
		assertThat(jdbc.sql("select count(*) from fetch_state").query(Integer.class).single()).isZero();
		assertThatThrownBy(() -> fetcher.fetch(url)).isInstanceOf(FetchException.class)
			.hasMessageContaining("HTTP " + goneStatus);
	}

	// retries, size and time limits, identity

	@Test
	void shouldRetryA503AfterTheRetryAfterItAsksFor() {
		AtomicReference<Boolean> failedOnce = new AtomicReference<>(false);
		byte[] board = LoopbackSite.resource("fetch/board.json");
		this.site.on("/board.json", (exchange) -> {
			if (!failedOnce.getAndSet(true)) {
				exchange.getResponseHeaders().set("Retry-After", "1");
				exchange.sendResponseHeaders(503, -1);
				return;
			}
			LoopbackSite.send(exchange, 200, "application/json", board);
		});

		FetchedDocument answer = fetcher(Map.of("respect-robots", "false")).fetch(this.site.url("/board.json"));

		assertThat(answer.status()).isEqualTo(200);
		List<Request> attempts = this.site.requests("/board.json");
		assertThat(attempts).hasSize(2);
		assertThat(millisBetween(attempts.get(0), attempts.get(1))).isGreaterThanOrEqualTo(1000);
	}

	@Test
	void shouldGiveUpWhenTheSourceAsksToWaitLongerThanTheLimit() {
		this.site.on("/board.json", (exchange) -> {
			exchange.getResponseHeaders().set("Retry-After", "3600");
			exchange.sendResponseHeaders(429, -1);
		});

		assertThatThrownBy(() -> fetcher(Map.of("respect-robots", "false")).fetch(this.site.url("/board.json")))
			.isInstanceOf(FetchException.class)
			.hasMessageContaining("HTTP 429 asking to retry after 3600 s")
			.hasMessageContaining("tpm.ingest.fetch.max-retry-after");
		assertThat(this.site.requests("/board.json")).hasSize(1);
	}

	@Test
	void shouldRefuseAnAnswerWhoseContentLengthIsOverTheCapWithoutReadingIt() {
		this.site.on("/huge.json", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 10_000_000);
			// the body never comes: a client that waited for it would run into its read timeout instead
			awaitRelease();
		});
		PageFetcher fetcher = fetcher(Map.of("respect-robots", "false", "max-response-size", "1KB", "read-timeout", "20s"));

		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/huge.json"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("declares 10000000 bytes (Content-Length), more than the limit of 1024 bytes")
			.hasMessageContaining("not read");
	}

	@Test
	void shouldStopReadingAnAnswerThatGrowsPastTheCap() {
		this.site.on("/endless.json", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(new byte[4096]);
			}
			catch (IOException ex) {
				// the client hung up, as it should
			}
		});
		PageFetcher fetcher = fetcher(Map.of("respect-robots", "false", "max-response-size", "1KB"));

		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/endless.json"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("larger than the limit of 1024 bytes");
	}

	@Test
	void shouldGiveUpOnAnAnswerThatDoesNotCompleteInTime() {
		this.site.on("/slow.json", (exchange) -> {
			exchange.sendResponseHeaders(200, 100);
			exchange.getResponseBody().write("{\"jobs\":".getBytes(StandardCharsets.UTF_8));
			exchange.getResponseBody().flush();
			awaitRelease();
		});
		PageFetcher fetcher = fetcher(Map.of("respect-robots", "false", "connect-timeout", "1s", "read-timeout", "1s"));

		assertThatThrownBy(() -> fetcher.fetch(this.site.url("/slow.json"))).isInstanceOf(FetchException.class)
			.hasMessageContaining("no complete answer within 2 s");
	}

	@Test
	void shouldNameItselfWithTheUserAgentToRobotsTxtAndToThePage() {
		this.site.on("/robots.txt", document("fetch/robots/for-tpm-alerts.txt", "text/plain"))
			.on("/board.json", document("fetch/board.json", "application/json"));

		fetcher(Map.of()).fetch(this.site.url("/board.json"));

		assertThat(allRequests()).hasSize(2)
			.allSatisfy((request) -> assertThat(request.header("User-Agent")).isEqualTo(USER_AGENT));
	}

	@Test
	void shouldKeepTheDeclaredCharset() {
		this.site.on("/latin.html", (exchange) -> LoopbackSite.send(exchange, 200, "text/html; charset=ISO-8859-1",
				"<p>Standort: München</p>".getBytes(StandardCharsets.ISO_8859_1)));

		FetchedDocument page = fetcher(Map.of("respect-robots", "false")).fetch(this.site.url("/latin.html"));

		assertThat(page.declaredCharset()).contains(StandardCharsets.ISO_8859_1);
		assertThat(page.text()).contains("München");
	}

	private PageFetcher fetcher(Map<String, String> overrides) {
		Map<String, String> values = new HashMap<>();
		values.put("user-agent", USER_AGENT);
		values.put("default-min-interval", "0ms");
		values.put("initial-back-off", "50ms");
		values.putAll(overrides);
		return new PageFetcher(TestFetchProperties.with(values), new FetchStates(jdbc, this.clock), this.clock);
	}

	/** Answers 304 when the request carries the version's validator, else the document with the validator. */
	private static LoopbackSite.Handler versioned(String validator, String value, String condition, String resource) {
		byte[] body = LoopbackSite.resource(resource);
		return (exchange) -> {
			exchange.getResponseHeaders().set(validator, value);
			if (value.equals(exchange.getRequestHeaders().getFirst(condition))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			LoopbackSite.send(exchange, 200, resource.endsWith(".json") ? "application/json" : "text/html; charset=utf-8",
					body);
		};
	}

	private void awaitRelease() {
		try {
			this.release.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private List<Request> allRequests() {
		List<Request> all = new ArrayList<>(this.site.requests("/robots.txt"));
		all.addAll(this.site.requests("/board.json"));
		all.sort(Comparator.comparingLong(Request::arrivedNanos));
		return all;
	}

	private static List<Long> gapsMillis(List<Request> requests) {
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < requests.size(); i++) {
			gaps.add(millisBetween(requests.get(i - 1), requests.get(i)));
		}
		return gaps;
	}

	private static long millisBetween(Request earlier, Request later) {
		return TimeUnit.NANOSECONDS.toMillis(later.arrivedNanos() - earlier.arrivedNanos());
	}

	private String origin() {
		return "http://127.0.0.1:" + this.site.url("/").getPort();
	}

	private static String storedEtag(URI url) {
		return jdbc.sql("select etag from fetch_state where url = ?").param(url.toString()).query(String.class).single();
	}

}
