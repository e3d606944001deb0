package dev.tpmalerts.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.alert.AlertMatcher;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns each matched posting into mail. An account with a matching instant alert gets the posting queued as an
 * email of its own (and sent at once), unless it already had its instant emails of the day: then the posting waits
 * for its next daily digest. An account with only digest alerts gets it added to its next digest. The ledger, unique
 * on (account, posting), keeps a redelivered record or a posting update from being mailed twice; tombstones and
 * postings past their valid-through date are remembered so that no email carries them.
 *
 * <p>
 * Everything a record decides is committed in one transaction before anything is sent, so a record that fails is
 * redelivered and decided again, and an email that is queued is not lost if the SMTP server is away.
 */
@Component
class AlertDelivery {

	private static final Logger logger = LoggerFactory.getLogger(AlertDelivery.class);

	private final AlertMatcher alerts;

	private final Accounts accounts;

	private final DeliveryLedger ledger;

	private final DigestItems digestItems;

	private final ExpiredPostings expired;

	private final SendCaps caps;

	private final Outbox outbox;

	private final OutboxSender sender;

	private final TransactionTemplate transaction;

	private final DeliveryProperties properties;

	private final DigestSchedule schedule;

	private final Clock clock;

	private final Counter duplicates;

	private final Counter capped;

	private final MeterRegistry meters;

	AlertDelivery(AlertMatcher alerts, Accounts accounts, DeliveryLedger ledger, DigestItems digestItems, ExpiredPostings expired,
			SendCaps caps, Outbox outbox, OutboxSender sender, TransactionTemplate transaction,
			DeliveryProperties properties, Clock clock, MeterRegistry meters) {
		this.alerts = alerts;
		this.accounts = accounts;
		this.ledger = ledger;
		this.digestItems = digestItems;
		this.expired = expired;
		this.caps = caps;
		this.outbox = outbox;
		this.sender = sender;
		this.transaction = transaction;
		this.properties = properties;
		this.schedule = new DigestSchedule(properties.digestHour(), properties.weeklyDay());
		this.clock = clock;
		this.meters = meters;
		this.duplicates = Counter.builder("tpm.alerts.duplicates")
			.description("Alerts not sent again because the ledger already had them")
			.register(meters);
		this.capped = Counter.builder("tpm.alerts.capped")
			.description("Instant alerts moved to the next daily digest because the account reached its daily cap")
			.register(meters);
	}

	// idIsGroup = false: the consumer group is spring.kafka.consumer.group-id ("notifier"), so it can be configured.
	@KafkaListener(id = "notifier", idIsGroup = false, topics = Topics.POSTINGS_MATCHED)
	void onPostingMatched(PostingMatched matched) {
		if (matched == null || matched.postingId() == null) {
			throw new IllegalArgumentException("unreadable PostingMatched record");
		}
		if (!matched.expired() && matched.posting() == null) {
			throw new IllegalArgumentException("PostingMatched for " + matched.postingId() + " carries no posting");
		}
		Instant at = (matched.matchedAt() != null) ? matched.matchedAt() : this.clock.instant();
		LocalDate today = LocalDate.now(this.clock);
		if (matched.expired() || (matched.posting().validThrough() != null && matched.posting().validThrough().isBefore(today))) {
			int dropped = this.transaction.execute((status) -> {
				this.expired.record(matched.postingId(), at);
				return this.digestItems.deletePosting(matched.postingId());
			});
			logger.info("Posting {} expired; it is taken out of {} pending digest(s) and will not be mailed",
					matched.postingId(), dropped);
			return;
		}
		List<UUID> queued = this.transaction.execute((status) -> plan(matched, at));
		for (UUID mailId : queued) {
			this.sender.send(mailId);
		}
	}

	private Counter matchedAlerts(Frequency frequency) {
		return Counter.builder("tpm.alerts.matched")
			.description("Saved alerts of active accounts that a matched posting met, by alert frequency")
			.tag("frequency", frequency.name().toLowerCase(Locale.ROOT))
			.register(this.meters);
	}

	/** Decides, for every account with a matching alert, whether the posting is mailed now, later or not at all. */
	private List<UUID> plan(PostingMatched matched, Instant at) {
		Optional<Instant> expiredAt = this.expired.since(matched.postingId());
		if (expiredAt.isPresent()) {
			if (!at.isAfter(expiredAt.get())) {
				return List.of(); // an older event than the tombstone: a redelivery
			}
			this.expired.clear(matched.postingId()); // listed again
		}
		Map<UUID, SavedAlert> instant = new LinkedHashMap<>();
		Map<UUID, SavedAlert> digest = new LinkedHashMap<>();
		List<SavedAlert> matching = this.alerts.matching(matched);
		Set<UUID> active = this.accounts.activeAmong(matching.stream().map(SavedAlert::accountId).distinct().toList());
		for (SavedAlert alert : matching) {
			if (!active.contains(alert.accountId())) {
				continue; // erased, unsubscribed or suppressed since the alert index last heard of it
			}
			matchedAlerts(alert.frequency()).increment();
			if (alert.frequency() == Frequency.INSTANT) {
				instant.putIfAbsent(alert.accountId(), alert);
			}
			else {
				// A daily alert wins over a weekly one: the posting goes out in the earlier digest.
				digest.merge(alert.accountId(), alert,
						(first, second) -> (first.frequency() == Frequency.DAILY) ? first : second);
			}
		}
		Instant now = this.clock.instant();
		List<UUID> queued = new ArrayList<>();
		for (SavedAlert alert : instant.values()) {
			UUID account = alert.accountId();
			DigestItem item = DigestItem.of(matched, alert.id(), this.properties.excerptLength());
			if (this.ledger.has(account, matched.postingId())) {
				this.duplicates.increment();
				continue;
			}
			if (this.digestItems.has(account, matched.postingId())) {
				// Already waiting for a digest (it came over the cap): update it there, do not mail it twice.
				this.digestItems.upsert(account, item, Frequency.DAILY);
				continue;
			}
			ZoneId zone = this.digestItems.zoneOf(account);
			if (this.caps.tryTake(account, LocalDate.ofInstant(now, zone), this.properties.instantDailyCap())) {
				this.ledger.recordPending(account, matched.postingId(), alert.id(), now);
				queued.add(this.outbox.enqueue(account, Frequency.INSTANT, List.of(item), 0, now));
			}
			else {
				this.capped.increment();
				this.digestItems.upsert(account, item, Frequency.DAILY);
				this.digestItems.ensureScheduled(account, Frequency.DAILY, this.schedule.next(now, zone, Frequency.DAILY));
			}
		}
		for (SavedAlert alert : digest.values()) {
			UUID account = alert.accountId();
			if (instant.containsKey(account)) {
				continue;
			}
			if (this.ledger.has(account, matched.postingId())) {
				this.duplicates.increment();
				continue;
			}
			ZoneId zone = this.digestItems.zoneOf(account);
			this.digestItems.upsert(account, DigestItem.of(matched, alert.id(), this.properties.excerptLength()),
					alert.frequency());
			this.digestItems.ensureScheduled(account, alert.frequency(), this.schedule.next(now, zone, alert.frequency()));
		}
		return queued;
	}

}
