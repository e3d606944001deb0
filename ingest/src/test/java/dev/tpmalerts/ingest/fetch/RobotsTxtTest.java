package dev.tpmalerts.ingest.fetch;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** How robots.txt is looked up: the name we go by, and the origin whose file applies to a URL. */
class RobotsTxtTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			tpm-alerts/0.1 (+https://github.com/tpm-alerts/tpm-alerts; job-alert aggregator) | tpm-alerts
			TPM_Alerts                                                                       | tpm_alerts
			""")
	void shouldGoByTheProductTokenOfTheUserAgentInLowerCase(String userAgent, String name) {
		assertThat(RobotsTxt.productToken(userAgent)).contains(name);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			https://Boards.Example/v1/jobs?content=true | https://boards.example
			https://boards.example:443/v1/jobs           | https://boards.example
			http://boards.example:80/careers             | http://boards.example
			http://127.0.0.1:8123/careers/gone.html      | http://127.0.0.1:8123
			https://boards.example:8443/jobs             | https://boards.example:8443
			""")
	void shouldApplyTheRobotsTxtOfTheUrlsSchemeHostAndPort(String url, String origin) {
		assertThat(RobotsTxt.origin(URI.create(url))).isEqualTo(origin);
	}

}
