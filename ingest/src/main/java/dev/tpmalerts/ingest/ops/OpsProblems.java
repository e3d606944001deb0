package dev.tpmalerts.ingest.ops;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** The operations API's refusals as RFC 9457 problem details; a bad parameter is named in {@code parameter}. */
@RestControllerAdvice(assignableTypes = OpsApiController.class)
class OpsProblems {

	@ExceptionHandler
	ProblemDetail refused(OpsProblem ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(), ex.getMessage());
		problem.setTitle(ex.title());
		if (ex.parameter() != null) {
			problem.setProperty("parameter", ex.parameter());
		}
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badType(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				ex.getName() + " '" + ex.getValue() + "' is not a valid " + ex.getParameter().getParameterType().getSimpleName());
		problem.setTitle("Bad parameter");
		problem.setProperty("parameter", ex.getName());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unreadable(HttpMessageNotReadableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the body is not valid JSON of the expected shape: " + ex.getMostSpecificCause().getMessage());
		problem.setTitle("Bad request body");
		return problem;
	}

}
