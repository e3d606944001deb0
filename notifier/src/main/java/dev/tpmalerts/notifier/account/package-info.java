/**
 * Accounts and the consent their owners gave: subscribe, confirm (double opt-in), unsubscribe, and what a manage
 * link lets the owner do (alerts, settings, withdrawal, export, erasure), each change audited without personal data.
 */
package dev.tpmalerts.notifier.account;
