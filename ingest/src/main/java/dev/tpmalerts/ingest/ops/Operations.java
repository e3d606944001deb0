package dev.tpmalerts.ingest.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.tpmalerts.ingest.deadletter.DeadLetter;
import dev.tpmalerts.ingest.deadletter.DeadLetterReplay;
import dev.tpmalerts.ingest.deadletter.DeadLetterStore;
import dev.tpmalerts.ingest.housekeeping.Housekeeping;
import dev.tpmalerts.ingest.job.IngestProperties;
import dev.tpmalerts.ingest.job.ScrapeLauncher;
import dev.tpmalerts.ingest.job.ScrapeLauncher.Launch;
import dev.tpmalerts.ingest.job.ScrapeRuns;
import dev.tpmalerts.ingest.job.ScrapeRuns.Run;
import dev.tpmalerts.ingest.job.ScrapeRuns.RunDetail;
import dev.tpmalerts.ingest.job.SourceSchedules;
import dev.tpmalerts.ingest.job.SourceSchedules.SourceSchedule;
import dev.tpmalerts.ingest.job.StaleRunRecovery;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.stereotype.Component;

/** Everything an operator can do, shared by the JSON API and the dashboard so that both behave the same. */
@Component
class Operations {

	static final int MAX_PAGE_SIZE = 200;

	private final IngestProperties properties;

	private final SourceSchedules schedules;

	private final ScrapeLauncher launcher;

	private final ScrapeRuns runs;

	private final StaleRunRecovery recovery;

	private final JobOperator jobOperator;

	private final DeadLetterStore deadLetters;

	private final DeadLetterReplay replay;

	private final Housekeeping housekeeping;

	private final Clock clock;

	Operations(IngestProperties properties, SourceSchedules schedules, ScrapeLauncher launcher, ScrapeRuns runs,
			StaleRunRecovery recovery, JobOperator jobOperator,
			DeadLetterStore deadLetters, DeadLetterReplay replay, Housekeeping housekeeping, Clock clock) {
		this.properties = properties;
		this.schedules = schedules;
		this.launcher = launcher;
		this.runs = runs;
		this.recovery = recovery;
		this.jobOperator = jobOperator;
		this.deadLetters = deadLetters;
		this.replay = replay;
		this.housekeeping = housekeeping;
		this.clock = clock;
	}

	/**
	 * A source as operators see it.
	 *
	 * @param cron the schedule it runs on (null: on demand only)
	 * @param configuredCron the schedule of its configuration, which an operator's change overrides
	 * @param nextFire when its schedule fires next on this node (null: not scheduled here)
	 * @param running the run in progress, if any
	 * @param lastRun its latest run, if any
	 */
	record SourceView(String name, String type, String url, boolean enabled, String cron, String configuredCron,
			boolean scheduleChanged, String scheduleChangedBy, Instant scheduleChangedAt, Instant nextFire,
			Long running, Run lastRun) {

	}

	/** What asking to stop a run did. */
	sealed interface Stop {

		record Stopping(Run run) implements Stop {

		}

		record NotRunning(Run run) implements Stop {

		}

		record NotFound(long id) implements Stop {

		}

	}

	/** A run recovered from a dead JVM. */
	record RecoveredRun(Run run, String why, Long resumedAs) {

	}

	List<SourceView> sources() {
		Instant now = this.clock.instant();
		return this.schedules.all().stream().map((schedule) -> view(schedule, now)).toList();
	}

	Optional<SourceView> source(String name) {
		return this.schedules.of(name).map((schedule) -> view(schedule, this.clock.instant()));
	}

	SourceSchedules.Change changeSchedule(String source, String cron, String operator) {
		return this.schedules.change(source, cron, operator);
	}

	SourceSchedules.Change resetSchedule(String source, String operator) {
		return this.schedules.reset(source, operator);
	}

	Launch launch(String source, String operator) {
		return this.launcher.start(source, "operator:" + operator, this.clock.instant());
	}

	Stop stop(long executionId) {
		Optional<JobExecution> found = this.runs.execution(executionId);
		if (found.isEmpty()) {
			return new Stop.NotFound(executionId);
		}
		JobExecution execution = found.get();
		try {
			this.jobOperator.stop(execution);
		}
		catch (JobExecutionNotRunningException ex) {
			return new Stop.NotRunning(this.runs.detail(execution, this.clock.instant()).run());
		}
		// Spring Batch marks the run STOPPED at once; its thread ends at the next chunk boundary.
		return new Stop.Stopping(this.runs.detail(executionId, this.clock.instant()).orElseThrow().run());
	}

	List<RecoveredRun> recover(Optional<Boolean> restart) {
		Instant now = this.clock.instant();
		return this.recovery.recoverNow(restart.orElse(this.properties.resumeRecoveredRuns()))
			.stream()
			.map((recovered) -> new RecoveredRun(this.runs.detail(recovered.execution(), now).run(), recovered.why(),
					recovered.resumedAs().orElse(null)))
			.toList();
	}

	Page<Run> runs(ScrapeRuns.Filter filter, int page, int size) {
		return new Page<>(this.runs.find(filter, (long) page * size, size, this.clock.instant()), page, size,
				this.runs.count(filter));
	}

	Optional<RunDetail> run(long executionId) {
		return this.runs.detail(executionId, this.clock.instant());
	}

	Page<DeadLetter> deadLetters(DeadLetterStore.Filter filter, int page, int size) {
		return new Page<>(this.deadLetters.find(filter, (long) page * size, size), page, size,
				this.deadLetters.count(filter));
	}

	Optional<DeadLetter> deadLetter(long id) {
		return this.deadLetters.byId(id);
	}

	Optional<DeadLetterReplay.Outcome> replay(long id, String operator) {
		return this.replay.replay(id, operator);
	}

	Housekeeping.Purge purge() {
		return this.housekeeping.purge();
	}

	private SourceView view(SourceSchedule schedule, Instant now) {
		var source = schedule.source();
		return new SourceView(source.name(), source.type().configName(), String.valueOf(source.url()), source.enabled(),
				schedule.cron(), schedule.configured(), schedule.override().isPresent(),
				schedule.override().map(SourceSchedules.Override::changedBy).orElse(null),
				schedule.override().map(SourceSchedules.Override::changedAt).orElse(null),
				schedule.nextFire(this.properties.schedulesEnabled(), now).orElse(null),
				this.launcher.runningExecution(source.name()).map(JobExecution::getId).orElse(null),
				this.runs.last(source.name(), now).orElse(null));
	}

}
