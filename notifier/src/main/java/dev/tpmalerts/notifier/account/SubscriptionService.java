package dev.tpmalerts.notifier.account;

import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.account.Accounts.Account;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.delivery.Mailer;
import dev.tpmalerts.notifier.token.LinkTokens;
import dev.tpmalerts.notifier.token.TokenPurpose;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Subscribing, confirming and unsubscribing. Whatever the address's history, subscribing answers the same, so
 * the answer never tells whether an address is known; what differs is only the email its owner receives:
 * <ul>
 * <li>new, PENDING or UNSUBSCRIBED: a new consent record, the alert (unless the account has the same one
 * already) and a confirmation email, which also carries a manage link;</li>
 * <li>ACTIVE: an "already subscribed" email with a manage link, and nothing changes;</li>
 * <li>suppressed (erased, bounced): nothing at all.</li>
 * </ul>
 */
@Service
public class SubscriptionService {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionService.class);

	private final Accounts accounts;

	private final Alerts alerts;

	private final LinkTokens tokens;

	private final AuditTrail audit;

	private final Mailer mailer;

	private final NotifierProperties properties;

	private final TransactionTemplate transaction;

	public SubscriptionService(Accounts accounts, Alerts alerts, LinkTokens tokens, AuditTrail audit, Mailer mailer,
			NotifierProperties properties, TransactionTemplate transaction) {
		this.accounts = accounts;
		this.alerts = alerts;
		this.tokens = tokens;
		this.audit = audit;
		this.mailer = mailer;
		this.properties = properties;
		this.transaction = transaction;
	}

	/** What opening a confirmation link did. */
	public sealed interface Confirmation {

		/** The account is active; the token opens its manage page. */
		record Confirmed(String manageToken) implements Confirmation {

		}

		/** Unknown, used or expired link, or an account that may no longer be confirmed. */
		record NotValid() implements Confirmation {

		}

	}

	/**
	 * @param method how consent was given ("api", "web-form")
	 * @param source where it was given (the endpoint or page)
	 */
	public void subscribe(SubscribeRequest request, String method, String source) {
		String email = EmailAddresses.normalize(request.email());
		if (this.accounts.isSuppressed(email)) {
			logger.info("A subscription for a suppressed address ({}) was ignored", EmailAddresses.mask(email));
			return;
		}
		Optional<Account> existing = this.accounts.findByEmail(email);
		if (existing.isPresent() && existing.get().status() == AccountStatus.ACTIVE) {
			UUID accountId = existing.get().id();
			String manage = this.transaction.execute((status) -> {
				this.audit.record(accountId, "subscribe-repeated", "account already active; nothing changed");
				return this.tokens.issue(accountId, TokenPurpose.MANAGE, this.properties.manageTokenTtl());
			});
			this.mailer.sendAlreadySubscribed(email, manage);
			return;
		}
		if (existing.isPresent() && existing.get().status() == AccountStatus.SUPPRESSED) {
			// Suppressed without a suppression row can only be a half-finished suppression: stay silent all the same.
			return;
		}
		AlertCriteria criteria = (request.criteria() != null) ? request.criteria() : AlertCriteria.any();
		Frequency frequency = (request.frequency() != null) ? request.frequency() : Frequency.INSTANT;
		String[] links = this.transaction.execute((status) -> {
			UUID accountId = existing.map(Account::id).orElseGet(() -> this.accounts.create(email));
			this.accounts.setStatus(accountId, AccountStatus.PENDING);
			if (request.timeZone() != null) {
				this.accounts.setTimeZone(accountId, request.timeZone());
			}
			this.accounts.recordConsent(accountId, this.properties.privacyPolicyVersion(),
					this.properties.termsVersion(), method, source);
			boolean known = this.alerts.ofAccount(accountId)
				.stream()
				.anyMatch((alert) -> alert.criteria().equals(criteria) && alert.frequency() == frequency);
			if (!known) {
				this.alerts.save(accountId, criteria, frequency);
			}
			this.audit.record(accountId, existing.isPresent() ? "resubscribed" : "subscribed",
					"consent recorded; privacy " + this.properties.privacyPolicyVersion() + ", terms "
							+ this.properties.termsVersion() + ", via " + method
							+ (known ? "; alert already present" : "; alert added"));
			return new String[] { this.tokens.issue(accountId, TokenPurpose.CONFIRM, this.properties.confirmTokenTtl()),
					this.tokens.issue(accountId, TokenPurpose.MANAGE, this.properties.manageTokenTtl()) };
		});
		existing.ifPresent((account) -> this.alerts.accountChanged(account.id()));
		this.mailer.sendConfirmation(email, links[0], links[1]);
		logger.info("Sent a confirmation link to {}", EmailAddresses.mask(email));
	}

	/** Double opt-in: the account becomes active when the token is valid and the account still pending. */
	public Confirmation confirm(String token) {
		Optional<UUID> confirmed = this.transaction.execute((status) -> {
			Optional<UUID> accountId = this.tokens.redeem(token, TokenPurpose.CONFIRM, true)
				.filter((id) -> this.accounts.findById(id)
					.map((account) -> account.status() == AccountStatus.PENDING)
					.orElse(false));
			accountId.ifPresent((id) -> {
				this.accounts.setStatus(id, AccountStatus.ACTIVE);
				this.audit.record(id, "confirmed", "double opt-in completed");
			});
			return accountId;
		});
		if (confirmed.isEmpty()) {
			return new Confirmation.NotValid();
		}
		this.alerts.accountChanged(confirmed.get());
		return new Confirmation.Confirmed(
				this.tokens.issue(confirmed.get(), TokenPurpose.MANAGE, this.properties.manageTokenTtl()));
	}

	/** One-click unsubscribe: stops all mail at once and withdraws consent. Repeating it is harmless. */
	public boolean unsubscribe(String token) {
		Optional<UUID> unsubscribed = this.transaction.execute((status) -> {
			Optional<UUID> accountId = this.tokens.redeem(token, TokenPurpose.UNSUBSCRIBE, false);
			accountId.ifPresent((id) -> withdraw(id, "one-click"));
			return accountId;
		});
		unsubscribed.ifPresent(this.alerts::accountChanged);
		return unsubscribed.isPresent();
	}

	/**
	 * Withdraws consent: no mail of any kind from now on, outstanding confirmation links stop working. The caller
	 * runs this in a transaction and calls {@link Alerts#accountChanged} after it.
	 */
	void withdraw(UUID accountId, String via) {
		Optional<Account> account = this.accounts.findById(accountId);
		if (account.isEmpty()) {
			return;
		}
		if (account.get().status() != AccountStatus.SUPPRESSED) {
			this.accounts.setStatus(accountId, AccountStatus.UNSUBSCRIBED);
		}
		int withdrawn = this.accounts.withdrawConsent(accountId, via);
		this.tokens.revoke(accountId, TokenPurpose.CONFIRM);
		this.audit.record(accountId, "consent-withdrawn",
				"via " + via + "; " + withdrawn + " consent(s) withdrawn; status " + (account.get().status() == AccountStatus.SUPPRESSED
						? AccountStatus.SUPPRESSED : AccountStatus.UNSUBSCRIBED));
	}

}
