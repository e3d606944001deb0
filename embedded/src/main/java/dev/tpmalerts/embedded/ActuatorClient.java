package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a stage's actuator over HTTP, as an operator would: health and Prometheus counters. The tests log in as
 * {@link #OPS_USER}, an OPS user their contexts declare with the {@code OPS_USER_*} properties.
 */
public final class ActuatorClient {

	/** The OPS user the tests declare ({@code {noop}}: a test password, never a deployment's). */
	public static final String OPS_USER = "ops-it";

	public static final String OPS_PASSWORD = "ops-it-password";

	public static final String OPS_USER_NAME = "tpm.security.users[0].name=" + OPS_USER;

	public static final String OPS_USER_PASSWORD_HASH = "tpm.security.users[0].password-hash={noop}" + OPS_PASSWORD;

	public static final String OPS_USER_ROLES = "tpm.security.users[0].roles=OPS";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String authorization;

	private ActuatorClient(String baseUrl, String authorization) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
	}

	/** Anonymous, on the stage at {@code http://127.0.0.1:port}. */
	public static ActuatorClient anonymous(int port) {
		return new ActuatorClient("http://127.0.0.1:" + port, null);
	}

	/** Logged in as {@link #OPS_USER}, on the stage at {@code http://127.0.0.1:port}. */
	public static ActuatorClient operator(int port) {
		String credentials = OPS_USER + ":" + OPS_PASSWORD;
		return new ActuatorClient("http://127.0.0.1:" + port,
				"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
	}

	/** GETs {@code /actuator/...}, e.g. {@code get("health/readiness")}. */
	public HttpResponse<String> get(String endpoint) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + "/actuator/" + endpoint));
		if (this.authorization != null) {
			request.header("Authorization", this.authorization);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking " + this.baseUrl, ex);
		}
	}

	/**
	 * The sum of the samples of {@code name} on {@code /actuator/prometheus} whose labels include {@code labels};
	 * 0 when there is none.
	 * @param name the name Prometheus shows, e.g. {@code tpm_postings_indexed_total}
	 * @param labels pairs of label name and value, e.g. {@code "operation", "index"}
	 * @throws AssertionError when the endpoint does not answer 200
	 */
	public double sample(String name, String... labels) {
		HttpResponse<String> response = get("prometheus");
		if (response.statusCode() != 200) {
			throw new AssertionError("/actuator/prometheus answered " + response.statusCode() + ": " + response.body());
		}
		return sampleIn(response.body(), name, labels);
	}

	static double sampleIn(String exposition, String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i + 1 < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		double sum = 0;
		for (String line : exposition.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
				continue;
			}
			Map<String, String> found = new LinkedHashMap<>();
			Matcher label = LABEL.matcher((sample.group(2) != null) ? sample.group(2) : "");
			while (label.find()) {
				found.put(label.group(1), label.group(2));
			}
			if (found.entrySet().containsAll(wanted.entrySet())) {
				sum += Double.parseDouble(sample.group(3));
			}
		}
		return sum;
	}

}
