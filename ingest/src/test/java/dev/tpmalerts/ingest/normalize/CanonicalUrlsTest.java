package dev.tpmalerts.ingest.normalize;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalUrlsTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			https://careers.example.com/jobs/42?utm_source=linkedin&utm_medium=job_post&utm_campaign=q4 | https://careers.example.com/jobs/42
			https://careers.example.com/jobs/42?UTM_Source=x&Utm_Term=y                                   | https://careers.example.com/jobs/42
			https://careers.example.com/jobs/42?gclid=EAIaIQobChMI&fbclid=IwAR0                          | https://careers.example.com/jobs/42
			https://careers.example.com/jobs/42?gh_src=8f2a1c7d1us&lever-source=indeed                   | https://careers.example.com/jobs/42
			https://careers.example.com/jobs/42#apply                                                    | https://careers.example.com/jobs/42
			https://Careers.EXAMPLE.com/jobs/42                                                          | https://careers.example.com/jobs/42
			HTTPS://careers.example.com/Jobs/Senior-TPM                                                  | https://careers.example.com/Jobs/Senior-TPM
			https://careers.example.com:443/jobs/42                                                      | https://careers.example.com/jobs/42
			http://careers.example.com:80/jobs/42                                                        | http://careers.example.com/jobs/42
			https://careers.example.com:8443/jobs/42                                                     | https://careers.example.com:8443/jobs/42
			http://careers.example.com:443/jobs/42                                                       | http://careers.example.com:443/jobs/42
			https://careers.example.com/jobs/42/                                                         | https://careers.example.com/jobs/42
			https://careers.example.com                                                                  | https://careers.example.com/
			https://careers.example.com/                                                                 | https://careers.example.com/
			https://careers.example.com/jobs?team=eng&page=2&dept=tpm                                    | https://careers.example.com/jobs?dept=tpm&page=2&team=eng
			https://careers.example.com/openings?utm_source=atom&gh_jid=5561204#top                      | https://careers.example.com/openings?gh_jid=5561204
			https://careers.example.com/jobs/42?                                                         | https://careers.example.com/jobs/42
			https://careers.example.com/search?q=program%20manager&utm_campaign=c                        | https://careers.example.com/search?q=program%20manager
			'  https://careers.example.com/jobs/42  '                                                    | https://careers.example.com/jobs/42
			""")
	void shouldCanonicalize(String url, String canonical) {
		assertThat(CanonicalUrls.canonicalize(url)).isEqualTo(canonical);
	}

	@Test
	void shouldGiveTheSameUrlForTheSameJobWhateverTheTrackingAndOrder() {
		String fromFeed = CanonicalUrls.canonicalize(
				"https://Jobs.Example.com/job/R-30917/?utm_source=digest&b=2&a=1&utm_medium=rss#details");
		String fromPage = CanonicalUrls.canonicalize("https://jobs.example.com/job/R-30917?a=1&b=2");

		assertThat(fromFeed).isEqualTo(fromPage);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "not a url", "https://exa mple.com/jobs/1", "/jobs/42", "careers.example.com/jobs/42",
			"mailto:jobs@example.com", "https://" })
	void shouldRejectAnInvalidUrlNamingIt(String url) {
		assertThatThrownBy(() -> CanonicalUrls.canonicalize(url)).isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("url '" + url + "'");
	}

	@Test
	void shouldRejectAUrlThatIsNotHttp() {
		assertThatThrownBy(() -> CanonicalUrls.canonicalize("ftp://files.example.com/jobs/42.pdf"))
			.isInstanceOf(RejectedPostingException.class)
			.hasMessageContaining("ftp://files.example.com/jobs/42.pdf");
	}

}
