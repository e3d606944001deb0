package dev.tpmalerts.ingest.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.ingest.fetch.FetchStates.Validators;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetch state repository on a real PostgreSQL database, and on the H2 database of the demo, both migrated by
 * Flyway from {@code db/ingest}: the migration is portable and the validators round-trip verbatim.
 */
class FetchStatesIT {

	private static final PostgresDatabases.Database database = PostgresDatabases.create("fetch_states_it");

	private static final JdbcClient postgres = migrate(database.url(), database.username(), database.password());

	private static final JdbcClient h2 = migrate("jdbc:h2:mem:fetch_states_" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
			"sa", "");

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-15T10:00:00Z"));

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	static Stream<Arguments> databases() {
		return Stream.of(Arguments.of("PostgreSQL", postgres), Arguments.of("H2", h2));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void shouldRememberTheValidatorsOfAUrlVerbatim(String name, JdbcClient jdbc) {
		FetchStates states = new FetchStates(jdbc, this.clock);
		URI url = uniqueUrl();

		states.remember(url, Optional.of(new Validators("W/\"5f2-abc\"", "Tue, 01 Dec 2026 08:00:00 GMT")));

		assertThat(states.find(url)).contains(new Validators("W/\"5f2-abc\"", "Tue, 01 Dec 2026 08:00:00 GMT"));
		assertThat(jdbc.sql("select updated_at from fetch_state where url = ?")
			.param(url.toString())
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.single()).isEqualTo(this.clock.instant());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void shouldReplaceTheValidatorsOfALaterAnswer(String name, JdbcClient jdbc) {
		FetchStates states = new FetchStates(jdbc, this.clock);
		URI url = uniqueUrl();
		states.remember(url, Optional.of(new Validators("\"v1\"", "Tue, 01 Dec 2026 08:00:00 GMT")));
		this.clock.advance(Duration.ofHours(1));

		states.remember(url, Optional.of(new Validators("\"v2\"", null)));

		assertThat(states.find(url)).contains(new Validators("\"v2\"", null));
		assertThat(jdbc.sql("select count(*) from fetch_state where url = ?").param(url.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void shouldForgetAUrlWhoseLatestAnswerHadNoValidators(String name, JdbcClient jdbc) {
		FetchStates states = new FetchStates(jdbc, this.clock);
		URI url = uniqueUrl();
		states.remember(url, Optional.of(new Validators("\"v1\"", null)));

		states.remember(url, Optional.empty());

		assertThat(states.find(url)).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("databases")
	void shouldForgetAUrlOnRequest(String name, JdbcClient jdbc) {
		FetchStates states = new FetchStates(jdbc, this.clock);
		URI url = uniqueUrl();
		states.remember(url, Optional.of(new Validators("\"v1\"", null)));

		states.forget(url);

		assertThat(states.find(url)).isEmpty();
	}

	@Test
	void shouldNotRememberAUrlLongerThanTheColumn() {
		FetchStates states = new FetchStates(postgres, this.clock);
		URI url = URI.create("https://jobs.example/search?q=" + "x".repeat(FetchStates.MAX_URL_LENGTH));

		states.remember(url, Optional.of(new Validators("\"v1\"", null)));

		assertThat(states.find(url)).isEmpty();
	}

	@Test
	void shouldTakeOnlyValidatorsThatFitTheColumns() {
		HttpHeaders headers = HttpHeaders.of(Map.of("ETag", List.of("\"" + "e".repeat(FetchStates.MAX_ETAG_LENGTH) + "\""),
				"Last-Modified", List.of("Tue, 01 Dec 2026 08:00:00 GMT")), (header, value) -> true);

		assertThat(Validators.of(headers)).contains(new Validators(null, "Tue, 01 Dec 2026 08:00:00 GMT"));
		assertThat(Validators.of(HttpHeaders.of(Map.of(), (header, value) -> true))).isEmpty();
	}

	private static URI uniqueUrl() {
		return URI.create("https://boards.example/v1/boards/" + UUID.randomUUID() + "/jobs?content=true");
	}

	private static JdbcClient migrate(String url, String username, String password) {
		Flyway.configure().dataSource(url, username, password).locations("classpath:db/ingest").load().migrate();
		return JdbcClient.create(new DriverManagerDataSource(url, username, password));
	}

}
