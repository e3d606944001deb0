package dev.tpmalerts.ingest.job;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up, finds scrape runs left STARTED by a JVM that died (killed, crashed, machine lost) and recovers
 * them: marks them failed in the job repository and, unless told not to, restarts them, so they resume from their
 * last committed chunk. No SQL by hand. A run is dead when its owner ran on this host and that process is gone,
 * or when it has not written to the repository for {@code tpm.ingest.stale-after}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StaleRunRecovery implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(StaleRunRecovery.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final IngestProperties properties;

	private final Clock clock;

	private final ScrapeLauncher launcher;

	StaleRunRecovery(JobRepository jobRepository, JobOperator jobOperator, IngestProperties properties, Clock clock,
			ScrapeLauncher launcher) {
		this.launcher = launcher;
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		recover(this.properties.resumeRecoveredRuns());
	}

	/** Recovers every dead run, restarting them when asked; returns the recovered executions. */
	public List<JobExecution> recover(boolean restart) {
		return recover(restart, this.jobOperator).stream().map(Recovered::execution).toList();
	}

	/**
	 * An operator's recovery: as at start-up, but the recovered runs resume in the background, so the answer does
	 * not wait for them.
	 */
	public List<Recovered> recoverNow(boolean restart) {
		return recover(restart, this.launcher.backgroundOperator());
	}

	/**
	 * A run found dead and marked failed.
	 *
	 * @param why how it was known to be dead
	 * @param resumedAs the execution that resumes it, when it was restarted
	 */
	public record Recovered(JobExecution execution, String why, Optional<Long> resumedAs) {

	}

	private List<Recovered> recover(boolean restart, JobOperator restarter) {
		List<Recovered> recovered = new ArrayList<>();
		for (JobExecution execution : this.jobRepository.findRunningJobExecutions(ScrapeLauncher.JOB_NAME)) {
			Optional<String> why = deadBecause(execution);
			if (why.isEmpty()) {
				continue;
			}
			String source = execution.getJobParameters().getString("source");
			logger.warn("Scrape run {} of source {} was left running ({}); recovering it", execution.getId(), source,
					why.get());
			JobExecution failed = this.jobOperator.recover(execution);
			Optional<Long> resumedAs = Optional.empty();
			if (restart) {
				try {
					JobExecution resumed = restarter.restart(failed);
					resumedAs = Optional.of(resumed.getId());
					logger.info("Scrape run of source {} resumed as execution {}: {}", source, resumed.getId(),
							resumed.getStatus());
				}
				catch (Exception ex) {
					logger.warn("Could not resume the scrape run of source {}: {}", source, ex.getMessage());
				}
			}
			recovered.add(new Recovered(failed, why.get(), resumedAs));
		}
		return recovered;
	}

	private Optional<String> deadBecause(JobExecution execution) {
		String owner = execution.getExecutionContext().containsKey(ScrapeLauncher.OWNER)
				? execution.getExecutionContext().getString(ScrapeLauncher.OWNER) : "";
		String[] parts = owner.split(":");
		String me = ScrapeLauncher.owner();
		if (owner.equals(me)) {
			return Optional.empty();
		}
		if (parts.length >= 2 && me.startsWith(parts[0] + ":")) {
			long pid = Long.parseLong(parts[1]);
			boolean sameProcessAlive = ProcessHandle.of(pid)
				.flatMap((handle) -> handle.info().startInstant())
				.map((started) -> parts.length < 3 || Math.abs(started.toEpochMilli() - Long.parseLong(parts[2])) < 2_000)
				.orElse(false);
			if (!sameProcessAlive) {
				return Optional.of("its process " + pid + " on this host is gone");
			}
			return Optional.empty();
		}
		LocalDateTime lastUpdated = (execution.getLastUpdated() != null) ? execution.getLastUpdated()
				: execution.getStartTime();
		Duration silent = Duration.between(lastUpdated.atZone(ZoneId.systemDefault()).toInstant(), this.clock.instant());
		if (lastUpdated == null || silent.compareTo(this.properties.staleAfter()) > 0) {
			return Optional.of("no progress for " + silent.toMinutes() + " min, owner " + (owner.isEmpty() ? "unknown" : parts[0]));
		}
		return Optional.empty();
	}

}
