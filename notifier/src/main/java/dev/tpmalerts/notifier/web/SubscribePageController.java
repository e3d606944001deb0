package dev.tpmalerts.notifier.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.account.SubscribeRequest;
import dev.tpmalerts.notifier.account.SubscribeRequest.Consent;
import dev.tpmalerts.notifier.account.SubscriptionService;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The subscription form, its "check your email" page and the privacy notice and terms it links to. The form is
 * checked by the same rules as {@code POST /api/subscriptions}; a rejected form comes back with what was entered
 * and each problem next to its field. Whatever the address's history, a valid form leads to the same page.
 */
@Controller
class SubscribePageController {

	private final SubscriptionService subscriptions;

	private final RateLimiter limits;

	private final NotifierProperties properties;

	SubscribePageController(SubscriptionService subscriptions, RateLimiter limits, NotifierProperties properties) {
		this.subscriptions = subscriptions;
		this.limits = limits;
		this.properties = properties;
	}

	/**
	 * The subscriber's own fields of the form.
	 *
	 * @param consent "yes" when the consent box is ticked; it is never ticked in advance
	 */
	record SubscriberForm(String email, String timeZone, String consent) {

		static SubscriberForm blank() {
			return new SubscriberForm(null, "UTC", null);
		}

	}

	@GetMapping({ "/", "/subscribe" })
	ModelAndView form() {
		return page(SubscriberForm.blank(), CriteriaForm.blank(), FormErrors.none(), HttpStatus.OK);
	}

	@PostMapping("/subscribe")
	ModelAndView subscribe(SubscriberForm subscriber, CriteriaForm criteria, HttpServletRequest http) {
		this.limits.checkClient(http.getRemoteAddr());
		CriteriaForm.Parsed parsed = criteria.parse();
		boolean consented = "yes".equals(subscriber.consent());
		String email = (subscriber.email() != null) ? subscriber.email().strip() : null;
		String zone = (subscriber.timeZone() != null && !subscriber.timeZone().isBlank()) ? subscriber.timeZone().strip()
				: null;
		SubscribeRequest request = new SubscribeRequest(email, parsed.request().criteria(), parsed.request().frequency(),
				new Consent(consented, consented), zone);
		// The request's own checks and the form's, each once; the one box stands for both consents.
		Set<String> problems = new LinkedHashSet<>();
		request.problems().stream().filter((problem) -> !problem.startsWith("consent.")).forEach(problems::add);
		problems.addAll(parsed.problems());
		if (!consented) {
			problems.add("consent: tick the box to agree to the privacy notice and the terms; nothing is sent without it");
		}
		if (!problems.isEmpty()) {
			return page(subscriber, criteria, FormErrors.of(new ArrayList<>(problems)), HttpStatus.BAD_REQUEST);
		}
		this.limits.checkAddress(email);
		this.subscriptions.subscribe(request, "web-form", "POST /subscribe");
		return Pages.seeOther("/subscribe/sent");
	}

	@GetMapping("/subscribe/sent")
	ModelAndView sent() {
		return Pages.message(HttpStatus.OK, "Check your email",
				List.of("If the address can receive alerts, a confirmation link is on its way. Open it to start your alerts: "
						+ "nothing is sent before you do.",
						"The link works for " + this.properties.confirmTokenTtl().toHours()
								+ " hours. No email? Check your spam folder, or subscribe again."),
				null, null);
	}

	@GetMapping("/privacy")
	ModelAndView privacy() {
		return policy("pages/privacy");
	}

	@GetMapping("/terms")
	ModelAndView terms() {
		return policy("pages/terms");
	}

	/** Where Spring Security sends a form whose CSRF token is missing or wrong. */
	@RequestMapping("/form-expired")
	ModelAndView formExpired() {
		return Pages.message(HttpStatus.FORBIDDEN, "This form has expired",
				List.of("For your safety the form could not be accepted: it was sent without the check this site "
						+ "puts in its own pages, or after that check expired.",
						"Go back, reload the page and send the form again."),
				"/", "Back to the start page");
	}

	private ModelAndView policy(String template) {
		ModelAndView page = Pages.view(template, HttpStatus.OK, FormErrors.none());
		page.addObject("privacyVersion", this.properties.privacyPolicyVersion());
		page.addObject("termsVersion", this.properties.termsVersion());
		page.addObject("minCount", this.properties.insight().minCount());
		return page;
	}

	private ModelAndView page(SubscriberForm subscriber, CriteriaForm criteria, FormErrors errors, HttpStatus status) {
		ModelAndView page = Pages.alertForm("pages/subscribe", status, criteria, errors);
		page.addObject("subscriber", subscriber);
		page.addObject("minCount", this.properties.insight().minCount());
		return page;
	}

}
