package dev.tpmalerts.ingest.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Fetches one document over HTTP(S) with the limits of {@link FetchProperties}. */
@Component
public class PageFetcher {

	private static final Logger logger = LoggerFactory.getLogger(PageFetcher.class);

	private final FetchProperties properties;

	private final HttpClient client;

	public PageFetcher(FetchProperties properties) {
		this.properties = properties;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	public FetchedDocument fetch(URI url) {
		Duration backOff = this.properties.initialBackOff();
		for (int attempt = 1;; attempt++) {
			HttpResponse<InputStream> response = send(url);
			int status = response.statusCode();
			if (status < 400) {
				byte[] body = readCapped(url, response);
				String contentType = response.headers().firstValue("Content-Type").orElse(null);
				return new FetchedDocument(url, status, contentType, body);
			}
			closeQuietly(response);
			boolean retryable = status == 429 || status >= 500;
			if (!retryable || attempt >= this.properties.maxAttempts()) {
				throw new FetchException(url, "HTTP " + status + ((retryable) ? " after " + attempt + " attempts" : ""));
			}
			Duration wait = retryAfter(response).orElse(backOff);
			logger.info("Source answered HTTP {} for {}; retrying in {} ms (attempt {} of {})", status, url,
					wait.toMillis(), attempt + 1, this.properties.maxAttempts());
			pause(url, wait);
			backOff = backOff.multipliedBy(2);
		}
	}

	private HttpResponse<InputStream> send(URI url) {
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "text/html,application/json,application/xml;q=0.9,*/*;q=0.8")
			.GET()
			.build();
		try {
			return this.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (IOException ex) {
			throw new FetchException(url, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(url, "interrupted", ex);
		}
	}

	private byte[] readCapped(URI url, HttpResponse<InputStream> response) {
		long max = this.properties.maxResponseSize().toBytes();
		try (InputStream in = response.body()) {
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			if (body.length > max) {
				throw new FetchException(url, "response is larger than the limit of "
						+ this.properties.maxResponseSize().toMegabytes() + " MB");
			}
			return body;
		}
		catch (IOException ex) {
			throw new FetchException(url, "reading the body failed: " + ex.getMessage(), ex);
		}
	}

	private Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").flatMap((value) -> {
			try {
				Duration wanted = Duration.ofSeconds(Long.parseLong(value.strip()));
				return Optional.of((wanted.compareTo(this.properties.maxRetryAfter()) > 0)
						? this.properties.maxRetryAfter() : wanted);
			}
			catch (NumberFormatException ex) {
				return Optional.empty();
			}
		});
	}

	private static void pause(URI url, Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(url, "interrupted while backing off", ex);
		}
	}

	private static void closeQuietly(HttpResponse<InputStream> response) {
		try {
			response.body().close();
		}
		catch (IOException ex) {
			// nothing more to read from a failed response
		}
	}

}
