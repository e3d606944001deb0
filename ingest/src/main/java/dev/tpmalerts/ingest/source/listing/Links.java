package dev.tpmalerts.ingest.source.listing;

import java.net.URI;
import java.util.Optional;

import org.jsoup.nodes.Element;

/** Links as a crawler compares them: absolute, http(s), without fragment. */
final class Links {

	private Links() {
	}

	/**
	 * The link of an element: its own {@code href}, else that of the first link inside it (so a link selector may
	 * pick a whole card or table row).
	 */
	static Optional<URI> href(Element element) {
		Element anchor = element.hasAttr("href") ? element : element.selectFirst("[href]");
		return (anchor != null) ? toUri(anchor.absUrl("href")) : Optional.empty();
	}

	/** The URL without its fragment, when it is an absolute http(s) URL; "#apply" does not make another page. */
	static Optional<URI> toUri(String url) {
		if (url == null || url.isBlank()) {
			return Optional.empty();
		}
		int hash = url.indexOf('#');
		String withoutFragment = ((hash >= 0) ? url.substring(0, hash) : url).strip().replace(" ", "%20");
		try {
			URI uri = URI.create(withoutFragment);
			String scheme = uri.getScheme();
			boolean web = scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
			return (web && uri.getHost() != null) ? Optional.of(uri) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	static boolean isOnHost(URI url, String host) {
		return host != null && host.equalsIgnoreCase(url.getHost());
	}

}
