package dev.tpmalerts.notifier.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.SubscribeRequest;
import dev.tpmalerts.notifier.account.SubscriptionService;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions}: the same answer whether or not the address is already known, rate limited per
 * client and per address.
 */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

	static final Map<String, String> ACCEPTED = Map.of("status", "confirmation-sent", "message",
			"If the address can receive alerts, a confirmation link is on its way.");

	private final SubscriptionService subscriptions;

	private final RateLimiter limits;

	SubscriptionController(SubscriptionService subscriptions, RateLimiter limits) {
		this.subscriptions = subscriptions;
		this.limits = limits;
	}

	@PostMapping
	ResponseEntity<?> subscribe(@RequestBody SubscribeRequest request, HttpServletRequest http) {
		this.limits.checkClient(http.getRemoteAddr());
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return ResponseEntity.badRequest().body(ApiProblems.invalid("Invalid subscription", problems));
		}
		this.limits.checkAddress(request.email());
		this.subscriptions.subscribe(request, "api", "POST /api/subscriptions");
		return ResponseEntity.accepted().body(ACCEPTED);
	}

}
