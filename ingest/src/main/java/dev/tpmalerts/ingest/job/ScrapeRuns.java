package dev.tpmalerts.ingest.job;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The scrape runs as operators read them: a page of the history (filtered by source and status, newest first,
 * with the counts of their steps) and one run with the progress of each step. The history is one query over the
 * job repository's tables (Spring Batch has none that filters on a job parameter); one run comes from its API.
 */
@Component
public class ScrapeRuns {

	private static final int MAX_FAILURE = 500;

	private final JobRepository jobRepository;

	private final JdbcClient jdbc;

	private final String tablePrefix;

	ScrapeRuns(JobRepository jobRepository, JdbcClient jdbc,
			@Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
		this.jobRepository = jobRepository;
		this.jdbc = jdbc;
		this.tablePrefix = tablePrefix;
	}

	/**
	 * One run of one source.
	 *
	 * @param trigger what started it: schedule, operator:NAME, startup, command, replay, test
	 * @param durationMillis from start to end, or to now while it runs; null before it started
	 * @param skipped postings rejected (kept as dead letters)
	 * @param failure the first line of why it failed or stopped, else null
	 */
	public record Run(long id, String source, BatchStatus status, String exitCode, String trigger, Instant created,
			Instant started, Instant ended, Long durationMillis, long read, long written, long filtered, long skipped,
			long rollbacks, String failure) {

		public boolean running() {
			return this.status.isRunning();
		}

	}

	/**
	 * A step of a run and how far it got.
	 *
	 * @param total the postings the step has to read, once it has listed them (null before)
	 */
	public record Step(String name, BatchStatus status, long read, long written, long filtered, long skipped,
			long commits, long rollbacks, Integer total, Instant started, Instant ended, Instant lastUpdated,
			String failure) {

	}

	/** A run with its steps and parameters. */
	public record RunDetail(Run run, Map<String, String> parameters, List<Step> steps) {

	}

	/** Which runs to list; a null field does not filter. */
	public record Filter(String source, BatchStatus status) {

		public static final Filter ALL = new Filter(null, null);

	}

	public List<Run> find(Filter filter, long offset, int limit, Instant now) {
		List<Object> params = new ArrayList<>();
		String where = where(filter, params);
		params.add(limit);
		params.add(offset);
		String sql = """
				select e.job_execution_id, e.status, e.exit_code, e.exit_message, e.create_time, e.start_time, e.end_time,
				  p.parameter_value as source_name, t.parameter_value as trigger_name,
				  coalesce(sum(s.read_count), 0) as read_count, coalesce(sum(s.write_count), 0) as write_count,
				  coalesce(sum(s.filter_count), 0) as filter_count,
				  coalesce(sum(s.read_skip_count + s.write_skip_count + s.process_skip_count), 0) as skip_count,
				  coalesce(sum(s.rollback_count), 0) as rollback_count, max(s.exit_message) as step_message
				from %1$sJOB_EXECUTION e
				join %1$sJOB_INSTANCE i on i.job_instance_id = e.job_instance_id
				left join %1$sJOB_EXECUTION_PARAMS p on p.job_execution_id = e.job_execution_id and p.parameter_name = 'source'
				left join %1$sJOB_EXECUTION_PARAMS t on t.job_execution_id = e.job_execution_id and t.parameter_name = 'trigger'
				left join %1$sSTEP_EXECUTION s on s.job_execution_id = e.job_execution_id
				%2$s
				group by e.job_execution_id, e.status, e.exit_code, e.exit_message, e.create_time, e.start_time, e.end_time,
				  p.parameter_value, t.parameter_value
				order by e.job_execution_id desc
				limit ? offset ?""".formatted(this.tablePrefix, where);
		return this.jdbc.sql(sql).params(params).query((rs, row) -> run(rs, now)).list();
	}

	public long count(Filter filter) {
		List<Object> params = new ArrayList<>();
		String sql = """
				select count(*) from %1$sJOB_EXECUTION e
				join %1$sJOB_INSTANCE i on i.job_instance_id = e.job_instance_id
				left join %1$sJOB_EXECUTION_PARAMS p on p.job_execution_id = e.job_execution_id and p.parameter_name = 'source'
				%2$s""".formatted(this.tablePrefix, where(filter, params));
		return this.jdbc.sql(sql).params(params).query(Long.class).single();
	}

	/** The latest run of a source, if it ever ran. */
	public Optional<Run> last(String source, Instant now) {
		return find(new Filter(source, null), 0, 1, now).stream().findFirst();
	}

