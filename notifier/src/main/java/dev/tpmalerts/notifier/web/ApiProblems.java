package dev.tpmalerts.notifier.web;

import java.util.List;

import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * RFC 9457 problem details for the JSON API. No answer repeats an address, and an invalid manage link gets one
 * answer whatever was wrong with it.
 */
@RestControllerAdvice(assignableTypes = { SubscriptionController.class, AccountController.class,
		ManageLinkController.class })
class ApiProblems {

	static ProblemDetail invalid(String title, List<String> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", problems));
		problem.setTitle(title);
		problem.setProperty("errors", problems);
		return problem;
	}

	@ExceptionHandler(ManageAccess.LinkNotValid.class)
	ResponseEntity<ProblemDetail> linkNotValid() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"This manage link is unknown or has expired. Ask for a new one with POST /api/manage-link.");
		problem.setTitle("Manage link not valid");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.body(problem);
	}

	@ExceptionHandler(RateLimiter.RateLimited.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimiter.RateLimited limited) {
		long seconds = limited.retryAfterSeconds();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				"Too many requests; try again in " + seconds + " seconds.");
		problem.setTitle("Too many requests");
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
			.body(problem);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException ex) {
		String field = (ex.getCause() instanceof JacksonException json) ? path(json) : "";
		String message = field.isEmpty() ? "the request body is not valid JSON of the expected shape"
				: field + " has a value of the wrong type or not among the allowed values";
		return ResponseEntity.badRequest().body(invalid("Unreadable request", List.of(message)));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> badPathValue(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No such " + ex.getName() + " in this account.");
		problem.setTitle("Not found");
		return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
	}

	/** "criteria.workplaces[0]": where in the body the unreadable value was. */
	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
