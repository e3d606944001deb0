/** Delivering alerts: match each matched posting against the saved alerts, record it in the ledger, mail it. */
package dev.tpmalerts.notifier.delivery;
