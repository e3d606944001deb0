package dev.tpmalerts.ingest.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;

import dev.tpmalerts.embedded.PostgresDatabases;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The ingest application over real HTTP with the dev profile's demo users, on a real PostgreSQL database and the
 * module's real Kafka broker, reading sources served over loopback: a Greenhouse board (two good postings, one
 * without a title) and a slow board that answers only when a test lets it. The operations tests share it (one
 * Spring context).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("dev")
abstract class OpsTestStack {

	static final String OPERATOR = "operator:operator-demo-password";

	static final String RECRUITER = "recruiter:recruiter-demo-password";

	static final PostgresDatabases.Database database = PostgresDatabases.create("ingest_ops_it");

	/** Released by a test to let the slow board answer. */
	static final AtomicReference<CountDownLatch> slowBoard = new AtomicReference<>(new CountDownLatch(0));

	static final HttpServer site = serve();

	static final HttpClient http = HttpClient.newHttpClient();

	static {
		// The operations tests share one Spring context, which outlives each class: the database and the site go
		// when the test JVM ends (the drop closes the context's connections first).
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			site.stop(0);
			PostgresDatabases.drop(database);
		}));
	}

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		String base = "http://127.0.0.1:" + site.getAddress().getPort();
		registry.add("spring.datasource.url", database::url);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
		registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
		registry.add("tpm.ingest.dead-letters.group-id", () -> "ops-it-dead-letters");
		registry.add("tpm.ingest.schedule-refresh", () -> "1s");
		registry.add("tpm.ingest.fetch.default-min-interval", () -> "0ms");
		registry.add("tpm.ingest.sources[0].name", () -> "acme-greenhouse");
		registry.add("tpm.ingest.sources[0].type", () -> "greenhouse");
		registry.add("tpm.ingest.sources[0].url", () -> base + "/v1/boards/acme/jobs?content=true");
		registry.add("tpm.ingest.sources[1].name", () -> "slow-board");
		registry.add("tpm.ingest.sources[1].type", () -> "greenhouse");
		registry.add("tpm.ingest.sources[1].url", () -> base + "/v1/boards/slow/jobs?content=true");
		registry.add("tpm.ingest.sources[2].name", () -> "ticking-board");
		registry.add("tpm.ingest.sources[2].type", () -> "greenhouse");
		registry.add("tpm.ingest.sources[2].url", () -> base + "/v1/boards/ticking/jobs?content=true");
		registry.add("tpm.ingest.sources[2].schedule", () -> "0 0 4 * * *");
	}

	@AfterAll
	static void release() {
		slowBoard.get().countDown();
	}

	String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	HttpResponse<String> get(String path, String credentials) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url(path))).GET(), credentials);
	}

	HttpResponse<String> post(String path, String credentials) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url(path))).POST(HttpRequest.BodyPublishers.noBody()), credentials);
	}

	HttpResponse<String> put(String path, String json, String credentials) throws Exception {
		return send(HttpRequest.newBuilder(URI.create(url(path)))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json)), credentials);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpServer serve() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
			server.createContext("/", (exchange) -> {
				try (exchange) {
					String path = exchange.getRequestURI().getPath();
					if (path.equals("/v1/boards/slow/jobs")) {
						slowBoard.get().await(60, TimeUnit.SECONDS);
					}
					if (!path.startsWith("/v1/boards/")) {
						exchange.sendResponseHeaders(404, -1);
						return;
					}
					byte[] body;
					try (InputStream in = OpsTestStack.class.getResourceAsStream("/scrape-it/board.json")) {
						body = in.readAllBytes();
					}
					exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
					exchange.sendResponseHeaders(200, body.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(body);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
