package dev.tpmalerts.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.delivery.DigestItems.Due;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every poll interval: queues the digests that are due (each account's digest hour in its own time zone) and sends
 * the queued emails that are due, retries included. Time comes from the injected clock.
 */
@Component
class DigestScheduler {

	private static final Logger logger = LoggerFactory.getLogger(DigestScheduler.class);

	private static final int BATCH = 500;

	private final DigestItems digestItems;

	private final DeliveryLedger ledger;

	private final ExpiredPostings expired;

	private final SendCaps caps;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final TransactionTemplate transaction;

	private final DeliveryProperties properties;

	private final DigestSchedule schedule;

	private final Clock clock;

	DigestScheduler(DigestItems digestItems, DeliveryLedger ledger, ExpiredPostings expired, SendCaps caps,
			Outbox outbox, OutboxSender sender, TransactionTemplate transaction, DeliveryProperties properties,
			Clock clock) {
		this.digestItems = digestItems;
		this.ledger = ledger;
		this.expired = expired;
		this.caps = caps;
		this.outbox = outbox;
		this.sender = sender;
		this.transaction = transaction;
		this.properties = properties;
		this.schedule = new DigestSchedule(properties.digestHour(), properties.weeklyDay());
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tpm.notifier.delivery.poll-interval:1m}",
			initialDelayString = "${tpm.notifier.delivery.poll-interval:1m}")
	void tick() {
		try {
			int digests = queueDueDigests();
			int tried = this.sender.sendDue();
			if (digests > 0 || tried > 0) {
				logger.info("Queued {} digest(s); tried {} queued email(s)", digests, tried);
			}
			this.caps.forgetBefore(LocalDate.now(this.clock).minusDays(3));
		}
		catch (RuntimeException ex) {
			logger.warn("The delivery scheduler could not finish this round; it tries again in {}: {}",
					this.properties.pollInterval(), ex.toString());
		}
	}

	/** Queues every digest that is due now; returns how many emails were queued. */
	int queueDueDigests() {
		int queued = 0;
		for (Frequency frequency : List.of(Frequency.DAILY, Frequency.WEEKLY)) {
			List<Due> due;
			do {
				Instant now = this.clock.instant();
				due = this.digestItems.due(frequency, now, BATCH);
				for (Due account : due) {
					UUID mail = this.transaction.execute((status) -> queue(account, frequency, now));
					if (mail != null) {
						queued++;
					}
				}
			}
			while (due.size() == BATCH);
		}
		return queued;
	}

	/**
	 * Claims one account's due digest and moves its waiting postings into one queued email: ranked, capped, without
	 * expired postings or postings the ledger already has. Null when another instance claimed it or nothing waits.
	 */
	private UUID queue(Due due, Frequency frequency, Instant now) {
		if (!this.digestItems.claim(due, frequency, this.schedule.next(now, due.zone(), frequency))) {
			return null;
		}
		List<DigestItem> waiting = this.digestItems.take(due.accountId(), frequency);
		LocalDate today = LocalDate.now(this.clock);
		Set<String> expiredIds = this.expired.among(waiting.stream().map(DigestItem::postingId).toList());
		List<DigestItem> live = waiting.stream()
			.filter((item) -> !expiredIds.contains(item.postingId()))
			.filter((item) -> item.validThrough() == null || !item.validThrough().isBefore(today))
			.filter((item) -> !this.ledger.has(due.accountId(), item.postingId()))
			.toList();
		if (live.isEmpty()) {
			return null;
		}
		DigestComposer.Ranked ranked = DigestComposer.rank(live, this.properties.digestSize());
		for (DigestItem item : ranked.shown()) {
			this.ledger.recordPending(due.accountId(), item.postingId(), item.alertId(), now);
		}
		return this.outbox.enqueue(due.accountId(), frequency, ranked.shown(), ranked.omitted(), now);
	}

}
