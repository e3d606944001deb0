package dev.tpmalerts.ingest.job;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.source.SourceDefinition;

import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Starts scrape runs, one job execution per source. A source never has two runs at once: a run is refused while
 * another run of the same source is STARTED, and scheduled runs are identified by their fire time, so two nodes
 * firing the same schedule make one job instance and the second is refused by the job repository.
 */
@Component
public class ScrapeLauncher implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(ScrapeLauncher.class);

	public static final String JOB_NAME = "scrapeJob";

	/** Recorded in each run's execution context, so a run left STARTED by a dead JVM can be told from a live one. */
	static final String OWNER = "owner";

	private final JobOperator jobOperator;

	/** Starts runs on {@code scrapeRunExecutor} and returns at once: launches from a schedule or an operator. */
	private final JobOperator backgroundOperator;

	private final JobRepository jobRepository;

	private final Job scrapeJob;

	private final IngestProperties properties;

	private final Clock clock;

	/** Not a bean: an Executor bean would replace Spring Boot's application task executor. */
	private final ThreadPoolTaskExecutor runExecutor = new ThreadPoolTaskExecutor();

	ScrapeLauncher(JobOperator jobOperator, JobRepository jobRepository, Job scrapeJob, IngestProperties properties,
			Clock clock) throws Exception {
		this.jobOperator = jobOperator;
		this.runExecutor.setCorePoolSize(properties.maxConcurrentRuns());
		this.runExecutor.setMaxPoolSize(properties.maxConcurrentRuns());
		this.runExecutor.setThreadNamePrefix("scrape-run-");
		this.runExecutor.initialize();
		TaskExecutorJobOperator background = new TaskExecutorJobOperator();
		background.setJobRepository(jobRepository);
		// Restarts find the job by name in the registry.
		MapJobRegistry jobs = new MapJobRegistry();
		jobs.register(scrapeJob);
		background.setJobRegistry(jobs);
		background.setTaskExecutor(this.runExecutor);
		background.afterPropertiesSet();
		this.backgroundOperator = background;
		this.jobRepository = jobRepository;
		this.scrapeJob = scrapeJob;
		this.properties = properties;
		this.clock = clock;
	}

	/** Runs still going are interrupted; {@link StaleRunRecovery} resumes them at the next start. */
	@Override
	public void destroy() {
		this.runExecutor.shutdown();
	}

	/** The outcome of asking for a run. */
	public sealed interface Launch {

		String source();

		/** The id of the job execution the launch ran or started; empty when it was refused. */
		default OptionalLong runId() {
			if (this instanceof Ran ran) {
				return OptionalLong.of(ran.execution().getId());
			}
			return (this instanceof Started started) ? OptionalLong.of(started.execution().getId()) : OptionalLong.empty();
		}

		/** The run is over (it completed, failed or stopped): {@link ScrapeLauncher#run}. */
		record Ran(String source, JobExecution execution) implements Launch {

		}

		/** The run has begun and goes on in the background: {@link ScrapeLauncher#start}. */
		record Started(String source, JobExecution execution) implements Launch {

		}

		record Refused(String source, String reason) implements Launch {

		}

	}

	/** Runs every enabled source now, one after the other. */
	public List<Launch> runAll(String trigger) {
		List<Launch> launches = new ArrayList<>();
		for (SourceDefinition source : this.properties.sources()) {
			if (source.enabled()) {
				launches.add(run(source.name(), trigger, this.clock.instant()));
			}
		}
		long read = 0;
		long written = 0;
		long skipped = 0;
		for (Launch launch : launches) {
			if (launch instanceof Launch.Ran ran) {
				for (StepExecution step : ran.execution().getStepExecutions()) {
					read += step.getReadCount();
					written += step.getWriteCount();
					skipped += step.getSkipCount();
				}
			}
		}
		logger.info("Scrape run finished: {} source(s), {} postings read, {} published, {} rejected", launches.size(),
				read, written, skipped);
		return launches;
	}

	/**
	 * Runs one source now and returns when the run is over.
	 * @param runTime what identifies the run with the source: a schedule passes its fire time
	 */
	public Launch run(String sourceName, String trigger, Instant runTime) {
		return launch(sourceName, trigger, runTime, false);
	}

	/**
	 * Starts a run of one source in the background (at most {@code tpm.ingest.max-concurrent-runs} at once, the
	 * others wait their turn as STARTING) and returns its execution at once.
	 */
	public Launch start(String sourceName, String trigger, Instant runTime) {
		return launch(sourceName, trigger, runTime, true);
	}

	private Launch launch(String sourceName, String trigger, Instant runTime, boolean background) {
		SourceDefinition source = this.properties.sources()
			.stream()
			.filter((each) -> each.name().equals(sourceName))
			.findFirst()
			.orElse(null);
		if (source == null) {
			return new Launch.Refused(sourceName, "no source is named '" + sourceName + "'");
		}
		if (!source.enabled()) {
			return new Launch.Refused(sourceName, "source '" + sourceName + "' is disabled");
		}
		Optional<JobExecution> running = runningExecution(sourceName);
		if (running.isPresent()) {
			logger.info("Source {} is still being scraped; this {} run is skipped", sourceName, trigger);
			return new Launch.Refused(sourceName, "a run of source '" + sourceName + "' is in progress (execution "
					+ running.get().getId() + ")");
		}
		JobParameters parameters = new JobParametersBuilder().addString("source", sourceName)
			.addString("run", runTime.truncatedTo(ChronoUnit.SECONDS).toString())
			.addString("trigger", trigger, false)
			.toJobParameters();
		try {
			if (background) {
				JobExecution execution = this.backgroundOperator.start(this.scrapeJob, parameters);
				logger.info("Scrape run {} of source {} started ({})", execution.getId(), sourceName, trigger);
				return new Launch.Started(sourceName, execution);
			}
			JobExecution execution = this.jobOperator.start(this.scrapeJob, parameters);
			report(sourceName, execution);
			return new Launch.Ran(sourceName, execution);
		}
		catch (JobExecutionAlreadyRunningException | JobInstanceAlreadyCompleteException ex) {
			logger.info("Source {} was already scraped for {} (another node, probably): {}", sourceName, runTime,
					ex.getMessage());
			return new Launch.Refused(sourceName, ex.getMessage());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not start a scrape of source " + sourceName + ": " + ex.getMessage(), ex);
		}
	}

	/** The operator that runs jobs in the background (restarts of recovered runs on demand). */
	JobOperator backgroundOperator() {
		return this.backgroundOperator;
	}

	/** The run of this source in progress (STARTING, STARTED or STOPPING), if there is one. */
	public Optional<JobExecution> runningExecution(String sourceName) {
		return this.jobRepository.findRunningJobExecutions(JOB_NAME)
			.stream()
			.filter((execution) -> sourceName.equals(execution.getJobParameters().getString("source")))
			.findFirst();
	}

	private static void report(String source, JobExecution execution) {
		for (StepExecution step : execution.getStepExecutions()) {
			Duration took = Duration.between(step.getStartTime(),
					(step.getEndTime() != null) ? step.getEndTime() : step.getStartTime());
			logger.info("Scrape job {}: {} postings read, {} published, {} filtered, {} rejected, in {} ms (source {})",
					execution.getStatus(), step.getReadCount(), step.getWriteCount(), step.getFilterCount(),
					step.getSkipCount(), took.toMillis(), source);
		}
	}

	/** "host:pid": who runs a job execution. */
	static String owner() {
		String host;
		try {
			host = InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			host = "unknown-host";
		}
		return host + ":" + ProcessHandle.current().pid() + ":" + ManagementFactory.getRuntimeMXBean().getStartTime();
	}

}
