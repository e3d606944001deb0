/**
 * The dead letters kept for operators: every record of {@code postings.dlt} stored once with its reason, browsed,
 * replayed after a fix (nothing is lost when a replay fails again) and purged by age.
 */
package dev.tpmalerts.ingest.deadletter;
