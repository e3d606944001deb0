package dev.tpmalerts.notifier.delivery;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.account.AccountStatus;
import dev.tpmalerts.notifier.account.Accounts;
import dev.tpmalerts.notifier.account.Accounts.Account;
import dev.tpmalerts.notifier.account.AuditTrail;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.CriteriaInWords;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.delivery.Outbox.PendingMail;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the emails of the outbox. An email leaves the outbox, and its postings become SENT in the ledger, only
 * after the SMTP server accepted it; a transient failure leaves it queued with a doubling back-off; a permanent one
 * (5xx for the recipient) suppresses the address. A crash between the server's acceptance and the commit sends that
 * one email again after the lease: at least once, never lost.
 */
@Component
class OutboxSender {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final Outbox outbox;

	private final DeliveryLedger ledger;

	private final DigestItems digestItems;

	private final ExpiredPostings expired;

	private final Accounts accounts;

	private final Alerts alerts;

	private final AuditTrail audit;

	private final LinkTokens tokens;

	private final Mailer mailer;

	private final InstantAlertComposer instantComposer;

	private final DigestComposer digestComposer;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final NotifierProperties notifier;

	private final DeliveryProperties properties;

	private final Clock clock;

	private final Counter sent;

	private final Counter failed;

	private final Counter suppressed;

	OutboxSender(Outbox outbox, DeliveryLedger ledger, DigestItems digestItems, ExpiredPostings expired,
			Accounts accounts, Alerts alerts, AuditTrail audit, LinkTokens tokens, Mailer mailer,
			InstantAlertComposer instantComposer, DigestComposer digestComposer, JdbcClient jdbc,
			TransactionTemplate transaction, NotifierProperties notifier, DeliveryProperties properties, Clock clock,
			MeterRegistry meters) {
		this.outbox = outbox;
		this.ledger = ledger;
		this.digestItems = digestItems;
		this.expired = expired;
		this.accounts = accounts;
		this.alerts = alerts;
		this.audit = audit;
		this.tokens = tokens;
		this.mailer = mailer;
		this.instantComposer = instantComposer;
		this.digestComposer = digestComposer;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.notifier = notifier;
		this.properties = properties;
		this.clock = clock;
		this.sent = Counter.builder("tpm.emails.sent").description("Alert and digest emails the SMTP server accepted")
			.register(meters);
		this.failed = Counter.builder("tpm.emails.failed")
			.description("Attempts to send an email that failed (retried later unless it was the last)")
			.register(meters);
		this.suppressed = Counter.builder("tpm.emails.suppressed")
			.description("Emails the SMTP server refused for good: their addresses are suppressed")
			.register(meters);
	}

	/** Sends every queued email that is due; returns how many were tried. */
	int sendDue() {
		List<UUID> due = this.outbox.due(this.clock.instant(), 200);
		for (UUID id : due) {
			send(id);
		}
		return due.size();
	}

	/** One attempt at one queued email, if it is due and no other instance has it. */
	DeliveryOutcome send(UUID mailId) {
		Optional<PendingMail> claimed = this.transaction
			.execute((status) -> this.outbox.claim(mailId, this.clock.instant(), this.properties.sendLease()));
		if (claimed == null || claimed.isEmpty()) {
			return new DeliveryOutcome.Skipped("not due, or another instance is sending it");
		}
		try {
			return attempt(claimed.get());
		}
		catch (RuntimeException ex) {
			// The database or a template failed: the lease runs out and the email is tried again.
			logger.warn("Could not send queued email {}; it will be tried again after the lease: {}", mailId,
					ex.getClass().getSimpleName());
			return new DeliveryOutcome.Failed(ex.getClass().getSimpleName(), true);
		}
	}

