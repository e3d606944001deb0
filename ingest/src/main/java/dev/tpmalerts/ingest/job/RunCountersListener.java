package dev.tpmalerts.ingest.job;

import io.micrometer.core.instrument.MeterRegistry;

import dev.tpmalerts.observability.PostingCounters;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Adds each finished run's postings to the fetched and published counters, whoever started it: a schedule, an
 * operator, the command line or a restart after recovery.
 */
class RunCountersListener implements JobExecutionListener {

	private final MeterRegistry meters;

	RunCountersListener(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public void afterJob(JobExecution execution) {
		String source = execution.getJobParameters().getString("source");
		for (StepExecution step : execution.getStepExecutions()) {
			PostingCounters.fetched(this.meters, source).increment(step.getReadCount());
			PostingCounters.published(this.meters, source).increment(step.getWriteCount());
		}
	}

}
