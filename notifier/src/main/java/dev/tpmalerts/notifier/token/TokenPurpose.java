package dev.tpmalerts.notifier.token;

/** What a link's token allows; a token of one purpose never works for another. */
public enum TokenPurpose {

	CONFIRM, UNSUBSCRIBE

}
