package dev.tpmalerts.notifier;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifier's pages as a browser without JavaScript uses them: a cookie jar, and forms sent with the CSRF token
 * of the page they are on. Redirects are not followed, so that a test sees the 303 of a form.
 */
public final class PageClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	public PageClient(String base) {
		this.base = base;
	}

	/** GET of a path ("/manage?token=…") or a full URL. */
	public HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Opens {@code page}, then sends the form whose action is {@code action} with these fields and its CSRF token. */
	public HttpResponse<String> submit(String page, String action, Map<String, String> fields) throws Exception {
		HttpResponse<String> opened = get(page);
		String body = opened.body();
		int form = body.indexOf("action=\"" + action + "\"");
		assertThat(form).as("a form with action %s on %s (HTTP %d)", action, page, opened.statusCode()).isNotNegative();
		Matcher csrf = CSRF.matcher(body);
		assertThat(csrf.find(form)).as("the form's CSRF token").isTrue();
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrf.group(1));
		return post(action, withToken);
	}

	/**
	 * Sends fields to {@code url} with a valid CSRF token taken from {@code page}: what a hand-made request by the
	 * page's own user looks like (another person's alert id in the URL, say).
	 */
	public HttpResponse<String> postWithTokenOf(String page, String url, Map<String, String> fields) throws Exception {
		Matcher csrf = CSRF.matcher(get(page).body());
		assertThat(csrf.find()).as("a CSRF token on %s", page).isTrue();
		Map<String, String> withToken = new LinkedHashMap<>(fields);
		withToken.put("_csrf", csrf.group(1));
		return post(url, withToken);
	}

	/** A form POST as it is, with whatever cookies the jar holds and no token unless the fields have one. */
	public HttpResponse<String> post(String url, Map<String, String> fields) throws Exception {
		String body = String.join("&", fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.toList());
		return this.http.send(HttpRequest.newBuilder(uri(url))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String url) {
		return URI.create(url.startsWith("http") ? url : this.base + url);
	}

}
