package dev.tpmalerts.notifier.web;

import dev.tpmalerts.notifier.account.SubscriptionService;
import dev.tpmalerts.notifier.account.SubscriptionService.Confirmation;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages behind email links. Unsubscribing by GET only shows a button (link scanners must not unsubscribe
 * anyone); the POST, which RFC 8058 mail clients send directly, needs no login and no cookie. Confirming is a GET
 * that changes state, as double opt-in links must work with one click; its token is single use, so a scanner that
 * opens it first confirms what the address's owner would have (the link only ever reaches that mailbox).
 */
@RestController
class LinkController {

	private final SubscriptionService subscriptions;

	LinkController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping(path = "/subscriptions/confirm", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> confirm(@RequestParam(required = false) String token) {
		if (this.subscriptions.confirm(token) instanceof Confirmation.Confirmed confirmed) {
			return Pages.page(HttpStatus.OK, "Subscription confirmed", """
					<p>Your TPM job alerts are active. Every alert email has a link to unsubscribe.</p>
					<p><a href="/manage?token=%s">Manage your alerts</a>: edit, pause, change frequency or time zone,
					export or delete your data. Keep this link to yourself.</p>""".formatted(confirmed.manageToken()));
		}
		return Pages.page(HttpStatus.NOT_FOUND, "Link not valid",
				"<p>This confirmation link is unknown, already used or expired. Subscribe again to get a new one.</p>");
	}

	@GetMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribePage(@RequestParam(required = false) String token) {
		String safeToken = HtmlUtils.htmlEscape((token != null) ? token : "");
		return Pages.page(HttpStatus.OK, "Unsubscribe", """
				<form method="post" action="/unsubscribe">
				  <input type="hidden" name="token" value="%s">
				  <p>Stop all TPM job alert emails to this address?</p>
				  <button type="submit">Unsubscribe</button>
				</form>""".formatted(safeToken));
	}

	@PostMapping(path = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> unsubscribe(@RequestParam(required = false) String token) {
		if (this.subscriptions.unsubscribe(token)) {
			return Pages.page(HttpStatus.OK, "Unsubscribed",
					"<p>You will receive no more job alerts. Your consent is recorded as withdrawn.</p>");
		}
		return Pages.page(HttpStatus.NOT_FOUND, "Link not valid", "<p>This unsubscribe link is unknown or expired.</p>");
	}

}
