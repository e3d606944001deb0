package dev.tpmalerts.notifier.account;

/**
 * PENDING until the owner confirms; only ACTIVE accounts receive alerts. SUPPRESSED: the SMTP server refused the
 * address for good, so nothing is sent to it again.
 */
public enum AccountStatus {

	PENDING, ACTIVE, UNSUBSCRIBED, SUPPRESSED

}
