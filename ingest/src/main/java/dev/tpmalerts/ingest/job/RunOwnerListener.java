package dev.tpmalerts.ingest.job;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/** Writes "host:pid:start" into each run's execution context, for {@link StaleRunRecovery}. */
class RunOwnerListener implements JobExecutionListener {

	private final JobRepository jobRepository;

	RunOwnerListener(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		execution.getExecutionContext().putString(ScrapeLauncher.OWNER, ScrapeLauncher.owner());
		this.jobRepository.updateExecutionContext(execution);
	}

}
