/**
 * Who may call the stages' HTTP APIs: users and roles from configuration, HTTP basic, refusals as problem details.
 * The rules for each path stay with the stage that serves it.
 */
package dev.tpmalerts.security;
