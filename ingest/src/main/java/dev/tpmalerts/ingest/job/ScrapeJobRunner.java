package dev.tpmalerts.ingest.job;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.job.ScrapeLauncher.Launch;

import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The start-up runs: every enabled source when {@code tpm.ingest.run-on-startup} is set, the sources named in
 * {@code tpm.ingest.run-now}; with {@code tpm.ingest.exit-after-run} the application then stops, with exit code 1
 * when a run did not complete (the {@code ./tpm-alerts ingest} command).
 */
@Component
class ScrapeJobRunner implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(ScrapeJobRunner.class);

	private final ScrapeLauncher launcher;

	private final IngestProperties properties;

	private final ConfigurableApplicationContext context;

	ScrapeJobRunner(ScrapeLauncher launcher, IngestProperties properties, ConfigurableApplicationContext context) {
		this.launcher = launcher;
		this.properties = properties;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		List<Launch> launches = new ArrayList<>();
		if (this.properties.runOnStartup() || this.properties.runNow().contains("all")) {
			launches.addAll(this.launcher.runAll("startup"));
		}
		else {
			for (String source : this.properties.runNow()) {
				launches.add(this.launcher.run(source, "command", Instant.now()));
			}
		}
		if (this.properties.exitAfterRun()) {
			boolean allCompleted = launches.stream()
				.allMatch((launch) -> launch instanceof Launch.Ran ran && ran.execution().getStatus() == BatchStatus.COMPLETED);
			launches.stream()
				.filter(Launch.Refused.class::isInstance)
				.forEach((launch) -> logger.warn("Source {} did not run: {}", launch.source(), ((Launch.Refused) launch).reason()));
			int code = allCompleted ? 0 : 1;
			System.exit(SpringApplication.exit(this.context, () -> code));
		}
	}

}
