package dev.tpmalerts.notifier.account;

/** PENDING until the owner confirms; only ACTIVE accounts receive alerts. */
public enum AccountStatus {

	/** Subscribed, not yet confirmed (double opt-in): nothing but the confirmation email is sent. */
	PENDING,

	/** Confirmed: the only status whose alerts are live. */
	ACTIVE,

	/** Consent withdrawn (one-click unsubscribe or the manage page): no mail at all until subscribing again. */
	UNSUBSCRIBED,

	/** The address may not be mailed again (it bounced or complained): subscribing again does nothing. */
	SUPPRESSED

}
