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
 * the answer never tells whether an address is known; what differs is only the email its owner receives.
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
			this.audit.record(existing.get().id(), "subscribe-repeated", "account already active");
			this.mailer.sendAlreadySubscribed(email);
			return;
		}
		AlertCriteria criteria = (request.criteria() != null) ? request.criteria() : AlertCriteria.any();
		Frequency frequency = (request.frequency() != null) ? request.frequency() : Frequency.INSTANT;
		String token = this.transaction.execute((status) -> {
			UUID accountId = existing.map(Account::id).orElseGet(() -> this.accounts.create(email));
			this.accounts.setStatus(accountId, AccountStatus.PENDING);
			this.accounts.recordConsent(accountId, this.properties.privacyPolicyVersion(),
					this.properties.termsVersion(), method, source);
			this.alerts.save(accountId, criteria, frequency);
			this.audit.record(accountId, "subscribed", "consent recorded; privacy " + this.properties.privacyPolicyVersion()
					+ ", terms " + this.properties.termsVersion() + ", via " + method);
			return this.tokens.issue(accountId, TokenPurpose.CONFIRM, this.properties.confirmTokenTtl());
		});
		this.mailer.sendConfirmation(email, token);
		logger.info("Sent a confirmation link to {}", EmailAddresses.mask(email));
	}

	/** Double opt-in: true when the token was valid and the account is now active. */
	public boolean confirm(String token) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> {
			Optional<UUID> accountId = this.tokens.redeem(token, TokenPurpose.CONFIRM, true);
			accountId.ifPresent((id) -> {
				this.accounts.setStatus(id, AccountStatus.ACTIVE);
				this.audit.record(id, "confirmed", "double opt-in completed");
			});
			return accountId.isPresent();
		}));
	}

	/** One-click unsubscribe: stops all mail at once and withdraws consent. Repeating it is harmless. */
	public boolean unsubscribe(String token) {
		return Boolean.TRUE.equals(this.transaction.execute((status) -> {
			Optional<UUID> accountId = this.tokens.redeem(token, TokenPurpose.UNSUBSCRIBE, false);
			accountId.ifPresent((id) -> {
				this.accounts.setStatus(id, AccountStatus.UNSUBSCRIBED);
				this.accounts.withdrawConsent(id);
				this.audit.record(id, "unsubscribed", "one-click unsubscribe; consent withdrawn");
			});
			return accountId.isPresent();
		}));
	}

}
