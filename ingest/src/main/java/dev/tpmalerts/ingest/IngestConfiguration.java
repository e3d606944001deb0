package dev.tpmalerts.ingest;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Beans every part of ingest shares; scheduling for the sources' schedules and housekeeping. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
