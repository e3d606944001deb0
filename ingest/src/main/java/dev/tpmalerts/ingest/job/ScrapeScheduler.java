package dev.tpmalerts.ingest.job;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.job.SourceSchedules.ScheduleChanged;
import dev.tpmalerts.ingest.job.SourceSchedules.SourceSchedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs each source on its cron schedule ({@link SourceSchedules}: configured, or as an operator changed it), and
 * reschedules a source when its schedule changes, without a restart. A run is identified by the source and the
 * fire time, so nodes that fire the same schedule share one job instance; a run still in progress makes the next
 * fire a logged no-op. Runs start in the background, so one long run never delays another source's schedule.
 */
@Component
@ConditionalOnProperty(name = "tpm.ingest.schedules-enabled", havingValue = "true", matchIfMissing = true)
class ScrapeScheduler implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(ScrapeScheduler.class);

	private final SourceSchedules schedules;

	private final ScrapeLauncher launcher;

	private final TaskScheduler scheduler;

	private final IngestProperties properties;

	/** The cron each scheduled source runs on here, and its timer. */
	private final Map<String, Scheduled> scheduled = new HashMap<>();

	private ScheduledFuture<?> refresh;

	private record Scheduled(String cron, ScheduledFuture<?> future) {

	}

	ScrapeScheduler(SourceSchedules schedules, ScrapeLauncher launcher, TaskScheduler scheduler,
			IngestProperties properties) {
		this.schedules = schedules;
		this.launcher = launcher;
		this.scheduler = scheduler;
		this.properties = properties;
	}

	@Override
	public synchronized void start() {
		for (SourceSchedule schedule : this.schedules.all()) {
			if (schedule.cron() != null && SourceSchedules.problem(schedule.cron()).isPresent()) {
				throw new IllegalArgumentException("Source " + schedule.source().name() + " has an invalid schedule '"
						+ schedule.cron() + "': " + SourceSchedules.problem(schedule.cron()).get());
			}
		}
		reconcile();
		this.refresh = this.scheduler.scheduleWithFixedDelay(this::refresh,
				Instant.now().plus(this.properties.scheduleRefresh()), this.properties.scheduleRefresh());
	}

	@Override
	public synchronized void stop() {
		if (this.refresh != null) {
			this.refresh.cancel(false);
			this.refresh = null;
		}
		this.scheduled.values().forEach((each) -> each.future().cancel(false));
		this.scheduled.clear();
	}

	@Override
	public synchronized boolean isRunning() {
		return this.refresh != null;
	}

	@EventListener
	void onScheduleChanged(ScheduleChanged changed) {
		if (isRunning()) {
			reconcile();
		}
	}

	private void refresh() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			// The database may be away for a moment; the schedules in force go on and the next refresh tries again.
			logger.warn("Could not read the sources' schedules, keeping the current ones: {}", ex.getMessage());
		}
	}

	/** Makes the timers match the schedules: cancels the changed and removed ones, starts the new ones. */
	synchronized void reconcile() {
		Map<String, String> wanted = new HashMap<>();
		for (SourceSchedule schedule : this.schedules.all()) {
			if (schedule.source().enabled() && schedule.cron() != null
					&& SourceSchedules.problem(schedule.cron()).isEmpty()) {
				wanted.put(schedule.source().name(), schedule.cron());
			}
		}
		this.scheduled.entrySet().removeIf((entry) -> {
			if (Objects.equals(wanted.get(entry.getKey()), entry.getValue().cron())) {
				return false;
			}
			entry.getValue().future().cancel(false);
			logger.info("Source {} is no longer scheduled on {}", entry.getKey(), entry.getValue().cron());
			return true;
		});
		wanted.forEach((source, cron) -> {
			if (!this.scheduled.containsKey(source)) {
				CronExpression expression = CronExpression.parse(cron);
				ScheduledFuture<?> future = this.scheduler.schedule(
						() -> this.launcher.start(source, "schedule", lastFireTime(expression, Instant.now())),
						new CronTrigger(cron));
				this.scheduled.put(source, new Scheduled(cron, future));
				logger.info("Source {} is scheduled: {}", source, cron);
			}
		});
	}

	/**
	 * The fire time this run belongs to (the latest time of the schedule not after now), the same on every node
	 * that fires this schedule however late its timer ran.
	 */
	static Instant lastFireTime(CronExpression cron, Instant now) {
		ZonedDateTime current = now.atZone(ZoneId.systemDefault());
		ZonedDateTime fire = null;
		ZonedDateTime next = cron.next(current.minusDays(1));
		for (int i = 0; i < 100_000 && next != null && !next.isAfter(current); i++) {
			fire = next;
			next = cron.next(next);
		}
		return (fire != null) ? fire.toInstant() : now.truncatedTo(ChronoUnit.MINUTES);
	}

}
