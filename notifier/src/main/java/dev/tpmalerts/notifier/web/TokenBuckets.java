package dev.tpmalerts.notifier.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Token buckets by key, in memory: each key may take {@code capacity} at once, then one more every
 * {@code refillEvery}. A bucket that has refilled is the same as no bucket, so when {@code maxKeys} keys are
 * tracked those are forgotten first; if every tracked bucket is still in use, a new key is refused until some
 * refill (failing closed: a flood of distinct keys must not switch the limit off). Per instance: behind several
 * notifier instances each one limits on its own.
 */
final class TokenBuckets {

	private final int capacity;

	private final Duration refillEvery;

	private final int maxKeys;

	private final Clock clock;

	private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	TokenBuckets(int capacity, Duration refillEvery, int maxKeys, Clock clock) {
		if (capacity < 1 || refillEvery.isNegative() || refillEvery.isZero() || maxKeys < 1) {
			throw new IllegalArgumentException("A rate limit needs a capacity of at least 1, a positive refill time "
					+ "and room for at least one key; got " + capacity + ", " + refillEvery + ", " + maxKeys);
		}
		this.capacity = capacity;
		this.refillEvery = refillEvery;
		this.maxKeys = maxKeys;
		this.clock = clock;
	}

	/** Whether a request may go ahead, and if not, when it may be tried again. */
	sealed interface Decision {

		record Allowed() implements Decision {

		}

		record Limited(Duration retryAfter) implements Decision {

		}

	}

	Decision take(String key) {
		Instant now = this.clock.instant();
		if (!this.buckets.containsKey(key) && this.buckets.size() >= this.maxKeys) {
			this.buckets.values().removeIf((bucket) -> bucket.tokensAt(now, this) >= this.capacity);
			if (this.buckets.size() >= this.maxKeys) {
				return new Decision.Limited(this.refillEvery);
			}
		}
		AtomicReference<Decision> decision = new AtomicReference<>();
		this.buckets.compute(key, (k, old) -> {
			double tokens = (old != null) ? old.tokensAt(now, this) : this.capacity;
			if (tokens >= 1) {
				decision.set(new Decision.Allowed());
				return new Bucket(tokens - 1, now);
			}
			decision.set(new Decision.Limited(timeFor(1 - tokens)));
			return new Bucket(tokens, now);
		});
		return decision.get();
	}

	int trackedKeys() {
		return this.buckets.size();
	}

	private Duration timeFor(double tokens) {
		return Duration.ofNanos((long) Math.ceil(tokens * this.refillEvery.toNanos()));
	}

	/** What was left at {@code at}; refilling is computed when the bucket is next used. */
	private record Bucket(double tokens, Instant at) {

		double tokensAt(Instant now, TokenBuckets limits) {
			double elapsed = Math.max(0, Duration.between(this.at, now).toNanos());
			return Math.min(limits.capacity, this.tokens + elapsed / limits.refillEvery.toNanos());
		}

	}

}
