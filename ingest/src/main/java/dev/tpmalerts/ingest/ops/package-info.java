/**
 * What operators use to run ingest: the JSON API under {@code /api/ops} (HTTP basic) and the dashboard at
 * {@code /ops} (form sign-in, CSRF), both for the OPS and ADMIN roles, over one {@link Operations} facade.
 */
package dev.tpmalerts.ingest.ops;
