package dev.tpmalerts.notifier.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** What the pages show for an invalid manage link and for too many requests, as pages rather than JSON. */
@ControllerAdvice(assignableTypes = { ManagePageController.class, SubscribePageController.class, LinkController.class })
class PageErrors {

	@ExceptionHandler(ManageAccess.LinkNotValid.class)
	ModelAndView linkNotValid() {
		return Pages.linkNotValid(HttpStatus.NOT_FOUND, null, FormErrors.none());
	}

	@ExceptionHandler(RateLimiter.RateLimited.class)
	ModelAndView rateLimited(RateLimiter.RateLimited limited, HttpServletResponse response) {
		response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
		return Pages.message(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
				List.of("Please try again in " + limited.retryAfterSeconds() + " seconds."), null, null);
	}

}
