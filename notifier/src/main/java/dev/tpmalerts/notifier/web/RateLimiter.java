package dev.tpmalerts.notifier.web;

import java.time.Clock;
import java.time.Duration;

import dev.tpmalerts.notifier.NotifierProperties;
import dev.tpmalerts.notifier.NotifierProperties.RateLimits;
import dev.tpmalerts.notifier.account.EmailAddresses;
import dev.tpmalerts.notifier.web.TokenBuckets.Decision;

import org.springframework.stereotype.Component;

/**
 * The limits of the endpoints that make the notifier send an email ({@code POST /api/subscriptions},
 * {@code POST /api/manage-link}): per client IP, and per address, which is counted under its hash so that no
 * address is held in memory. Both endpoints share the buckets: they mail the same people.
 */
@Component
class RateLimiter {

	private final TokenBuckets perClient;

	private final TokenBuckets perAddress;

	RateLimiter(NotifierProperties properties, Clock clock) {
		RateLimits limits = properties.rateLimit();
		this.perClient = new TokenBuckets(limits.clientCapacity(), limits.clientRefillEvery(), limits.maxTrackedKeys(),
				clock);
		this.perAddress = new TokenBuckets(limits.addressCapacity(), limits.addressRefillEvery(),
				limits.maxTrackedKeys(), clock);
	}

	/** Throws {@link RateLimited} when this client has asked too often. */
	void checkClient(String clientIp) {
		check(this.perClient.take(clientIp));
	}

	/** Throws {@link RateLimited} when this address has been named too often; the address must be valid. */
	void checkAddress(String email) {
		check(this.perAddress.take(EmailAddresses.hash(email)));
	}

	private static void check(Decision decision) {
		if (decision instanceof Decision.Limited limited) {
			throw new RateLimited(limited.retryAfter());
		}
	}

	/** Too many requests; {@link #retryAfterSeconds} says when one more will be accepted. */
	static final class RateLimited extends RuntimeException {

		private final Duration retryAfter;

		RateLimited(Duration retryAfter) {
			super("rate limited", null, false, false);
			this.retryAfter = retryAfter;
		}

		/** Whole seconds for a {@code Retry-After} header: rounded up, at least one. */
		long retryAfterSeconds() {
			return Math.max(1, (this.retryAfter.toMillis() + 999) / 1000);
		}

	}

}
