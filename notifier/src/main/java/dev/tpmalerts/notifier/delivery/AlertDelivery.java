package dev.tpmalerts.notifier.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.account.Accounts.Account;
import dev.tpmalerts.notifier.alert.AlertMatcher;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Topics;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends instant alerts. For each matched posting, every active account with a matching instant alert gets one
 * email. The ledger row and the sending share a transaction: a failed send leaves no row, so the redelivered
 * record tries again, and a sent one can never be sent twice (the ledger is unique on account and posting).
 */
@Component
class AlertDelivery {

	private static final Logger logger = LoggerFactory.getLogger(AlertDelivery.class);

	private final AlertMatcher alerts;

	private final Accounts accounts;

	private final LinkTokens tokens;

	private final Mailer mailer;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final NotifierProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter duplicates;

	AlertDelivery(AlertMatcher alerts, Accounts accounts, LinkTokens tokens, Mailer mailer, JdbcClient jdbc,
			TransactionTemplate transaction, NotifierProperties properties, Clock clock, MeterRegistry meters) {
		this.alerts = alerts;
		this.accounts = accounts;
		this.tokens = tokens;
		this.mailer = mailer;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("tpm.alerts.sent").description("Alert emails sent").register(meters);
		this.duplicates = Counter.builder("tpm.alerts.duplicates")
			.description("Alerts not sent again because the ledger already had them")
			.register(meters);
	}

	@KafkaListener(id = "notifier", topics = Topics.POSTINGS_MATCHED)
	void onPostingMatched(PostingMatched matched) {
		if (matched == null) {
			throw new IllegalArgumentException("unreadable PostingMatched record");
		}
		if (matched.expired()) {
			return;
		}
		Map<UUID, SavedAlert> firstMatchPerAccount = new LinkedHashMap<>();
		for (SavedAlert alert : this.alerts.matching(matched)) {
			if (alert.frequency() == Frequency.INSTANT) {
				firstMatchPerAccount.putIfAbsent(alert.accountId(), alert);
			}
		}
		for (SavedAlert alert : firstMatchPerAccount.values()) {
			DeliveryOutcome outcome = deliver(alert, matched);
			if (outcome instanceof DeliveryOutcome.AlreadySent) {
				this.duplicates.increment();
			}
		}
	}

	private DeliveryOutcome deliver(SavedAlert alert, PostingMatched matched) {
		return this.transaction.execute((status) -> {
			try {
				this.jdbc.sql("insert into delivery (account_id, posting_id, alert_id, sent_at) values (?, ?, ?, ?)")
					.params(alert.accountId(), matched.postingId(), alert.id(), Timestamp.from(this.clock.instant()))
					.update();
			}
			catch (DuplicateKeyException ex) {
				return new DeliveryOutcome.AlreadySent();
			}
			Account account = this.accounts.findById(alert.accountId())
				.filter((found) -> found.status() == AccountStatus.ACTIVE)
				.orElse(null);
			if (account == null) {
				status.setRollbackOnly();
				return new DeliveryOutcome.Skipped("account is no longer active");
			}
			String unsubscribe = this.tokens.issue(account.id(), TokenPurpose.UNSUBSCRIBE, this.properties.linkTokenTtl());
			this.mailer.sendAlert(account.email(), matched.posting(), matched.score(), reason(alert), unsubscribe);
			this.sent.increment();
			logger.info("Sent an alert for posting {} to account {}", matched.postingId(), account.id());
			return new DeliveryOutcome.Sent();
		});
	}

	private static String reason(SavedAlert alert) {
		List<String> parts = new ArrayList<>();
		if (!alert.criteria().roles().isEmpty()) {
			parts.add("roles " + String.join(", ", alert.criteria().roles()));
		}
		if (!alert.criteria().keywords().isEmpty()) {
			parts.add("keywords \"" + String.join("\", \"", alert.criteria().keywords()) + "\"");
		}
		if (alert.criteria().minScore() != null) {
			parts.add("a score of at least " + alert.criteria().minScore());
		}
		return "you subscribed to instant TPM job alerts" + (parts.isEmpty() ? "" : " for " + String.join(", ", parts));
	}

}
