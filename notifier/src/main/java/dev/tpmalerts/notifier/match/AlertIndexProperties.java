package dev.tpmalerts.notifier.match;

import java.time.Duration;

import dev.tpmalerts.shared.Topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The alert index and the topic of alert definitions that feeds it.
 *
 * @param topic the compacted topic of alert definitions (another name lets several environments share a cluster)
 * @param partitions partitions of the alert definitions topic
 * @param rebuildTimeout how long start-up may take to read the topic to its end before the notifier gives up
 * @param reconcileOnStart whether, once rebuilt, the instance compares its index with the database and publishes
 *        what differs (changes made while Kafka was away)
 * @param reconcileInterval how often to do that again while running; 0 for never
 */
@ConfigurationProperties("tpm.notifier.alert-index")
public record AlertIndexProperties(@DefaultValue(Topics.ALERTS) String topic, @DefaultValue("3") int partitions,
		@DefaultValue("5m") Duration rebuildTimeout, @DefaultValue("true") boolean reconcileOnStart,
		@DefaultValue("1h") Duration reconcileInterval) {

}
