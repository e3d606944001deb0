/** Housekeeping: batch metadata and dead letters older than their configured age are purged, nightly or on demand. */
package dev.tpmalerts.ingest.housekeeping;
