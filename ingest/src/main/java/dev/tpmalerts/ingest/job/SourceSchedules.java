package dev.tpmalerts.ingest.job;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.source.SourceDefinition;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * The schedule each source runs on: its configured {@code schedule}, unless an operator changed it. Changes are
 * kept in the database ({@code source_schedule}), so they survive restarts and reach every node; the
 * {@link ScrapeScheduler} of this node applies them at once, the others within {@code tpm.ingest.schedule-refresh}.
 */
@Component
public class SourceSchedules {

	private static final Logger logger = LoggerFactory.getLogger(SourceSchedules.class);

	private final IngestProperties properties;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SourceSchedules(IngestProperties properties, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
		this.properties = properties;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A source's schedule as it stands.
	 *
	 * @param cron the cron expression it runs on, or null when it runs on demand only
	 * @param configured the schedule of its configuration (null: none)
	 * @param override the operator's change that wins over the configuration, if any
	 */
	public record SourceSchedule(SourceDefinition source, String cron, String configured, Optional<Override> override) {

		/** The next time the schedule fires on this node, when the source is enabled and scheduled here. */
		public Optional<Instant> nextFire(boolean schedulesEnabled, Instant now) {
			if (!schedulesEnabled || !this.source.enabled() || this.cron == null) {
				return Optional.empty();
			}
			ZonedDateTime next = CronExpression.parse(this.cron).next(now.atZone(ZoneId.systemDefault()));
			return Optional.ofNullable(next).map(ZonedDateTime::toInstant);
		}

	}

	/** Who changed a schedule, and when. */
	public record Override(String cron, String changedBy, Instant changedAt) {

	}

	/** What asking for a change did. */
	public sealed interface Change {

		record Changed(SourceSchedule schedule) implements Change {

		}

		record UnknownSource(String source) implements Change {

		}

		record InvalidCron(String cron, String reason) implements Change {

		}

	}

	/** Published after a schedule changed on this node, for the scheduler to apply it. */
	record ScheduleChanged(String source) {

	}

	/** Every configured source with its schedule, in configuration order. */
	public List<SourceSchedule> all() {
		Map<String, Override> overrides = overrides();
		return this.properties.sources().stream().map((source) -> schedule(source, overrides)).toList();
	}

	public Optional<SourceSchedule> of(String sourceName) {
		return all().stream().filter((schedule) -> schedule.source().name().equals(sourceName)).findFirst();
	}

	/**
	 * Makes a source run on another schedule from now on, on every node.
	 * @param cron a Spring cron expression (six fields, or a macro such as {@code @daily}); blank: on demand only
	 */
	public Change change(String sourceName, String cron, String changedBy) {
		Optional<SourceDefinition> source = source(sourceName);
		if (source.isEmpty()) {
			return new Change.UnknownSource(sourceName);
		}
		String normalised = (cron == null || cron.isBlank()) ? null : cron.strip();
		if (normalised != null) {
			Optional<String> problem = problem(normalised);
			if (problem.isPresent()) {
				return new Change.InvalidCron(cron, problem.get());
			}
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		int updated = this.jdbc.sql("update source_schedule set cron = ?, changed_by = ?, changed_at = ? where source_name = ?")
			.params(normalised, changedBy, now, sourceName)
			.update();
		if (updated == 0) {
			try {
				this.jdbc.sql("insert into source_schedule (source_name, cron, changed_by, changed_at) values (?, ?, ?, ?)")
					.params(sourceName, normalised, changedBy, now)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// Another operator's change landed in between; this one is the later, so it wins.
				this.jdbc.sql("update source_schedule set cron = ?, changed_by = ?, changed_at = ? where source_name = ?")
					.params(normalised, changedBy, now, sourceName)
					.update();
			}
		}
		logger.info("Operator {} set the schedule of source {} to {}", changedBy, sourceName,
				(normalised != null) ? normalised : "on demand only");
		this.events.publishEvent(new ScheduleChanged(sourceName));
		return new Change.Changed(of(sourceName).orElseThrow());
	}

	/** Drops the operator's change: the source runs on its configured schedule again. */
	public Change reset(String sourceName, String changedBy) {
		if (source(sourceName).isEmpty()) {
			return new Change.UnknownSource(sourceName);
		}
		this.jdbc.sql("delete from source_schedule where source_name = ?").param(sourceName).update();
		logger.info("Operator {} reset the schedule of source {} to its configured one", changedBy, sourceName);
		this.events.publishEvent(new ScheduleChanged(sourceName));
		return new Change.Changed(of(sourceName).orElseThrow());
	}

	/** Why a cron expression cannot be used, if it cannot. */
	static Optional<String> problem(String cron) {
		try {
			CronExpression expression = CronExpression.parse(cron);
			if (expression.next(ZonedDateTime.now(ZoneId.systemDefault())) == null) {
				return Optional.of("it never fires");
			}
			return Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.of(ex.getMessage() + "; expected six fields (second minute hour day-of-month month"
					+ " day-of-week) such as '0 0 */6 * * *', or a macro such as '@daily'");
		}
	}

	private SourceSchedule schedule(SourceDefinition source, Map<String, Override> overrides) {
		String configured = (source.schedule() == null || source.schedule().isBlank()) ? null : source.schedule().strip();
		Optional<Override> override = Optional.ofNullable(overrides.get(source.name()));
		// An override with no cron is an operator's "on demand only", not a missing override.
		return new SourceSchedule(source, override.isPresent() ? override.get().cron() : configured, configured, override);
	}

	private Map<String, Override> overrides() {
		record Row(String source, Override override) {
		}
		return this.jdbc.sql("select source_name, cron, changed_by, changed_at from source_schedule")
			.query((rs, row) -> new Row(rs.getString("source_name"), new Override(rs.getString("cron"),
					rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant())))
			.list()
			.stream()
			.collect(Collectors.toMap(Row::source, Row::override));
	}

	private Optional<SourceDefinition> source(String name) {
		return this.properties.sources().stream().filter((source) -> source.name().equals(name)).findFirst();
	}

}
