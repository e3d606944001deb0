package dev.tpmalerts.notifier.web;

import java.util.List;
import java.util.Map;

import dev.tpmalerts.notifier.account.SubscribeRequest;
import dev.tpmalerts.notifier.account.SubscriptionService;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/subscriptions}: the same answer whether or not the address is already known. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

	private final SubscriptionService subscriptions;

	SubscriptionController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping
	ResponseEntity<?> subscribe(@RequestBody SubscribeRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
			problem.setTitle("Invalid subscription");
			problem.setProperty("errors", problems);
			return ResponseEntity.badRequest().body(problem);
		}
		this.subscriptions.subscribe(request, "api", "POST /api/subscriptions");
		return ResponseEntity.accepted()
			.body(Map.of("status", "confirmation-sent", "message",
					"If the address can receive alerts, a confirmation link is on its way."));
	}

}