	private DeliveryOutcome attempt(PendingMail mail) {
		Optional<Account> account = this.accounts.findById(mail.accountId());
		if (account.isEmpty() || account.get().status() != AccountStatus.ACTIVE
				|| this.accounts.isSuppressed(account.get().email())) {
			drop(mail, mail.postingIds());
			return new DeliveryOutcome.Skipped("the account no longer receives mail");
		}
		LocalDate today = LocalDate.now(this.clock);
		Set<String> expiredIds = this.expired.among(mail.postingIds());
		List<DigestItem> live = mail.items()
			.stream()
			.filter((item) -> !expiredIds.contains(item.postingId()))
			.filter((item) -> item.validThrough() == null || !item.validThrough().isBefore(today))
			.toList();
		List<String> gone = mail.postingIds().stream().filter((id) -> live.stream().noneMatch((item) -> item.postingId().equals(id))).toList();
		if (live.isEmpty()) {
			drop(mail, gone);
			return new DeliveryOutcome.Skipped("every posting of the email expired");
		}
		String token = this.tokens.issue(mail.accountId(), TokenPurpose.UNSUBSCRIBE, this.notifier.linkTokenTtl());
		String unsubscribeUrl = this.notifier.baseUrl() + "/unsubscribe?token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
		String manageUrl = this.notifier.baseUrl() + "/manage?token=" + URLEncoder.encode(
				this.tokens.issue(mail.accountId(), TokenPurpose.MANAGE, this.notifier.manageTokenTtl()),
				StandardCharsets.UTF_8);
		ComposedMail composed = compose(mail, live, unsubscribeUrl, manageUrl);
		try {
			this.mailer.send(account.get().email(), composed);
		}
		catch (MailException ex) {
			return failed(mail, account.get(), ex);
		}
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.delete(mail.id());
			this.ledger.markSent(mail.accountId(), live.stream().map(DigestItem::postingId).toList(), now);
			this.ledger.forgetPending(mail.accountId(), gone);
		});
		this.sent.increment();
		logger.info("Sent {} email with {} posting(s) to account {}", article(mail.kind()), live.size(), mail.accountId());
		return new DeliveryOutcome.Sent(live.size());
	}

	private ComposedMail compose(PendingMail mail, List<DigestItem> live, String unsubscribeUrl, String manageUrl) {
		Map<UUID, Optional<AlertSettings>> alertsById = new LinkedHashMap<>();
		for (DigestItem item : live) {
			if (item.alertId() != null) {
				alertsById.computeIfAbsent(item.alertId(), (id) -> this.alerts.find(mail.accountId(), id));
			}
		}
		if (mail.kind() == Frequency.INSTANT) {
			DigestItem item = live.get(0);
			String reason = CriteriaInWords.reason(Frequency.INSTANT, Optional.ofNullable(item.alertId())
				.flatMap(alertsById::get)
				.map(AlertSettings::criteria)
				.orElse(null));
			return this.instantComposer.compose(item, reason, unsubscribeUrl, manageUrl);
		}
		Map<UUID, String> described = new LinkedHashMap<>();
		alertsById.forEach((id, settings) -> settings
			.ifPresent((found) -> described.put(id, CriteriaInWords.describe(found.criteria()))));
		LocalDate date = LocalDate.ofInstant(this.clock.instant(), this.digestItems.zoneOf(mail.accountId()));
		return this.digestComposer.compose(new DigestComposer.Digest(mail.kind(), date, live, mail.omitted(),
				described, unsubscribeUrl, manageUrl));
	}

	private DeliveryOutcome failed(PendingMail mail, Account account, MailException ex) {
		this.failed.increment();
		SmtpFailure failure = SmtpFailure.of(ex);
		if (failure instanceof SmtpFailure.Permanent permanent) {
			suppress(account, permanent);
			return new DeliveryOutcome.Suppressed(permanent.code());
		}
		if (mail.attempts() >= this.properties.maxAttempts()) {
			this.outbox.fail(mail.id(), failure.reason());
			logger.warn("Gave up on {} email to account {} after {} attempts: {}", article(mail.kind()), mail.accountId(),
					mail.attempts(), failure.reason());
			return new DeliveryOutcome.Failed(failure.reason(), false);
		}
		Instant retryAt = this.clock.instant().plus(this.properties.backOff(mail.attempts()));
		this.outbox.retryAt(mail.id(), retryAt, failure.reason());
		logger.warn("Could not send {} email to account {} (attempt {}): {}; trying again at {}", article(mail.kind()),
				mail.accountId(), mail.attempts(), failure.reason(), retryAt);
		return new DeliveryOutcome.Failed(failure.reason(), true);
	}

	/** The address bounces for good: never mail it again, and stop the account's alerts. */
	private void suppress(Account account, SmtpFailure.Permanent failure) {
		String hash = EmailAddresses.hash(account.email());
		Instant now = this.clock.instant();
		this.transaction.executeWithoutResult((status) -> {
			boolean known = this.jdbc.sql("select count(*) from suppression where email_hash = ?")
				.param(hash)
				.query(Integer.class)
				.single() > 0;
			if (!known) {
				this.jdbc.sql("insert into suppression (email_hash, reason, created_at) values (?, 'bounced', ?)")
					.params(hash, ItemRows.at(now))
					.update();
			}
			this.accounts.setStatus(account.id(), AccountStatus.SUPPRESSED);
			this.outbox.deleteAllOf(account.id());
			this.ledger.forgetAllPending(account.id());
			this.digestItems.deleteAllOf(account.id());
			this.audit.record(account.id(), "suppressed",
					"the SMTP server refused the address for good (" + failure.reason() + "); address suppressed as bounced");
		});
		this.alerts.accountChanged(account.id());
		this.suppressed.increment();
		logger.warn("The SMTP server refused the address of account {} for good ({}): the address is suppressed and the "
				+ "account receives no more mail", account.id(), failure.reason());
	}

	private void drop(PendingMail mail, List<String> postingIds) {
		this.transaction.executeWithoutResult((status) -> {
			this.outbox.delete(mail.id());
			this.ledger.forgetPending(mail.accountId(), postingIds);
		});
	}

	private static String article(Frequency kind) {
		return switch (kind) {
			case INSTANT -> "an instant";
			case DAILY -> "a daily digest";
			case WEEKLY -> "a weekly digest";
		};
	}

}
