package dev.tpmalerts.notifier.alert;

/** How often an alert mails: at once, or in a daily or weekly digest. */
public enum Frequency {

	INSTANT, DAILY, WEEKLY

}
