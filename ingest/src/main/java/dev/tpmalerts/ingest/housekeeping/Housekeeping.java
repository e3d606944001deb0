package dev.tpmalerts.ingest.housekeeping;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.deadletter.DeadLetterStore;
import dev.tpmalerts.ingest.job.ScrapeLauncher;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes the scrape runs that ended before {@code batch-metadata-max-age} (through the job repository, which
 * removes an instance with its executions, steps and contexts) and the dead letters received before
 * {@code dead-letter-max-age}. A run that is still going is never deleted, nor anything of its job instance.
 */
@Component
public class Housekeeping {

	private static final Logger logger = LoggerFactory.getLogger(Housekeeping.class);

	private final JobRepository jobRepository;

	private final DeadLetterStore deadLetters;

	private final JdbcClient jdbc;

	private final HousekeepingProperties properties;

	private final Clock clock;

	private final String tablePrefix;

	Housekeeping(JobRepository jobRepository, DeadLetterStore deadLetters, JdbcClient jdbc,
			HousekeepingProperties properties, Clock clock,
			@Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
		this.jobRepository = jobRepository;
		this.deadLetters = deadLetters;
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
		this.tablePrefix = tablePrefix;
	}

	/**
	 * What a purge removed.
	 *
	 * @param keptRunning job instances old enough but with a run still going, left alone
	 */
	public record Purge(Instant runsEndedBefore, int jobInstances, int jobExecutions, int keptRunning,
			Instant deadLettersReceivedBefore, int deadLetters) {

	}

	@Scheduled(cron = "${tpm.ingest.housekeeping.cron:0 30 3 * * *}")
	void scheduled() {
		purge();
	}

	public Purge purge() {
		Instant now = this.clock.instant();
		Instant runsBefore = now.minus(this.properties.batchMetadataMaxAge());
		Instant lettersBefore = now.minus(this.properties.deadLetterMaxAge());
		int instances = 0;
		int executions = 0;
		int keptRunning = 0;
		for (long instanceId : oldJobInstances(runsBefore)) {
			JobInstance instance = this.jobRepository.getJobInstance(instanceId);
			if (instance == null) {
				continue;
			}
			List<JobExecution> runs = this.jobRepository.getJobExecutions(instance);
			boolean running = runs.stream().anyMatch((run) -> run.getStatus().isRunning() || run.getEndTime() == null);
			if (running) {
				keptRunning++;
				continue;
			}
			this.jobRepository.deleteJobInstance(instance);
			instances++;
			executions += runs.size();
		}
		int letters = this.deadLetters.purgeReceivedBefore(lettersBefore);
		Purge purge = new Purge(runsBefore, instances, executions, keptRunning, lettersBefore, letters);
		logger.info("Housekeeping deleted {} scrape run(s) of {} job instance(s) that ended before {}{} and {} dead"
				+ " letter(s) received before {}", executions, instances, runsBefore,
				(keptRunning > 0) ? " (" + keptRunning + " with a run still going kept)" : "", letters, lettersBefore);
		return purge;
	}

	/**
	 * The job instances whose every run ended (or, never started, was created) before the cutoff. Read from the
	 * job repository's tables: Spring Batch has no query for it; the deletion goes through its API.
	 */
	private List<Long> oldJobInstances(Instant cutoff) {
		String sql = "select e.job_instance_id from %1$sJOB_EXECUTION e join %1$sJOB_INSTANCE i"
				+ " on i.job_instance_id = e.job_instance_id where i.job_name = ? group by e.job_instance_id"
				+ " having max(coalesce(e.end_time, e.create_time)) < ? and count(e.end_time) = count(*)";
		// The job repository stores local date-times of this JVM's zone.
		LocalDateTime local = LocalDateTime.ofInstant(cutoff, ZoneId.systemDefault());
		return this.jdbc.sql(sql.formatted(this.tablePrefix))
			.params(ScrapeLauncher.JOB_NAME, local)
			.query(Long.class)
			.list();
	}

}
