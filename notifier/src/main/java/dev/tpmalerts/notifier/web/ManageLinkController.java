package dev.tpmalerts.notifier.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.tpmalerts.notifier.account.AccountManagement;
import dev.tpmalerts.notifier.account.EmailAddresses;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/manage-link}: a new manage link without a password, mailed to the address. The answer is the
 * same whether the address has an account or not, and the endpoint shares the subscription's rate limits.
 */
@RestController
class ManageLinkController {

	static final Map<String, String> ACCEPTED = Map.of("status", "manage-link-sent", "message",
			"If the address has alerts, a link to manage them is on its way.");

	/** The body: only the address. */
	record ManageLinkRequest(String email) {

	}

	private final AccountManagement management;

	private final RateLimiter limits;

	ManageLinkController(AccountManagement management, RateLimiter limits) {
		this.management = management;
		this.limits = limits;
	}

	@PostMapping("/api/manage-link")
	ResponseEntity<?> manageLink(@RequestBody ManageLinkRequest request, HttpServletRequest http) {
		this.limits.checkClient(http.getRemoteAddr());
		if (!EmailAddresses.isValid(request.email())) {
			return ResponseEntity.badRequest()
				.body(ApiProblems.invalid("Invalid request", List.of("email is not a valid email address")));
		}
		this.limits.checkAddress(request.email());
		this.management.sendManageLink(request.email());
		return ResponseEntity.accepted().body(ACCEPTED);
	}

}
