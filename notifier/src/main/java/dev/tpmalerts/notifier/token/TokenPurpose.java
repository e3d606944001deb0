package dev.tpmalerts.notifier.token;

/** What a link's token allows; a token of one purpose never works for another. */
public enum TokenPurpose {

	/** Double opt-in: single use, 48 hours by default. */
	CONFIRM,

	/** The one-click unsubscribe of every alert email: long-lived, usable again (repeating it is harmless). */
	UNSUBSCRIBE,

	/** Seeing, editing, exporting and erasing one's account without a password: usable until it expires. */
	MANAGE

}
