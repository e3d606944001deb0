package dev.tpmalerts.matcher.search;

/** A search parameter that cannot be used; the answer is a 400 problem detail naming it. */
class BadParameterException extends RuntimeException {

	private final String parameter;

	BadParameterException(String parameter, String detail) {
		super(detail);
		this.parameter = parameter;
	}

	String parameter() {
		return this.parameter;
	}

}
