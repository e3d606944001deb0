package dev.tpmalerts.notifier.web;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.MutableClock;
import dev.tpmalerts.notifier.web.TokenBuckets.Decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenBucketsTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00Z"));

	@Test
	void shouldAllowTheBurstThenOneRequestPerRefillPeriod() {
		TokenBuckets buckets = new TokenBuckets(3, Duration.ofMinutes(1), 100, this.clock);

		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		Decision fourth = buckets.take("a");

		assertThat(fourth).isEqualTo(new Decision.Limited(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(buckets.take("a")).isEqualTo(new Decision.Limited(Duration.ofSeconds(15)));
		this.clock.advance(Duration.ofSeconds(15));
		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Limited.class);
	}

	@Test
	void shouldKeepEachKeyInItsOwnBucket() {
		TokenBuckets buckets = new TokenBuckets(1, Duration.ofHours(1), 100, this.clock);

		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Limited.class);
		assertThat(buckets.take("b")).isInstanceOf(Decision.Allowed.class);
	}

	@Test
	void shouldNeverHoldMoreThanTheCapacityAfterALongPause() {
		TokenBuckets buckets = new TokenBuckets(2, Duration.ofMinutes(1), 100, this.clock);
		buckets.take("a");
		this.clock.advance(Duration.ofDays(1));

		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.take("a")).isInstanceOf(Decision.Limited.class);
	}

	@Test
	void shouldForgetRefilledBucketsWhenFullAndRefuseNewKeysWhileEveryBucketIsInUse() {
		TokenBuckets buckets = new TokenBuckets(1, Duration.ofMinutes(1), 2, this.clock);
		buckets.take("a");
		buckets.take("b");

		assertThat(buckets.take("c")).as("every tracked bucket is in use: fail closed")
			.isEqualTo(new Decision.Limited(Duration.ofMinutes(1)));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(buckets.take("c")).isInstanceOf(Decision.Allowed.class);
		assertThat(buckets.trackedKeys()).isEqualTo(1);
	}

	@Test
	void shouldRefuseALimitThatCouldNeverAllowAnything() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(0, Duration.ofMinutes(1), 10, this.clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenBuckets(1, Duration.ZERO, 10, this.clock));
	}

}
