/**
 * Who may call the matcher: HTTP basic on the JSON API and the operations endpoints, the OpenAPI description and
 * Swagger UI for anyone, a sign-in form with session and CSRF tokens on the recruiter's pages.
 */
package dev.tpmalerts.matcher.security;
