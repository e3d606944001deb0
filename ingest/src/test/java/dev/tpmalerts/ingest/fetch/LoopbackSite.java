package dev.tpmalerts.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A site on a free loopback port that answers each path with a handler (404 for the others) and records every
 * request it receives, with the {@link System#nanoTime()} of its arrival.
 */
final class LoopbackSite implements AutoCloseable {

	/** One request as the site received it. */
	record Request(String path, Headers headers, long arrivedNanos) {

		String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/** Answers one request. */
	interface Handler {

		void handle(HttpExchange exchange) throws IOException;

	}

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	LoopbackSite() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(this.executor);
		this.server.createContext("/", (exchange) -> {
			String path = exchange.getRequestURI().getPath();
			this.requests.add(new Request(path, exchange.getRequestHeaders(), System.nanoTime()));
			try {
				Handler handler = this.handlers.get(path);
				if (handler == null) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				handler.handle(exchange);
			}
			finally {
				exchange.close();
			}
		});
		this.server.start();
	}

	/** Answers {@code path} with {@code handler} from now on. */
	LoopbackSite on(String path, Handler handler) {
		this.handlers.put(path, handler);
		return this;
	}

	URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + path);
	}

	/** The requests received so far for {@code path}, in order of arrival. */
	List<Request> requests(String path) {
		List<Request> found = new ArrayList<>();
		for (Request request : this.requests) {
			if (request.path().equals(path)) {
				found.add(request);
			}
		}
		return found;
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/** A handler answering 200 with a saved document under {@code src/test/resources}. */
	static Handler document(String resource, String contentType) {
		byte[] body = resource(resource);
		return (exchange) -> send(exchange, 200, contentType, body);
	}

	/** A handler answering {@code status} with no body. */
	static Handler status(int status) {
		return (exchange) -> exchange.sendResponseHeaders(status, -1);
	}

	static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	static byte[] resource(String resource) {
		try (InputStream in = LoopbackSite.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
