package dev.tpmalerts.ingest.job;

import java.time.Duration;
import java.util.List;

import dev.tpmalerts.ingest.source.SourceDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sources to scrape and how the scrape job runs.
 *
 * @param sources every configured source (name, type, url, schedule, rate limit, enabled, …)
 * @param runOnStartup run every enabled source once when the application starts
 * @param runNow sources to run once at start ("all" or names), e.g. from {@code ./tpm-alerts ingest}
 * @param exitAfterRun stop the application when the start-up runs are done (command-line use)
 * @param chunkSize postings per chunk: one Kafka acknowledgement and one job-repository commit each. Smaller chunks
 * lose less work to a crash; each one waits for the producer's pipeline to drain, so the writer reached 0.13 of
 * the plain producer's rate at 20, 0.6–0.78 at 200 and 0.84–0.95 at 1000 ({@code ./tpm-alerts bench ingest})
 * @param schedulesEnabled run the sources' cron schedules
 * @param resumeRecoveredRuns restart the runs recovered at start-up from their last committed chunk
 * @param staleAfter a run of another host that has written nothing for this long is taken as dead
 * @param maxConcurrentRuns runs started in the background (schedules, operators) that may go on at once; more
 * wait their turn
 * @param scheduleRefresh how often schedule changes made on another node are picked up
 */
@ConfigurationProperties("tpm.ingest")
public record IngestProperties(@DefaultValue List<SourceDefinition> sources, @DefaultValue("false") boolean runOnStartup,
		@DefaultValue List<String> runNow, @DefaultValue("false") boolean exitAfterRun, @DefaultValue(IngestProperties.DEFAULT_CHUNK_SIZE) int chunkSize,
		@DefaultValue("true") boolean schedulesEnabled, @DefaultValue("true") boolean resumeRecoveredRuns,
		@DefaultValue("30m") Duration staleAfter, @DefaultValue("4") int maxConcurrentRuns,
		@DefaultValue("1m") Duration scheduleRefresh) {

	public IngestProperties {
		if (maxConcurrentRuns < 1) {
			throw new IllegalArgumentException("tpm.ingest.max-concurrent-runs must be at least 1, not " + maxConcurrentRuns);
		}
	}

	public static final String DEFAULT_CHUNK_SIZE = "1000";

}
