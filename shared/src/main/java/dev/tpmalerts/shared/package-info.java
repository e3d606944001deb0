/**
 * What crosses the wire between the stages: the posting record, the events published to Kafka, the topic
 * names, the taxonomy ids and the JSON serde. Nothing here knows about Spring.
 */
package dev.tpmalerts.shared;
