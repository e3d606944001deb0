/**
 * Command-line tools with plain main classes (no Spring context): {@code score} runs the pipeline's normaliser and
 * classifier over JSON Lines postings; {@code eval} measures that same code path against a labelled set.
 */
package dev.tpmalerts.cli;
