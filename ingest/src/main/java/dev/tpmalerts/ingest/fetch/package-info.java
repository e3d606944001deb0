/**
 * Fetching source documents like a good citizen: an identified User-Agent, robots.txt obeyed, a per-host rate
 * limit, conditional requests, timeouts, a size cap and retries that honour Retry-After.
 */
package dev.tpmalerts.ingest.fetch;
