/** Accounts and the consent their owners gave: subscribe, confirm (double opt-in), unsubscribe. */
package dev.tpmalerts.notifier.account;
