package dev.tpmalerts.notifier.account;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.account.Accounts.Account;
import dev.tpmalerts.notifier.account.Accounts.AccountDetails;
import dev.tpmalerts.notifier.account.Accounts.ConsentRecord;
import dev.tpmalerts.notifier.account.AuditTrail.AuditEvent;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.delivery.Mailer;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the owner of an account does with a manage link: see it, add, edit, pause, resume and delete alerts, change
 * frequency and time zone, withdraw consent, export everything, erase everything. The caller has already turned the
 * link's token into the account id; every method touches that account only. Each change is audited with ids and
 * field names, never values.
 */
@Service
public class AccountManagement {

	private static final Logger logger = LoggerFactory.getLogger(AccountManagement.class);

	private final Accounts accounts;

	private final Alerts alerts;

	private final AuditTrail audit;

	private final SubscriptionService subscriptions;

	private final LinkTokens tokens;

	private final Mailer mailer;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final NotifierProperties properties;

	private final Clock clock;

	public AccountManagement(Accounts accounts, Alerts alerts, AuditTrail audit, SubscriptionService subscriptions,
			LinkTokens tokens, Mailer mailer, JdbcClient jdbc, TransactionTemplate transaction,
			NotifierProperties properties, Clock clock) {
		this.accounts = accounts;
		this.alerts = alerts;
		this.audit = audit;
		this.subscriptions = subscriptions;
		this.tokens = tokens;
		this.mailer = mailer;
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** What a change did. */
	public sealed interface Change {

		/** Done. */
		record Done() implements Change {

		}

		/** A new alert was saved under this id. */
		record Added(UUID alertId) implements Change {

		}

		/** The account has no such alert. */
		record NotFound() implements Change {

		}

		/** Nothing changed: each problem names its field. */
		record Rejected(List<String> problems) implements Change {

		}

	}

	/** The account as its owner sees it on the manage page. */
	public record Overview(AccountDetails account, List<ConsentRecord> consents, List<AlertSettings> alerts) {

	}

	/** One email of the delivery ledger. */
	public record DeliveryRecord(String postingId, UUID alertId, Instant sentAt) {

	}

	/** Everything kept about one person (GDPR Art. 15 and 20), as one JSON document. */
	public record AccountExport(Instant exportedAt, AccountDetails account, List<ConsentRecord> consents,
			List<AlertSettings> alerts, List<DeliveryRecord> deliveries, List<AuditEvent> auditTrail) {

	}

	public Optional<Overview> overview(UUID accountId) {
		return this.accounts.details(accountId)
			.map((details) -> new Overview(details, this.accounts.consents(accountId), this.alerts.ofAccount(accountId)));
	}

	public Optional<AlertSettings> alert(UUID accountId, UUID alertId) {
		return this.alerts.find(accountId, alertId);
	}

	public Change addAlert(UUID accountId, AlertRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return new Change.Rejected(problems);
		}
		return this.transaction.execute((status) -> {
			int count = this.alerts.ofAccount(accountId).size();
			if (count >= this.properties.maxAlertsPerAccount()) {
				return new Change.Rejected(List.of("alerts: this account has " + count + " alerts, the most it may keep; "
						+ "edit or delete one instead"));
			}
			UUID alertId = this.alerts.save(accountId, request.criteria(), request.frequency());
			this.audit.record(accountId, "alert-added", "alert " + alertId + "; frequency " + request.frequency());
			return new Change.Added(alertId);
		});
	}

