package dev.tpmalerts.ingest.housekeeping;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long ingest keeps what it no longer needs.
 *
 * @param batchMetadataMaxAge runs (Spring Batch job instances) that ended longer ago are deleted with their steps
 * @param deadLetterMaxAge dead letters received longer ago are deleted, replayed or not
 * @param cron when the purge runs ({@code -} never: only on demand)
 */
@ConfigurationProperties("tpm.ingest.housekeeping")
public record HousekeepingProperties(@DefaultValue("90d") Duration batchMetadataMaxAge,
		@DefaultValue("90d") Duration deadLetterMaxAge, @DefaultValue("0 30 3 * * *") String cron) {

	public HousekeepingProperties {
		if (batchMetadataMaxAge.isNegative() || batchMetadataMaxAge.isZero()) {
			throw new IllegalArgumentException("tpm.ingest.housekeeping.batch-metadata-max-age must be positive, not "
					+ batchMetadataMaxAge);
		}
		if (deadLetterMaxAge.isNegative() || deadLetterMaxAge.isZero()) {
			throw new IllegalArgumentException("tpm.ingest.housekeeping.dead-letter-max-age must be positive, not "
					+ deadLetterMaxAge);
		}
	}

}