	/** One scrape run with its steps; empty when there is none with this id. */
	public Optional<RunDetail> detail(long executionId, Instant now) {
		return execution(executionId).map((execution) -> detail(execution, now));
	}

	/** The scrape run with this id, if there is one. */
	public Optional<JobExecution> execution(long executionId) {
		try {
			JobExecution execution = this.jobRepository.getJobExecution(executionId);
			return Optional.ofNullable(execution)
				.filter((found) -> ScrapeLauncher.JOB_NAME.equals(found.getJobInstance().getJobName()));
		}
		catch (EmptyResultDataAccessException ex) {
			// The JDBC job repository of Spring Batch 6 throws rather than answering null for an unknown id.
			return Optional.empty();
		}
	}

	public RunDetail detail(JobExecution execution, Instant now) {
		Collection<StepExecution> stepExecutions = execution.getStepExecutions();
		List<Step> steps = stepExecutions.stream().map(ScrapeRuns::step).toList();
		String failure = firstLine(execution.getExitStatus().getExitDescription());
		if (failure == null) {
			failure = steps.stream().map(Step::failure).filter((each) -> each != null).findFirst().orElse(null);
		}
		Instant started = instant(execution.getStartTime());
		Instant ended = instant(execution.getEndTime());
		Run run = new Run(execution.getId(), execution.getJobParameters().getString("source"), execution.getStatus(),
				execution.getExitStatus().getExitCode(), execution.getJobParameters().getString("trigger"),
				instant(execution.getCreateTime()), started, ended, duration(started, ended, now),
				steps.stream().mapToLong(Step::read).sum(), steps.stream().mapToLong(Step::written).sum(),
				steps.stream().mapToLong(Step::filtered).sum(), steps.stream().mapToLong(Step::skipped).sum(),
				steps.stream().mapToLong(Step::rollbacks).sum(), failure);
		Map<String, String> parameters = new LinkedHashMap<>();
		execution.getJobParameters()
			.parameters()
			.forEach((parameter) -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
		return new RunDetail(run, parameters, steps);
	}

	private static Step step(StepExecution step) {
		Integer total = step.getExecutionContext().containsKey(SourcePostingReader.TOTAL)
				? step.getExecutionContext().getInt(SourcePostingReader.TOTAL) : null;
		return new Step(step.getStepName(), step.getStatus(), step.getReadCount(), step.getWriteCount(),
				step.getFilterCount(), step.getSkipCount(), step.getCommitCount(), step.getRollbackCount(), total,
				instant(step.getStartTime()), instant(step.getEndTime()), instant(step.getLastUpdated()),
				firstLine(step.getExitStatus().getExitDescription()));
	}

	private String where(Filter filter, List<Object> params) {
		List<String> conditions = new ArrayList<>(List.of("i.job_name = ?"));
		params.add(ScrapeLauncher.JOB_NAME);
		if (filter.source() != null) {
			conditions.add("p.parameter_value = ?");
			params.add(filter.source());
		}
		if (filter.status() != null) {
			conditions.add("e.status = ?");
			params.add(filter.status().name());
		}
		return "where " + String.join(" and ", conditions);
	}

	private static Run run(ResultSet rs, Instant now) throws SQLException {
		Instant started = instant(rs.getObject("start_time", LocalDateTime.class));
		Instant ended = instant(rs.getObject("end_time", LocalDateTime.class));
		String failure = firstLine(rs.getString("exit_message"));
		return new Run(rs.getLong("job_execution_id"), rs.getString("source_name"),
				BatchStatus.valueOf(rs.getString("status")), rs.getString("exit_code"), rs.getString("trigger_name"),
				instant(rs.getObject("create_time", LocalDateTime.class)), started, ended, duration(started, ended, now),
				rs.getLong("read_count"), rs.getLong("write_count"), rs.getLong("filter_count"), rs.getLong("skip_count"),
				rs.getLong("rollback_count"), (failure != null) ? failure : firstLine(rs.getString("step_message")));
	}

	private static Long duration(Instant started, Instant ended, Instant now) {
		if (started == null) {
			return null;
		}
		return Duration.between(started, (ended != null) ? ended : now).toMillis();
	}

	/** The job repository stores local date-times of this JVM's zone. */
	private static Instant instant(LocalDateTime time) {
		return (time != null) ? time.atZone(ZoneId.systemDefault()).toInstant() : null;
	}

	/** The first line of an exit description (a failed run's is a stack trace), shortened. */
	static String firstLine(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String line = text.strip().lines().findFirst().orElse("");
		return (line.length() <= MAX_FAILURE) ? line : line.substring(0, MAX_FAILURE - 1) + "…";
	}

}
