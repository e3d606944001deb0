package dev.tpmalerts.ingest.job;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Runs the scrape job once at start-up when {@code tpm.ingest.run-on-startup} is set, and reports the counts. */
@Component
class ScrapeJobRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ScrapeJobRunner.class);

	private final JobOperator jobOperator;

	private final Job scrapeJob;

	private final IngestProperties properties;

	private final Clock clock;

	ScrapeJobRunner(JobOperator jobOperator, Job scrapeJob, IngestProperties properties, Clock clock) {
		this.jobOperator = jobOperator;
		this.scrapeJob = scrapeJob;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) throws Exception {
		if (this.properties.runOnStartup()) {
			runNow();
		}
	}

	JobExecution runNow() throws Exception {
		JobParameters parameters = new JobParametersBuilder()
			.addString("run", this.clock.instant().toString())
			.toJobParameters();
		JobExecution execution = this.jobOperator.start(this.scrapeJob, parameters);
		for (StepExecution step : execution.getStepExecutions()) {
			Duration took = Duration.between(step.getStartTime(),
					(step.getEndTime() != null) ? step.getEndTime() : step.getStartTime());
			logger.info("Scrape job {}: {} postings read, {} published, {} filtered as duplicates, {} rejected, in {} ms",
					execution.getStatus(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
					step.getSkipCount(), took.toMillis());
		}
		return execution;
	}

}
