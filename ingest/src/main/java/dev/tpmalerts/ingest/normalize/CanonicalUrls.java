package dev.tpmalerts.ingest.normalize;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The one URL a job is known by: lower-case host, no fragment, no tracking parameters, sorted query. */
public final class CanonicalUrls {

	private static final Set<String> TRACKING = Set.of("gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "ref",
			"referrer", "source", "src", "gh_src", "lever-source", "lever-origin", "trk", "trackingid", "_hsenc",
			"_hsmi", "igshid");

	private CanonicalUrls() {
	}

	public static String canonicalize(String url) {
		URI uri;
		try {
			uri = new URI(url.strip());
		}
		catch (URISyntaxException ex) {
			throw new RejectedPostingException("url '" + url + "' is not a valid URL: " + ex.getReason());
		}
		if (uri.getScheme() == null || uri.getHost() == null
				|| !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
			throw new RejectedPostingException("url '" + url + "' is not an absolute http(s) URL");
		}
		String query = (uri.getRawQuery() == null) ? null
				: Arrays.stream(uri.getRawQuery().split("&"))
					.filter((pair) -> !pair.isBlank() && !isTracking(pair.split("=", 2)[0]))
					.sorted()
					.collect(Collectors.joining("&"));
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		int port = uri.getPort();
		boolean defaultPort = port == -1 || (port == 80 && uri.getScheme().equalsIgnoreCase("http"))
				|| (port == 443 && uri.getScheme().equalsIgnoreCase("https"));
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
				+ (defaultPort ? "" : ":" + port) + path + ((query == null || query.isEmpty()) ? "" : "?" + query);
	}

	private static boolean isTracking(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.startsWith("utm_") || TRACKING.contains(lower);
	}

}
