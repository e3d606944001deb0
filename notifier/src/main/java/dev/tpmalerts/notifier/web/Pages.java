package dev.tpmalerts.notifier.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The minimal HTML of the pages behind email links. Their URLs carry a token, so they are never cached and never
 * sent on as a Referer to a site a link on them leads to.
 */
final class Pages {

	private Pages() {
	}

	/** {@code title} and {@code body} must already be HTML-escaped where they hold anything not written here. */
	static ResponseEntity<String> page(HttpStatus status, String title, String body) {
		String html = """
				<!doctype html>
				<html lang="en"><head><meta charset="utf-8"><title>%s · TPM Alerts</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><main><h1>%s</h1>%s</main></body></html>""".formatted(title, title, body);
		return ResponseEntity.status(status)
			.contentType(MediaType.TEXT_HTML)
			.cacheControl(CacheControl.noStore())
			.header("Referrer-Policy", "no-referrer")
			.header("X-Frame-Options", "DENY")
			.body(html);
	}

}
