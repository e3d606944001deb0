package dev.tpmalerts.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.fetch.FetchStates.Validators;

import org.springframework.stereotype.Component;

/**
 * Fetches one document over HTTP(S) like a good citizen, with the limits of {@link FetchProperties}: it obeys
 * robots.txt, sends one request at a time to a host and leaves the larger of the caller's interval and the
 * robots.txt Crawl-delay between them, retries 429 and 5xx as the source asks, refuses oversized answers without
 * reading them, and, for {@link #fetchIfChanged}, asks with the last ETag and Last-Modified whether the document
 * changed.
 */
@Component
public class PageFetcher {

	private static final Logger logger = LoggerFactory.getLogger(PageFetcher.class);

	private final FetchProperties properties;

	private final FetchStates states;

	private final Clock clock;

	private final HttpClient client;

	private final HostRateLimiter limiter = new HostRateLimiter();

	private final RobotsTxt robots;

	public PageFetcher(FetchProperties properties, FetchStates states, Clock clock) {
		this.properties = properties;
		this.states = states;
		this.clock = clock;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.robots = new RobotsTxt(this.client, this.limiter, properties, clock);
	}

	/** The whole document, with requests to its host spaced by {@code tpm.ingest.fetch.default-min-interval}. */
	public FetchedDocument fetch(URI url) {
		return fetch(url, this.properties.defaultMinInterval());
	}

	/**
	 * The whole document (the request is never conditional), for callers that always need the body, such as the
	 * pages of a listing. A 404 or 410 is a {@link FetchException} like every other failure.
	 * @param minInterval the least time between two requests to the URL's host (the source's rate limit); a longer
	 * robots.txt Crawl-delay wins
	 */
	public FetchedDocument fetch(URI url, Duration minInterval) {
		FetchResult result = exchange(url, minInterval, Optional.empty());
		if (result instanceof FetchResult.Fetched fetched) {
			return fetched.document();
		}
		if (result instanceof FetchResult.Gone gone) {
			throw new FetchException(url, "HTTP " + gone.status());
		}
		throw new IllegalStateException("A request without validators was reported not modified: " + url);
	}

	/**
	 * The document if it changed since its last full answer (If-None-Match / If-Modified-Since with what that
	 * answer said), {@link FetchResult.NotModified} if not, {@link FetchResult.Gone} on a 404 or 410. Every full
	 * answer's validators are remembered, by this method and by {@link #fetch}.
	 * @param minInterval the least time between two requests to the URL's host (the source's rate limit); a longer
	 * robots.txt Crawl-delay wins
	 * @throws FetchException for every other failure (robots.txt, network, other statuses, size)
	 */
	public FetchResult fetchIfChanged(URI url, Duration minInterval) {
		return exchange(url, minInterval, this.states.find(url));
	}

	/**
	 * Forgets the validators of a URL, so that its next {@link #fetchIfChanged} gets the full document: for a
	 * caller that could not use the last one (its parsing failed, or the run stopped before its postings were
	 * published).
	 */
	public void forget(URI url) {
		this.states.forget(url);
	}

