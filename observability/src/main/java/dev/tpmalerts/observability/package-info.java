/**
 * What every stage shows its operators: Kafka's health next to Boot's own indicators, the posting counters' names
 * and tags, and (in {@code tpm-observability.yml}) the actuator endpoints, health groups and log format.
 */
package dev.tpmalerts.observability;
