package dev.tpmalerts.observability;

import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log-format switch of {@code tpm-observability.yml}, as a stage imports it: TPM_LOG_FORMAT=ecs makes every
 * console line a JSON object; without it the lines are Spring Boot's plain text.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogsTest {

	private static final String LINE = "A scrape run finished for the structured-logs test";

	@Test
	void shouldWriteEcsJsonLinesWhenTpmLogFormatIsEcs(CapturedOutput output) {
		run("--TPM_LOG_FORMAT=ecs");

		List<String> lines = output.getOut().lines().filter((line) -> line.contains(LINE)).toList();
		assertThat(lines).hasSize(1);
		Map<String, Object> json = JsonParserFactory.getJsonParser().parseMap(lines.get(0));
		assertThat(json).containsEntry("message", LINE).containsKeys("@timestamp", "ecs");
		assertThat(json.get("log")).isEqualTo(Map.of("level", "INFO", "logger", StructuredLogsTest.class.getName()));
		assertThat(json.get("service")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("name", "tpm-alerts-structured-logs-test");
	}

	@Test
	void shouldWritePlainTextLinesByDefault(CapturedOutput output) {
		run();

		assertThat(output.getOut().lines().filter((line) -> line.contains(LINE))).singleElement()
			.satisfies((line) -> assertThat(line).doesNotStartWith("{").contains("INFO"));
	}

	private static void run(String... extraArguments) {
		String[] arguments = new String[extraArguments.length + 2];
		arguments[0] = "--spring.config.import=classpath:tpm-observability.yml";
		arguments[1] = "--spring.application.name=tpm-alerts-structured-logs-test";
		System.arraycopy(extraArguments, 0, arguments, 2, extraArguments.length);
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(arguments)) {
			LoggerFactory.getLogger(StructuredLogsTest.class).info(LINE);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
