package dev.tpmalerts.notifier;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the notifier talks to people.
 *
 * @param baseUrl the public URL of this application, used in the links of every email
 * @param mailFrom the From address of every email
 * @param privacyPolicyVersion the Privacy Policy version a new consent refers to
 * @param termsVersion the Terms of Service version a new consent refers to
 * @param confirmTokenTtl how long a confirmation link works
 * @param linkTokenTtl how long the unsubscribe and manage links of an alert email work
 * @param manageTokenTtl how long a manage link works that was asked for or sent on confirmation
 * @param maxAlertsPerAccount how many alerts one account may keep
 * @param rateLimit how often one client and one address may ask for mail to be sent
 * @param insight what the recruiters' demand insight may show
 */
@ConfigurationProperties("tpm.notifier")
public record NotifierProperties(@DefaultValue("http://localhost:8083") String baseUrl,
		@DefaultValue("TPM Alerts <alerts@tpm-alerts.local>") String mailFrom,
		@DefaultValue("2026-11") String privacyPolicyVersion, @DefaultValue("2026-11") String termsVersion,
		@DefaultValue("48h") Duration confirmTokenTtl, @DefaultValue("60d") Duration linkTokenTtl,
		@DefaultValue("30d") Duration manageTokenTtl, @DefaultValue("20") int maxAlertsPerAccount,
		@DefaultValue RateLimits rateLimit, @DefaultValue Insight insight) {

	public NotifierProperties {
		if (insight.minCount() < 1) {
			throw new IllegalArgumentException("tpm.notifier.insight.min-count must be at least 1, was " + insight.minCount());
		}
	}

	/**
	 * @param minCount the fewest alerts a value must be asked by for its count to be shown; fewer show as
	 * "&lt;minCount", so that no count singles out a handful of subscribers
	 */
	public record Insight(@DefaultValue("5") int minCount) {

	}

	/**
	 * The limits of {@code POST /api/subscriptions} and {@code POST /api/manage-link}, each a token bucket: up to
	 * a capacity of requests at once, then one more every refill period. The per-address bucket is what stops
	 * anyone from flooding a stranger's mailbox with confirmation emails; the per-client one keeps a single client
	 * from trying addresses in bulk.
	 *
	 * @param clientCapacity requests one client IP may make at once
	 * @param clientRefillEvery the time in which one client request is given back
	 * @param addressCapacity requests that may name one email address (counted by its hash) at once
	 * @param addressRefillEvery the time in which one request for an address is given back
	 * @param maxTrackedKeys how many clients and addresses are remembered at once; past that, buckets that have
	 * refilled are forgotten
	 */
	public record RateLimits(@DefaultValue("20") int clientCapacity, @DefaultValue("1m") Duration clientRefillEvery,
			@DefaultValue("3") int addressCapacity, @DefaultValue("20m") Duration addressRefillEvery,
			@DefaultValue("100000") int maxTrackedKeys) {

	}

}
