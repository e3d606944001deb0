package dev.tpmalerts.ingest.fetch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRules.RobotRulesMode;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The robots.txt rules of each origin, read with our User-Agent and kept for a while, as RFC 9309 asks: a 4xx
 * robots.txt allows everything; one that cannot be read (5xx, 429, network error) disallows everything until it
 * can be, unless rules read before are at hand, which stay in force.
 */
final class RobotsTxt {

	private static final Logger logger = LoggerFactory.getLogger(RobotsTxt.class);

	/** RFC 9309 section 2.5: at least 500 KiB are parsed; what follows may be ignored. */
	static final int MAX_SIZE = 500 * 1024;

	private static final Pattern PRODUCT_TOKEN = Pattern.compile("^\\s*([A-Za-z_-]+)");

	private final HttpClient client;

	private final HostRateLimiter limiter;

	private final FetchProperties properties;

	private final Clock clock;

	private final List<String> robotNames;

	private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

	RobotsTxt(HttpClient client, HostRateLimiter limiter, FetchProperties properties, Clock clock) {
		this.client = client;
		this.limiter = limiter;
		this.properties = properties;
		this.clock = clock;
		this.robotNames = productToken(properties.userAgent()).map(List::of).orElse(List.of());
	}

	/**
	 * Throws a {@link FetchException} when robots.txt disallows {@code url} to us; otherwise returns the Crawl-delay
	 * it asks for (zero when none). Reading robots.txt is itself a request to the host, spaced by
	 * {@code minInterval}.
	 */
	Duration check(URI url, Duration minInterval) {
		String origin = origin(url);
		Entry entry = rulesOf(origin, url, minInterval);
		if (!entry.rules().isAllowed(url.toString())) {
			throw new FetchException(url, (entry.unreadable() != null)
					? "robots.txt of " + origin + " could not be read (" + entry.unreadable()
							+ "), which disallows every URL there until it can be"
					: "robots.txt of " + origin + " disallows it for User-agent "
							+ (this.robotNames.isEmpty() ? "*" : this.robotNames.get(0)));
		}
		long delay = entry.rules().getCrawlDelay();
		if (delay <= 0) {
			return Duration.ZERO;
		}
		Duration crawlDelay = Duration.ofMillis(delay);
		if (crawlDelay.compareTo(this.properties.maxCrawlDelay()) > 0) {
			throw new FetchException(url, "robots.txt of " + origin + " asks for a Crawl-delay of "
					+ crawlDelay.toMillis() + " ms, longer than the limit of " + this.properties.maxCrawlDelay().toMillis()
					+ " ms (tpm.ingest.fetch.max-crawl-delay)");
		}
		return crawlDelay;
	}

	/** The name robots.txt groups are matched against: the User-Agent's product token, lower case. */
	static Optional<String> productToken(String userAgent) {
		Matcher matcher = PRODUCT_TOKEN.matcher((userAgent != null) ? userAgent : "");
		return matcher.find() ? Optional.of(matcher.group(1).toLowerCase(Locale.ROOT))
				: Optional.empty();
	}

	private Entry rulesOf(String origin, URI url, Duration minInterval) {
		Entry entry = this.entries.get(origin);
		if (entry != null && entry.isFresh(this.clock.instant())) {
			return entry;
		}
		synchronized (this.locks.computeIfAbsent(origin, (key) -> new Object())) {
			entry = this.entries.get(origin);
			if (entry != null && entry.isFresh(this.clock.instant())) {
				return entry;
			}
			Entry read = read(origin, entry, url, minInterval);
			this.entries.put(origin, read);
			return read;
		}
	}

	private Entry read(String origin, Entry previous, URI url, Duration minInterval) {
		URI robotsUrl = URI.create(origin + "/robots.txt");
		HttpRequest request = HttpRequest.newBuilder(robotsUrl)
			.timeout(this.properties.readTimeout())
			.header("User-Agent", this.properties.userAgent())
			.header("Accept", "text/plain,*/*;q=0.8")
			.GET()
			.build();
		HttpResponse<Responses.Body> response;
		try (HostRateLimiter.Permit permit = this.limiter.acquire(url.getHost(), minInterval)) {
			response = Responses.send(this.client, request,
					Responses.capped(MAX_SIZE, (status) -> status >= 200 && status < 300, true),
					this.properties.connectTimeout().plus(this.properties.readTimeout()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new FetchException(url, "interrupted while reading robots.txt", ex);
		}
		catch (IOException ex) {
			return unreadable(origin, previous, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		int status = response.statusCode();
		Instant now = this.clock.instant();
		Instant expires = now.plus(this.properties.robotsCacheTtl());
		if (status >= 200 && status < 300 && response.body() instanceof Responses.Body.Bytes bytes) {
			SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE,
					SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
			String contentType = response.headers().firstValue("Content-Type").orElse("text/plain");
			BaseRobotRules rules = parser.parseContent(robotsUrl.toString(), bytes.bytes(), contentType,
					this.robotNames);
			logger.debug("Read robots.txt of {} ({} bytes)", origin, bytes.bytes().length);
			return new Entry(rules, true, null, expires);
		}
		if (status == 429 || status >= 500 || status < 200) {
			return unreadable(origin, previous, "HTTP " + status);
		}
		// 3xx left after the redirects the client follows, and every other 4xx: no robots.txt (RFC 9309 2.3.1.3)
		logger.debug("robots.txt of {} answered HTTP {}, so every URL there is allowed", origin, status);
		return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_ALL), false, null, expires);
	}

	private Entry unreadable(String origin, Entry previous, String reason) {
		Instant retry = this.clock.instant().plus(this.properties.robotsErrorTtl());
		if (previous != null && previous.read()) {
			logger.warn("robots.txt of {} could not be read ({}); the rules read before stay in force and it is asked "
					+ "for again in {} s", origin, reason, this.properties.robotsErrorTtl().toSeconds());
			return new Entry(previous.rules(), true, null, retry);
		}
		logger.warn("robots.txt of {} could not be read ({}); nothing there is fetched until it can be, and it is "
				+ "asked for again in {} s", origin, reason, this.properties.robotsErrorTtl().toSeconds());
		return new Entry(new SimpleRobotRules(RobotRulesMode.ALLOW_NONE), false, reason, retry);
	}

	static String origin(URI url) {
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		int port = url.getPort();
		String host = url.getHost().toLowerCase(Locale.ROOT);
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		return scheme + "://" + ((host.contains(":") && !host.startsWith("[")) ? "[" + host + "]" : host)
				+ (defaultPort ? "" : ":" + port);
	}

	/**
	 * The rules of one origin until {@code expires}.
	 *
	 * @param read whether the rules come from a robots.txt file (and may stand in while it cannot be read)
	 * @param unreadable why everything is disallowed, when robots.txt could not be read; null otherwise
	 */
	private record Entry(BaseRobotRules rules, boolean read, String unreadable, Instant expires) {

		boolean isFresh(Instant now) {
			return now.isBefore(this.expires);
		}

	}

}
