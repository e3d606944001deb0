package dev.tpmalerts.ingest.ops;

import org.springframework.http.HttpStatus;

/** A request the operations API refuses, with the status and, for a bad parameter, which one. */
class OpsProblem extends RuntimeException {

	private final HttpStatus status;

	private final String title;

	private final String parameter;

	OpsProblem(HttpStatus status, String title, String detail, String parameter) {
		super(detail);
		this.status = status;
		this.title = title;
		this.parameter = parameter;
	}

	static OpsProblem badParameter(String parameter, String detail) {
		return new OpsProblem(HttpStatus.BAD_REQUEST, "Bad parameter", detail, parameter);
	}

	static OpsProblem notFound(String detail) {
		return new OpsProblem(HttpStatus.NOT_FOUND, "Not found", detail, null);
	}

	static OpsProblem conflict(String title, String detail) {
		return new OpsProblem(HttpStatus.CONFLICT, title, detail, null);
	}

	HttpStatus status() {
		return this.status;
	}

	String title() {
		return this.title;
	}

	String parameter() {
		return this.parameter;
	}

}
