package dev.tpmalerts.ingest.job;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.source.SourceDefinition;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs each source on its cron schedule. A run is identified by the source and the fire time, so nodes that fire
 * the same schedule share one job instance; a run still in progress makes the next fire a logged no-op.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "tpm.ingest.schedules-enabled", havingValue = "true", matchIfMissing = true)
class ScrapeScheduler implements SchedulingConfigurer {

	private static final Logger logger = LoggerFactory.getLogger(ScrapeScheduler.class);

	private final IngestProperties properties;

	private final ScrapeLauncher launcher;

	ScrapeScheduler(IngestProperties properties, ScrapeLauncher launcher) {
		this.properties = properties;
		this.launcher = launcher;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		for (SourceDefinition source : this.properties.sources()) {
			if (!source.enabled() || source.schedule() == null || source.schedule().isBlank()) {
				continue;
			}
			if (!CronExpression.isValidExpression(source.schedule())) {
				throw new IllegalArgumentException("Source " + source.name() + " has an invalid schedule '"
						+ source.schedule() + "': expected a cron expression such as '0 0 */6 * * *'");
			}
			CronTrigger trigger = new CronTrigger(source.schedule());
			CronExpression cron = CronExpression.parse(source.schedule());
			registrar.addTriggerTask(() -> this.launcher.run(source.name(), "schedule", lastFireTime(cron, Instant.now())),
					trigger);
			logger.info("Source {} is scheduled: {}", source.name(), source.schedule());
		}
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
