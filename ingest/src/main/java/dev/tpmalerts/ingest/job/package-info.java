/** The Spring Batch scrape job: read every configured source, normalise each posting, publish it to Kafka. */
package dev.tpmalerts.ingest.job;
