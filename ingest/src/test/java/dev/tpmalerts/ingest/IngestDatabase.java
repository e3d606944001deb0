package dev.tpmalerts.ingest;

import org.flywaydb.core.Flyway;

import dev.tpmalerts.embedded.PostgresDatabases.Database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Ingest's schema (the Flyway migrations of {@code db/ingest}) on a test database. */
public final class IngestDatabase {

	private IngestDatabase() {
	}

	/** Migrates the database to ingest's schema and returns a client on it. */
	public static JdbcClient migrate(Database database) {
		Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/ingest")
			.load()
			.migrate();
		return JdbcClient.create(new DriverManagerDataSource(database.url(), database.username(), database.password()));
	}

}
