/** Consuming posting events: classify, index, then announce the match, committing offsets only after both. */
package dev.tpmalerts.matcher.consume;
