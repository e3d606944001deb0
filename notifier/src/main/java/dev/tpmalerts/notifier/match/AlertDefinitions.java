package dev.tpmalerts.notifier.match;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.AlertsChanged;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.Json;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps every notifier instance's alert index equal to the database, through the compacted topic of alert
 * definitions. A change is published once its transaction has committed (and applied to this instance's index at
 * once, so a change is matched here before the topic brings it back). At start the instance reads the topic from
 * the beginning with a consumer of its own (no group: every instance reads every partition), before the posting
 * listener starts; then it keeps following. The database stays the source of truth: when a publish failed (Kafka
 * away), the reconcile that runs after start and then periodically publishes whatever differs.
 */
@Component
class AlertDefinitions implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(AlertDefinitions.class);

	private static final int BATCH = 10_000;

	private static final String ORIGIN = "tpm-origin";

	private final AlertIndex index;

	private final Alerts alerts;

	private final KafkaTemplate<Object, Object> template;

	private final Map<String, Object> consumerConfig;

	private final AlertIndexProperties properties;

	private volatile boolean running;

	private final AtomicLong published = new AtomicLong();

	private final AtomicLong read = new AtomicLong();

	/** Marks this instance's records, so that it knows them when the topic brings them back. */
	private final String origin = UUID.randomUUID().toString();

	/**
	 * Per alert, this instance's changes already applied to its index whose records the topic has not brought back
	 * yet. While one is pending, an older record of that alert (this instance's or another's, read late) must not
	 * overwrite the newer state here.
	 */
	private final Map<UUID, Integer> unread = new ConcurrentHashMap<>();

	private KafkaConsumer<String, byte[]> consumer;

	private Thread follower;

	private ScheduledExecutorService reconciler;

	AlertDefinitions(AlertIndex index, Alerts alerts, KafkaTemplate<Object, Object> template,
			KafkaProperties kafka, AlertIndexProperties properties) {
		this.index = index;
		this.alerts = alerts;
		this.template = template;
		this.properties = properties;
		Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		config.put(ConsumerConfig.CLIENT_ID_CONFIG, "notifier-alert-definitions-" + UUID.randomUUID());
		this.consumerConfig = config;
	}

	/** After the commit (or at once outside a transaction): the alerts' state as the database now has it. */
	@TransactionalEventListener(fallbackExecution = true)
	void onAlertsChanged(AlertsChanged changed) {
		Map<UUID, SavedAlert> live = new HashMap<>();
		this.alerts.activeOf(changed.accountId()).forEach((alert) -> live.put(alert.id(), alert));
		Set<UUID> ids = new HashSet<>(changed.alertIds());
		if (ids.isEmpty()) {
			ids.addAll(this.alerts.idsOf(changed.accountId()));
			ids.addAll(live.keySet());
		}
		List<SavedAlert> puts = new ArrayList<>();
		for (UUID id : ids) {
			SavedAlert alert = live.get(id);
			if (alert != null) {
				puts.add(alert);
			}
			else {
				this.index.remove(id);
			}
		}
		this.index.putAll(puts);
		ids.forEach((id) -> publish(id, live.get(id), true));
	}

	/**
	 * Publishes every difference between the database's live alerts and this index: alerts missing or different
	 * here, and tombstones for alerts here that are no longer live. Returns how many were published.
	 */
	int reconcile() {
		Map<UUID, SavedAlert> indexed = new HashMap<>();
		for (UUID id : this.index.ids()) {
			this.index.find(id).ifPresent((alert) -> indexed.put(id, alert));
		}
		int published = 0;
		for (SavedAlert alert : this.alerts.active()) {
			if (!alert.equals(indexed.remove(alert.id()))) {
				publish(alert.id(), alert, false);
				published++;
			}
		}
		for (UUID gone : indexed.keySet()) {
			publish(gone, null, false);
			published++;
		}
		if (published > 0) {
			logger.info("Reconciling the alert index with the database published {} alert definitions", published);
		}
		return published;
	}

	/** @param appliedHere whether this instance's index already holds the change (else the topic brings it here too) */
	private void publish(UUID id, SavedAlert alert, boolean appliedHere) {
		ProducerRecord<Object, Object> record = new ProducerRecord<>(this.properties.topic(), id.toString(), alert);
		if (appliedHere) {
			record.headers().add(ORIGIN, this.origin.getBytes(StandardCharsets.UTF_8));
			this.unread.merge(id, 1, Integer::sum);
		}
		this.template.send(record).whenComplete((result, ex) -> {
			if (ex == null) {
				this.published.incrementAndGet();
			}
			else {
				if (appliedHere) {
					readBack(id);
				}
				logger.warn("Could not publish the definition of alert {} ({}); other instances will get it from the "
						+ "next reconcile with the database", id, ex.getMessage());
			}
		});
	}

	/** One of this instance's pending changes of the alert is accounted for; whether none is left. */
	private boolean readBack(UUID id) {
		return this.unread.computeIfPresent(id, (key, count) -> (count > 1) ? count - 1 : null) == null;
	}

	/**
	 * Whether a record read from the topic may change this index: not while a newer change of this instance to the
	 * same alert is still to come back; this instance's own latest change is applied again, which puts it back if
	 * an older record, read late, overwrote it in between.
	 */
	private boolean mayApply(ConsumerRecord<String, byte[]> record, UUID id) {
		Header header = record.headers().lastHeader(ORIGIN);
		if (header != null && this.origin.equals(new String(header.value(), StandardCharsets.UTF_8))) {
			return readBack(id);
		}
		return !this.unread.containsKey(id);
	}

	/** Alert definitions this instance published and Kafka acknowledged. */
	long recordsPublished() {
		return this.published.get();
	}

	/** Alert definitions this instance read from the topic, since it started. */
	long recordsRead() {
		return this.read.get();
	}

	/** Rebuilds the index from the topic's beginning to its current end, then follows it on a thread of its own. */
	@Override
	public void start() {
		long started = System.nanoTime();
		this.consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = partitions();
		this.consumer.assign(partitions);
		this.consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = this.consumer.endOffsets(partitions);
		long deadline = started + this.properties.rebuildTimeout().toNanos();
		long read = 0;
		while (!reached(end)) {
			if (System.nanoTime() > deadline) {
				this.consumer.close();
				throw new IllegalStateException("Reading the alert definitions topic took longer than "
						+ this.properties.rebuildTimeout() + " (tpm.notifier.alert-index.rebuild-timeout); read " + read);
			}
			read += apply(this.consumer.poll(Duration.ofMillis(500)));
		}
		logger.info("Rebuilt the alert index from {} alert definitions in {} ms: {} live alerts, {} of them without "
				+ "a term criterion", read, (System.nanoTime() - started) / 1_000_000, this.index.size(),
				this.index.unconditionalCount());
		this.running = true;
		this.follower = new Thread(this::follow, "alert-definitions");
		this.follower.setDaemon(true);
		this.follower.start();
		this.reconciler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "alert-reconcile");
			thread.setDaemon(true);
			return thread;
		});
		if (this.properties.reconcileOnStart()) {
			this.reconciler.execute(this::reconcileQuietly);
		}
		long every = this.properties.reconcileInterval().toMillis();
		if (every > 0) {
			this.reconciler.scheduleWithFixedDelay(this::reconcileQuietly, every, every, TimeUnit.MILLISECONDS);
		}
	}

	private void reconcileQuietly() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not reconcile the alert index with the database; trying again later: {}", ex.toString());
		}
	}

	private List<TopicPartition> partitions() {
		long deadline = System.nanoTime() + this.properties.rebuildTimeout().toNanos();
		while (true) {
			List<PartitionInfo> infos = this.consumer.partitionsFor(this.properties.topic(), Duration.ofSeconds(10));
			if (infos != null && !infos.isEmpty()) {
				return infos.stream().map((info) -> new TopicPartition(info.topic(), info.partition())).toList();
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("The topic " + this.properties.topic() + " does not exist");
			}
		}
	}

	private boolean reached(Map<TopicPartition, Long> end) {
		for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
			if (this.consumer.position(partition.getKey()) < partition.getValue()) {
				return false;
			}
		}
		return true;
	}

	private void follow() {
		try {
			while (this.running) {
				apply(this.consumer.poll(Duration.ofSeconds(1)));
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			logger.error("Stopped following the alert definitions topic; this instance's alert index no longer "
					+ "changes until it restarts", ex);
		}
		finally {
			this.consumer.close();
		}
	}

	/** Applies the last record of each alert in the batch, so the index ends where the topic does. */
	private int apply(ConsumerRecords<String, byte[]> records) {
		Map<UUID, Optional<SavedAlert>> latest = new LinkedHashMap<>();
		for (ConsumerRecord<String, byte[]> record : records) {
			UUID id;
			try {
				id = UUID.fromString(record.key());
			}
			catch (RuntimeException ex) {
				logger.error("Skipped the record at {}-{} offset {}: its key '{}' is not an alert id", record.topic(),
						record.partition(), record.offset(), record.key());
				continue;
			}
			if (!mayApply(record, id)) {
				continue;
			}
			if (record.value() == null) {
				latest.put(id, Optional.empty());
				continue;
			}
			try {
				latest.put(id, Optional.of(Json.mapper().readValue(record.value(), SavedAlert.class)));
			}
			catch (RuntimeException ex) {
				logger.error("Skipped the definition of alert {} at {}-{} offset {}: it is not a valid alert ({}); the "
						+ "next reconcile with the database publishes it again", id, record.topic(), record.partition(),
						record.offset(), ex.getMessage());
			}
		}
		List<SavedAlert> puts = new ArrayList<>();
		for (Map.Entry<UUID, Optional<SavedAlert>> entry : latest.entrySet()) {
			if (entry.getValue().isPresent()) {
				puts.add(entry.getValue().get());
				if (puts.size() == BATCH) {
					this.index.putAll(puts);
					puts.clear();
				}
			}
			else {
				this.index.remove(entry.getKey());
			}
		}
		this.index.putAll(puts);
		this.read.addAndGet(records.count());
		return records.count();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.reconciler != null) {
			this.reconciler.shutdownNow();
		}
		if (this.follower != null) {
			this.consumer.wakeup();
			try {
				this.follower.join(10_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the listener containers, so no posting is matched against an index still being rebuilt. */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
	}

}
