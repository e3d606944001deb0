package dev.tpmalerts.cli;

/** An input line that cannot be scored; the message names what was wrong with it. */
class BadInputException extends RuntimeException {

	BadInputException(String message) {
		super(message);
	}

}