	public Change editAlert(UUID accountId, UUID alertId, AlertRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return new Change.Rejected(problems);
		}
		return this.transaction.execute((status) -> {
			Optional<AlertSettings> before = this.alerts.find(accountId, alertId);
			if (before.isEmpty() || !this.alerts.update(accountId, alertId, request.criteria(), request.frequency())) {
				return new Change.NotFound();
			}
			List<String> changed = changedFields(before.get(), request);
			this.audit.record(accountId, "alert-edited",
					"alert " + alertId + "; changed: " + (changed.isEmpty() ? "nothing" : String.join(", ", changed)));
			return new Change.Done();
		});
	}

	public Change setPaused(UUID accountId, UUID alertId, boolean paused) {
		return this.transaction.execute((status) -> {
			if (!this.alerts.setPaused(accountId, alertId, paused)) {
				return new Change.NotFound();
			}
			this.audit.record(accountId, paused ? "alert-paused" : "alert-resumed", "alert " + alertId);
			return new Change.Done();
		});
	}

	public Change deleteAlert(UUID accountId, UUID alertId) {
		return this.transaction.execute((status) -> {
			if (!this.alerts.delete(accountId, alertId)) {
				return new Change.NotFound();
			}
			this.audit.record(accountId, "alert-deleted", "alert " + alertId);
			return new Change.Done();
		});
	}

	public Change changeSettings(UUID accountId, SettingsRequest request) {
		List<String> problems = request.problems();
		if (!problems.isEmpty()) {
			return new Change.Rejected(problems);
		}
		return this.transaction.execute((status) -> {
			List<String> changed = new ArrayList<>();
			if (request.frequency() != null) {
				int updated = this.alerts.setFrequency(accountId, request.frequency());
				changed.add("frequency " + request.frequency() + " on " + updated + " alert(s)");
			}
			if (request.timeZone() != null) {
				this.accounts.setTimeZone(accountId, request.timeZone());
				// A time zone is not an address, but "Pacific/Pitcairn" narrows a person down: only the field is named.
				changed.add("timeZone");
			}
			this.audit.record(accountId, "settings-changed", String.join("; ", changed));
			return new Change.Done();
		});
	}

	/** Stops all mail at once; the manage link keeps working, so the data can still be exported or erased. */
	public void withdrawConsent(UUID accountId, String via) {
		this.transaction.executeWithoutResult((status) -> this.subscriptions.withdraw(accountId, via));
		this.alerts.accountChanged(accountId);
	}

	/** Everything about the account; the export is itself audited, and that event is part of it. */
	public Optional<AccountExport> export(UUID accountId) {
		return this.transaction.execute((status) -> {
			Optional<AccountDetails> details = this.accounts.details(accountId);
			if (details.isEmpty()) {
				return Optional.empty();
			}
			this.audit.record(accountId, "exported", "all personal data exported as JSON");
			List<DeliveryRecord> deliveries = this.jdbc
				.sql("select posting_id, alert_id, sent_at from delivery where account_id = ? order by sent_at, posting_id")
				.param(accountId)
				.query((rs, row) -> new DeliveryRecord(rs.getString(1), rs.getObject(2, UUID.class),
						rs.getTimestamp(3).toInstant()))
				.list();
			return Optional.of(new AccountExport(this.clock.instant(), details.get(), this.accounts.consents(accountId),
					this.alerts.ofAccount(accountId), deliveries, this.audit.eventsOf(accountId)));
		});
	}

	/**
	 * Erasure (GDPR Art. 17): the account row and everything hanging from it (consents, alerts, tokens, delivery
	 * ledger) are deleted; what remains is the address's hash on the suppression list, so it is never mailed again,
	 * and the audit trail, whose rows name only the account's random id.
	 * @return false when there was no such account (already erased)
	 */
	public boolean erase(UUID accountId, String via) {
		boolean erased = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			Optional<Account> account = this.accounts.findById(accountId);
			if (account.isEmpty()) {
				return false;
			}
			this.accounts.suppress(account.get().email(), "erased");
			int alertCount = this.alerts.deleteAllOf(accountId);
			this.accounts.delete(accountId);
			this.audit.record(accountId, "erased", "via " + via + "; account, consents, " + alertCount
					+ " alert(s), links and delivery ledger deleted; address kept only as a hash on the suppression list");
			return true;
		}));
		if (erased) {
			this.alerts.accountChanged(accountId);
			logger.info("Erased account {} at its owner's request", accountId);
		}
		return erased;
	}

	/**
	 * Mails a manage link to the address if it has an account that may be mailed; says nothing either way, so the
	 * caller's answer never tells whether the address is known.
	 */
	public void sendManageLink(String email) {
		String normalized = EmailAddresses.normalize(email);
		if (this.accounts.isSuppressed(normalized)) {
			return;
		}
		Optional<Account> account = this.accounts.findByEmail(normalized)
			.filter((found) -> found.status() != AccountStatus.SUPPRESSED);
		if (account.isEmpty()) {
			return;
		}
		UUID accountId = account.get().id();
		String token = this.transaction.execute((status) -> {
			this.audit.record(accountId, "manage-link-sent", "manage link asked for and mailed");
			return this.tokens.issue(accountId, TokenPurpose.MANAGE, this.properties.manageTokenTtl());
		});
		this.mailer.sendManageLink(account.get().email(), token);
	}

	/**
	 * Never mails the address again (a hard bounce, a complaint): its hash goes on the suppression list and its
	 * account, if any, stops receiving alerts. The account is kept, so its owner can still export or erase it.
	 */
	public void suppress(String email, String reason) {
		Optional<UUID> accountId = this.transaction.execute((status) -> {
			boolean added = this.accounts.suppress(email, reason);
			Optional<Account> account = this.accounts.findByEmail(email);
			account.ifPresent((found) -> {
				this.accounts.setStatus(found.id(), AccountStatus.SUPPRESSED);
				this.audit.record(found.id(), "suppressed",
						"reason " + reason + (added ? "" : "; address was already suppressed"));
			});
			return account.map(Account::id);
		});
		accountId.ifPresent(this.alerts::accountChanged);
	}

	/** The names of what changed (criteria fields and frequency), never their values. */
	static List<String> changedFields(AlertSettings before, AlertRequest after) {
		List<String> changed = new ArrayList<>();
		for (RecordComponent component : AlertCriteria.class.getRecordComponents()) {
			try {
				Object old = component.getAccessor().invoke(before.criteria());
				Object now = component.getAccessor().invoke(after.criteria());
				if (!Objects.equals(old, now)) {
					changed.add("criteria." + component.getName());
				}
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("Cannot read AlertCriteria." + component.getName(), ex);
			}
		}
		if (before.frequency() != after.frequency()) {
			changed.add("frequency");
		}
		return changed;
	}

}
