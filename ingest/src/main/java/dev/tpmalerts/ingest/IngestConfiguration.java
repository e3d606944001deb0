package dev.tpmalerts.ingest;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans every part of ingest shares. */
@Configuration(proxyBeanMethods = false)
class IngestConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
