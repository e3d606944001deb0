package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PostingDatesTest {

	/** Tuesday 15 December 2026, mid-morning UTC. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC);

	@ParameterizedTest(name = "''{0}'' → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			2026-11-03                          | 2026-11-03
			2026-11-03T09:00:00-05:00           | 2026-11-03
			2026-11-13T09:00:00+05:30           | 2026-11-13
			2026-11-04T19:00:00.517Z            | 2026-11-04
			2026-11-10T15:00:00.000+00:00       | 2026-11-10
			2026-11-03T09:00:00                 | 2026-11-03
			2026-11-03 09:00:00                 | 2026-11-03
			Tue, 27 Oct 2026 15:00:00 GMT       | 2026-10-27
			Fri, 06 Nov 2026 10:00:00 +0000     | 2026-11-06
			Mon, 16 Nov 2026 08:00:00 -0800     | 2026-11-16
			1793818800517                       | 2026-11-04
			3 days ago                          | 2026-12-12
			Posted 5 days ago                   | 2026-12-10
			yesterday                           | 2026-12-14
			Yesterday                           | 2026-12-14
			2 weeks ago                         | 2026-12-01
			a month ago                         | 2026-11-15
			an hour ago                         | 2026-12-15
			today                               | 2026-12-15
			Just posted                         | 2026-12-15
			""")
	void shouldReadTheDateSourcesWrite(String value, LocalDate expected) {
		assertThat(PostingDates.parse(value, CLOCK)).contains(expected);
	}

	@ParameterizedTest(name = "''{0}''")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "garbage", "soon", "N/A", "2026-13-45", "11/03/2026" })
	void shouldGiveNoDateForGarbage(String value) {
		assertThat(PostingDates.parse(value, CLOCK)).isEmpty();
	}

}
