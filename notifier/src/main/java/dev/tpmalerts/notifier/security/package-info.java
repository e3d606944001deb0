/**
 * Who may call what on the notifier: subscribers through their link tokens (pages and JSON API), recruiters the
 * demand insight only, operators the actuator; CSRF tokens on the pages' forms.
 */
package dev.tpmalerts.notifier.security;
