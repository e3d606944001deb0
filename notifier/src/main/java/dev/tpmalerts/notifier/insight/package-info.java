/**
 * Demand insight for recruiters: how many active alerts ask for each value of each facet, counted in SQL, with
 * small counts suppressed. Nothing here reads an address, a keyword or an id of a subscriber.
 */
package dev.tpmalerts.notifier.insight;
