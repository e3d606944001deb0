/** Fetching source documents politely: identified User-Agent, timeouts, a size cap and retries with back-off. */
package dev.tpmalerts.ingest.fetch;
