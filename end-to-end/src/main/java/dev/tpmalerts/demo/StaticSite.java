package dev.tpmalerts.demo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Serves a folder over loopback HTTP, as the career pages, ATS APIs and feeds of the samples would be served
 * on the web. A path maps to the first file that exists of: the path, path.json, path.xml, path.html,
 * path/index.html; the query string is ignored.
 */
public final class StaticSite implements AutoCloseable {

	private static final List<String> SUFFIXES = List.of("", ".json", ".xml", ".html", "/index.html");

	private final HttpServer server;

	private StaticSite(HttpServer server) {
		this.server = server;
	}

	public static StaticSite serve(Path root) throws IOException {
		Path base = root.toAbsolutePath().normalize();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(Executors.newFixedThreadPool(4, (runnable) -> {
			Thread thread = new Thread(runnable, "static-site");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", (exchange) -> handle(base, exchange));
		server.start();
		return new StaticSite(server);
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private static void handle(Path base, HttpExchange exchange) throws IOException {
		try (exchange) {
			Optional<Path> file = resolve(base, exchange.getRequestURI().getPath());
			if (file.isEmpty() || !exchange.getRequestMethod().equals("GET")) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			byte[] body = Files.readAllBytes(file.get());
			exchange.getResponseHeaders().set("Content-Type", contentType(file.get()));
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	static Optional<Path> resolve(Path base, String requestPath) {
		String relative = requestPath.replaceFirst("^/+", "");
		for (String suffix : SUFFIXES) {
			Path candidate = base.resolve(relative + suffix).normalize();
			if (candidate.startsWith(base) && Files.isRegularFile(candidate)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static String contentType(Path file) {
		String name = file.getFileName().toString();
		if (name.endsWith(".json")) {
			return "application/json; charset=utf-8";
		}
		if (name.endsWith(".xml")) {
			return name.contains("atom") ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8";
		}
		return "text/html; charset=utf-8";
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
