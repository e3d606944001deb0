package dev.tpmalerts.notifier.web;

import java.util.List;

import dev.tpmalerts.notifier.account.SubscriptionService;
import dev.tpmalerts.notifier.account.SubscriptionService.Confirmation;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The pages behind email links. Unsubscribing by GET only shows a button (link scanners must not unsubscribe
 * anyone); the POST, which RFC 8058 mail clients send directly, needs no login, no cookie and no CSRF token.
 * Confirming is a GET that changes state, as double opt-in links must work with one click; its token is single
 * use, so a scanner that opens it first confirms what the address's owner would have (the link only ever reaches
 * that mailbox).
 */
@Controller
class LinkController {

	private final SubscriptionService subscriptions;

	LinkController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/subscriptions/confirm")
	ModelAndView confirm(@RequestParam(required = false) String token) {
		if (this.subscriptions.confirm(token) instanceof Confirmation.Confirmed confirmed) {
			ModelAndView page = Pages.view("pages/confirmed", HttpStatus.OK, FormErrors.none());
			page.addObject("manageToken", confirmed.manageToken());
			return page;
		}
		return Pages.message(HttpStatus.NOT_FOUND, "Link not valid",
				List.of("This confirmation link is unknown, already used or expired. Subscribe again to get a new one."),
				"/subscribe", "Subscribe again");
	}

	@GetMapping("/unsubscribe")
	ModelAndView unsubscribePage(@RequestParam(required = false) String token) {
		ModelAndView page = Pages.view("pages/unsubscribe", HttpStatus.OK, FormErrors.none());
		page.addObject("token", (token != null) ? token : "");
		return page;
	}

	@PostMapping("/unsubscribe")
	ModelAndView unsubscribe(@RequestParam(required = false) String token) {
		if (this.subscriptions.unsubscribe(token)) {
			return Pages.message(HttpStatus.OK, "Unsubscribed",
					List.of("You will receive no more job alerts. Your consent is recorded as withdrawn.",
							"Your data is kept until you delete it with the manage link of any of our emails."),
					"/subscribe", "Subscribe again");
		}
		return Pages.message(HttpStatus.NOT_FOUND, "Link not valid", List.of("This unsubscribe link is unknown or expired."),
				null, null);
	}

}
