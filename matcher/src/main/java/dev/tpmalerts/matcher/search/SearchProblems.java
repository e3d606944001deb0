package dev.tpmalerts.matcher.search;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The search's refusals as RFC 9457 problem details, with the bad parameter in the {@code parameter} property. */
@RestControllerAdvice(assignableTypes = PostingSearchController.class)
class SearchProblems {

	@ExceptionHandler
	ProblemDetail badParameter(BadParameterException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad search parameter");
		problem.setProperty("parameter", ex.parameter());
		return problem;
	}

}
