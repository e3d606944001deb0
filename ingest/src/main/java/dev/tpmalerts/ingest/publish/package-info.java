/** Publishing to Kafka: posting events keyed by posting id, and rejected records to the dead-letter topic. */
package dev.tpmalerts.ingest.publish;
