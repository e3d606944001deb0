package dev.tpmalerts.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Fresh PostgreSQL databases for tests, on the server the machine runs (127.0.0.1:5432, trust auth, user
 * postgres unless {@code TPM_TEST_PG_URL}, {@code TPM_TEST_PG_USER} and {@code TPM_TEST_PG_PASSWORD} say
 * otherwise). Each test run gets its own database, so runs never see each other's rows. Needs the PostgreSQL
 * JDBC driver on the caller's classpath.
 */
public final class PostgresDatabases {

	private static final String ADMIN_URL = env("TPM_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");

	private static final String USER = env("TPM_TEST_PG_USER", "postgres");

	private static final String PASSWORD = env("TPM_TEST_PG_PASSWORD", "");

	private PostgresDatabases() {
	}

	/** A database that a test may use and own. */
	public record Database(String name, String url, String username, String password) {

		/** The first column of every row a query returns, as text: for tests that read what an application wrote. */
		public List<String> query(String sql) throws SQLException {
			return PostgresDatabases.query(this.url, this.username, this.password, sql);
		}

	}

	/** The first column of every row a query returns, as text, from any JDBC database (PostgreSQL, H2). */
	public static List<String> query(String url, String username, String password, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(url, username, password);
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	/** Creates {@code tpm_<prefix>_<random>} and returns how to reach it. */
	public static Database create(String prefix) {
		String name = ("tpm_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase(Locale.ROOT)
			.replaceAll("[^a-z0-9_]", "_");
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + ADMIN_URL + " as " + USER
					+ " (is PostgreSQL running? 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start'): "
					+ ex.getMessage(), ex);
		}
		String url = ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
		return new Database(name, url, USER, PASSWORD);
	}

	/** Drops a database made by {@link #create}, closing its connections first. */
	public static void drop(Database database) {
		try (Connection connection = DriverManager.getConnection(ADMIN_URL, USER, PASSWORD);
				Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database.name() + " with (force)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot drop the test database " + database.name() + ": " + ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
