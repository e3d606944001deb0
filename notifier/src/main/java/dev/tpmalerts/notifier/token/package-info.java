/** Tokens in links (confirm, unsubscribe, manage): 256 random bits, stored only as a hash, single-use where it matters, and expiring. */
package dev.tpmalerts.notifier.token;
