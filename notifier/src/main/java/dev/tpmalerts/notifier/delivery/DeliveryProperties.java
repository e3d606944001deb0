package dev.tpmalerts.notifier.delivery;

import java.time.DayOfWeek;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When and how much the notifier mails.
 *
 * @param pollInterval how often the scheduler queues due digests and retries queued emails
 * @param digestHour the hour (0–23, in each account's own time zone) at which daily and weekly digests go out
 * @param weeklyDay the day of the weekly digest
 * @param digestSize the most postings one digest lists; the rest are counted in an "and N more" line
 * @param instantDailyCap the most instant emails an account gets on one day of its calendar; later matches wait
 *        for the next daily digest instead of being lost
 * @param retryInitialInterval the wait before the first retry of an email the SMTP server did not take; it doubles
 * @param retryMaxInterval the longest wait between two retries
 * @param maxAttempts after this many failed attempts an email is kept as FAILED and no longer retried
 * @param sendLease how long an instance may take to send a claimed email before another instance may try it
 * @param excerptLength the length of a posting's plain-text excerpt in an instant alert
 */
@ConfigurationProperties("tpm.notifier.delivery")
public record DeliveryProperties(@DefaultValue("1m") Duration pollInterval, @DefaultValue("8") int digestHour,
		@DefaultValue("MONDAY") DayOfWeek weeklyDay, @DefaultValue("20") int digestSize,
		@DefaultValue("10") int instantDailyCap, @DefaultValue("30s") Duration retryInitialInterval,
		@DefaultValue("1h") Duration retryMaxInterval, @DefaultValue("12") int maxAttempts,
		@DefaultValue("5m") Duration sendLease, @DefaultValue("300") int excerptLength) {

	public DeliveryProperties {
		if (digestHour < 0 || digestHour > 23) {
			throw new IllegalArgumentException("tpm.notifier.delivery.digest-hour must be 0 to 23, was " + digestHour);
		}
		if (digestSize < 1) {
			throw new IllegalArgumentException("tpm.notifier.delivery.digest-size must be at least 1, was " + digestSize);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("tpm.notifier.delivery.max-attempts must be at least 1, was " + maxAttempts);
		}
	}

	/** The defaults, for code that runs without Spring (the benchmark). */
	public static DeliveryProperties defaults() {
		return new DeliveryProperties(Duration.ofMinutes(1), 8, DayOfWeek.MONDAY, 20, 10, Duration.ofSeconds(30),
				Duration.ofHours(1), 12, Duration.ofMinutes(5), 300);
	}

	/** The wait after the given number of failed attempts: doubling from the initial interval, capped. */
	Duration backOff(int failedAttempts) {
		Duration wait = this.retryInitialInterval;
		for (int i = 1; i < failedAttempts && wait.compareTo(this.retryMaxInterval) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.retryMaxInterval) > 0) ? this.retryMaxInterval : wait;
	}

}
