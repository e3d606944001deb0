/**
 * Benchmarks that print figures: the project's code and the plain baseline an issue names, measured side by side
 * in the same run (alternating rounds, medians), so the ratio holds on whatever machine runs them.
 */
package dev.tpmalerts.bench;
