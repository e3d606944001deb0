package dev.tpmalerts.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.PostgresDatabases;

/**
 * Starts ingest, matcher and notifier from their executable jars, wired to the given servers. The same wiring
 * serves the demo and the end-to-end tests, so the tests prove what the demo runs.
 */
public final class ApplicationStack implements AutoCloseable {

	/**
	 * The matcher's demo recruiter: the matcher runs with its {@code dev} profile, whose demo users and passwords
	 * are published in the README; never a production login.
	 */
	public static final String DEMO_RECRUITER = "recruiter";

	/** The password of {@link #DEMO_RECRUITER} (dev profile only). */
	public static final String DEMO_RECRUITER_PASSWORD = "recruiter-demo-password";

	/** Where the servers the applications talk to listen. */
	public record Servers(String kafkaBootstrapServers, String elasticsearchUrl, int smtpPort) {

	}

	/** A JDBC database an application owns. */
	public record Database(String url, String username, String password) {

		/** The first column of every row a query returns, as text: what the application wrote. */
		public List<String> query(String sql) throws SQLException {
			return PostgresDatabases.query(this.url, this.username, this.password, sql);
		}

	}

	private final Path appsDir;

	private final Path workDir;

	private final List<AppProcess> started = new ArrayList<>();

	public ApplicationStack(Path appsDir, Path workDir) {
		this.appsDir = appsDir;
		this.workDir = workDir;
	}

	/** The folder with the jars: system property {@code tpm.apps.dir}, else {@code target/apps}. */
	public static Path defaultAppsDir() {
		return Path.of(System.getProperty("tpm.apps.dir", "target/apps"));
	}

	public AppProcess startMatcher(Servers servers) throws IOException {
		Map<String, String> properties = kafka(servers);
		properties.put("spring.elasticsearch.uris", servers.elasticsearchUrl());
		// The dev profile's demo users (recruiter, operator) let the demo and the end-to-end tests search.
		properties.put("spring.profiles.active", "dev");
		return start("matcher", FreePorts.next(), properties);
	}

	public AppProcess startNotifier(Servers servers, Database database) throws IOException {
		int port = FreePorts.next();
		Map<String, String> properties = kafka(servers);
		properties.putAll(jdbc(database));
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", String.valueOf(servers.smtpPort()));
		properties.put("tpm.notifier.base-url", "http://127.0.0.1:" + port);
		// The dev profile's demo users: the recruiter reads the demand insight, the operator the actuator.
		properties.put("spring.profiles.active", "dev");
		return start("notifier", port, properties);
	}

	/** Starts ingest with the sources of a Spring YAML file; it runs the scrape job once at start. */
	public AppProcess startIngest(Servers servers, Database database, Path sourcesFile, String samplesBaseUrl)
			throws IOException {
		return startIngest(servers, database, sourcesFile, samplesBaseUrl, Map.of());
	}

	/** As {@link #startIngest(Servers, Database, Path, String)}, with more properties (they win). */
	public AppProcess startIngest(Servers servers, Database database, Path sourcesFile, String samplesBaseUrl,
			Map<String, String> more) throws IOException {
		Map<String, String> properties = kafka(servers);
		properties.putAll(jdbc(database));
		properties.put("spring.config.import", "file:" + sourcesFile.toAbsolutePath());
		properties.put("tpm.samples.base-url", samplesBaseUrl);
		properties.put("tpm.ingest.run-on-startup", "true");
		// Every sample is served by one loopback server: no need to space the requests out as for the web.
		properties.put("tpm.ingest.fetch.default-min-interval", "0ms");
		properties.putAll(more);
		return start("ingest", FreePorts.next(), properties);
	}

	private AppProcess start(String name, int port, Map<String, String> properties) throws IOException {
		Path jar = this.appsDir.resolve("tpm-alerts-" + name + "-exec.jar");
		AppProcess app = AppProcess.start(name, jar, port, properties, this.workDir.resolve(name));
		this.started.add(app);
		return app;
	}

	private static Map<String, String> kafka(Servers servers) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers());
		return properties;
	}

	private static Map<String, String> jdbc(Database database) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", database.url());
		properties.put("spring.datasource.username", database.username());
		properties.put("spring.datasource.password", database.password());
		return properties;
	}

	/** Stops the applications, last started first. */
	@Override
	public void close() {
		for (int i = this.started.size() - 1; i >= 0; i--) {
			this.started.get(i).close();
		}
		this.started.clear();
	}

}
