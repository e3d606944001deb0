package dev.tpmalerts.notifier.account;

/** PENDING until the owner confirms; only ACTIVE accounts receive alerts. */
public enum AccountStatus {

	PENDING, ACTIVE, UNSUBSCRIBED

}
