package dev.tpmalerts.notifier.token;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every alert email issues fresh unsubscribe and manage tokens, so expired ones are deleted on a schedule rather
 * than left to grow the table (a link that no longer works needs no row).
 */
@Component
class ExpiredTokenPurge {

	private static final Logger logger = LoggerFactory.getLogger(ExpiredTokenPurge.class);

	private final LinkTokens tokens;

	private final Clock clock;

	ExpiredTokenPurge(LinkTokens tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tpm.notifier.token-purge-interval:1h}", initialDelayString = "${tpm.notifier.token-purge-interval:1h}")
	void purge() {
		int purged = this.tokens.purgeExpired(this.clock.instant());
		if (purged > 0) {
			logger.info("Deleted {} expired link token(s)", purged);
		}
	}

}
