package dev.tpmalerts.ingest.job;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.scheduling.support.CronExpression;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeSchedulerTest {

	@ParameterizedTest(name = "{0} fired at {1}, timer ran at {2}")
	@CsvSource(delimiter = '|', textBlock = """
			0 0 */6 * * *   | 2026-11-25T12:00:00 | 2026-11-25T12:00:00.004
			0 0 */6 * * *   | 2026-11-25T12:00:00 | 2026-11-25T12:00:01.900
			0 */15 * * * *  | 2026-11-25T12:45:00 | 2026-11-25T12:45:02
			0 30 9 * * MON  | 2026-11-23T09:30:00 | 2026-11-23T09:30:00.500
			""")
	void shouldIdentifyARunByItsFireTimeHoweverLateTheTimerRan(String cron, String fired, String ranAt) {
		ZoneId zone = ZoneId.systemDefault();
		Instant now = ZonedDateTime.of(LocalDateTime.parse(ranAt), zone).toInstant();

		Instant fireTime = ScrapeScheduler.lastFireTime(CronExpression.parse(cron), now);

		assertThat(fireTime).isEqualTo(ZonedDateTime.of(LocalDateTime.parse(fired), zone).toInstant());
	}

}
