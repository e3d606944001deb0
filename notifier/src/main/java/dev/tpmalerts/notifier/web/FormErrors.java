package dev.tpmalerts.notifier.web;

import java.util.List;

/**
 * The problems of a rejected form, each tied to the field it names, for the error summary at the top of the page
 * (a link to each field) and the message next to the field. The problems come from the same checks as the JSON
 * API's ("criteria.minScore must be …"); the page shows them without the "criteria." prefix. Methods the
 * templates call are public: SpEL finds only those.
 */
record FormErrors(List<FieldProblem> all) {

	/** One problem: the form field it is about (the id of its input or group) and what is wrong. */
	record FieldProblem(String field, String message) {

	}

	static FormErrors none() {
		return new FormErrors(List.of());
	}

	static FormErrors of(List<String> problems) {
		return new FormErrors(problems.stream().map((problem) -> {
			String message = problem.startsWith("criteria.") ? problem.substring("criteria.".length()) : problem;
			return new FieldProblem(field(message), message);
		}).toList());
	}

	public boolean any() {
		return !this.all.isEmpty();
	}

	/** The messages about one field; empty when it is fine. */
	public List<String> of(String field) {
		return this.all.stream().filter((problem) -> problem.field().equals(field)).map(FieldProblem::message).toList();
	}

	/** "minSalary.currency …" is about the currency box, "keywords[2] …" about keywords, "alerts: …" about none. */
	private static String field(String message) {
		if (message.startsWith("minSalary.currency")) {
			return "currency";
		}
		int end = 0;
		while (end < message.length() && Character.isLetter(message.charAt(end))) {
			end++;
		}
		return message.substring(0, end);
	}

}
