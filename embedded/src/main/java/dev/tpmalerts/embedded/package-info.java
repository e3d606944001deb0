/**
 * Real servers on loopback (Elasticsearch and Kafka as child processes, SMTP/IMAP in process) for the other
 * modules' tests and for the demo, so nothing needs Docker; every child process dies with the JVM that started
 * it, even when that JVM is killed.
 */
package dev.tpmalerts.embedded;
