package dev.tpmalerts.matcher.consume;

/** A record that no retry can fix (unreadable JSON, refused by the index): it goes to the dead-letter topic. */
public class PoisonRecordException extends RuntimeException {

	public PoisonRecordException(String message) {
		super(message);
	}

}
