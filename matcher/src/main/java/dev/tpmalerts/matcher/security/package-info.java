/**
 * Who may call the matcher's HTTP API: HTTP basic against users from configuration, recruiter search for
 * RECRUITER and ADMIN, operations endpoints for OPS and ADMIN, the health check for anyone.
 */
package dev.tpmalerts.matcher.security;