	private FetchResult exchange(URI url, Duration minInterval, Optional<Validators> known) {
		String host = host(url);
		// A source without its own rate limit gets the default one.
		Duration interval = (minInterval != null) ? minInterval : this.properties.defaultMinInterval();
		if (this.properties.respectRobots()) {
			Duration crawlDelay = this.robots.check(url, interval);
			interval = (crawlDelay.compareTo(interval) > 0) ? crawlDelay : interval;
		}
		long maxBytes = this.properties.maxResponseSize().toBytes();
		Duration backOff = this.properties.initialBackOff();
		for (int attempt = 1;; attempt++) {
			HttpResponse<Responses.Body> response = send(url, host, interval, known, maxBytes);
			int status = response.statusCode();
			if (status >= 200 && status < 300) {
				FetchedDocument document = new FetchedDocument(url, status,
						response.headers().firstValue("Content-Type").orElse(null), body(url, response, maxBytes));
				this.states.remember(url, Validators.of(response.headers()));
				return new FetchResult.Fetched(document);
			}
			if (status == 304 && known.isPresent()) {
				return new FetchResult.NotModified(url);
			}
			if (status == 404 || status == 410) {
				this.states.forget(url);
				return new FetchResult.Gone(url, status);
			}
			if (status == 304) {
				throw new FetchException(url, "HTTP 304 to a request that was not conditional");
			}
			boolean retryable = status == 429 || status >= 500;
			if (!retryable) {
				throw new FetchException(url, "HTTP " + status + ((status >= 300 && status < 400)
						? " (a redirect the client does not follow: "
								+ response.headers().firstValue("Location").orElse("no Location") + ")"
						: ""));
			}
			if (attempt >= this.properties.maxAttempts()) {
				throw new FetchException(url, "HTTP " + status + " after " + attempt + " attempts");
			}
			Optional<Duration> asked = retryAfter(response);
			if (asked.isPresent() && asked.get().compareTo(this.properties.maxRetryAfter()) > 0) {
				throw new FetchException(url, "HTTP " + status + " asking to retry after " + asked.get().toSeconds()
						+ " s, longer than the limit of " + this.properties.maxRetryAfter().toSeconds()
						+ " s (tpm.ingest.fetch.max-retry-after)");
			}
			Duration wait = asked.orElse(backOff);
			this.limiter.pause(host, wait);
			logger.info("Source answered HTTP {} for {}; retrying in {} ms (attempt {} of {})", status, url,
					wait.toMillis(), attempt + 1, this.properties.maxAttempts());
			backOff = backOff.multipliedBy(2);
		}
	}

	private HttpResponse<Responses.Body> send(URI url, String host, Duration interval, Optional<Validators> known,
			long maxBytes) {
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "text/html,application/json,application/xml;q=0.9,*/*;q=0.8")
			.GET();
		known.ifPresent((validators) -> {
			if (validators.etag() != null) {
				request.header("If-None-Match", validators.etag());
			}
			if (validators.lastModified() != null) {
				request.header("If-Modified-Since", validators.lastModified());
			}
		});
		Duration deadline = this.properties.connectTimeout().plus(this.properties.readTimeout());
		try (HostRateLimiter.Permit permit = this.limiter.acquire(host, interval)) {
			return Responses.send(this.client, request.build(),
					Responses.capped(maxBytes, (status) -> status >= 200 && status < 300, false), deadline);
		}
		catch (HttpTimeoutException ex) {
			throw new FetchException(url, "no complete answer within " + deadline.toSeconds() + " s ("
					+ ex.getMessage() + ")", ex);
		}
		catch (IOException ex) {
			throw new FetchException(url, ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(url, "interrupted", ex);
		}
	}

	private byte[] body(URI url, HttpResponse<Responses.Body> response, long maxBytes) {
		Responses.Body body = response.body();
		if (body instanceof Responses.Body.Bytes bytes) {
			return bytes.bytes();
		}
		if (body instanceof Responses.Body.TooLarge tooLarge && tooLarge.declared()) {
			throw new FetchException(url, "the answer declares " + tooLarge.bytes() + " bytes (Content-Length), more "
					+ "than the limit of " + maxBytes + " bytes (tpm.ingest.fetch.max-response-size), so it was not read");
		}
		if (body instanceof Responses.Body.TooLarge) {
			throw new FetchException(url, "the answer is larger than the limit of " + maxBytes
					+ " bytes (tpm.ingest.fetch.max-response-size); reading it was stopped there");
		}
		throw new FetchException(url, "HTTP " + response.statusCode() + " without a body");
	}

	private Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").map(String::strip).flatMap((value) -> {
			try {
				return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value))));
			}
			catch (NumberFormatException ex) {
				// not delta-seconds: an HTTP-date
			}
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(this.clock.instant(), at);
				return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
			}
			catch (DateTimeParseException ex) {
				return Optional.empty();
			}
		});
	}

	private static String host(URI url) {
		String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
			throw new FetchException(url, "only absolute http and https URLs can be fetched");
		}
		return url.getHost();
	}

}
