/**
 * Runs the three deployable applications as child processes against real servers: the demo launcher, and the
 * same stack for the end-to-end tests.
 */
package dev.tpmalerts.demo;
