package dev.tpmalerts.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tpmalerts.embedded.ChildProcess;
import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.KafkaBroker;
import dev.tpmalerts.embedded.StartupListener;

/**
 * {@code ./tpm-alerts ingest [--source NAME] [--sources FILE] [--kafka HOST:PORT] [--jdbc-url URL]}: runs the scrape
 * job now for one source or all of them and shows its progress. Without {@code --kafka} it starts an embedded
 * broker; without {@code --sources} it reads the bundled samples, served on loopback; without {@code --jdbc-url}
 * the job repository is an H2 file under {@code .tpm-alerts/ingest}. The exit code is 0 when every run completed.
 */
public final class IngestCommand {

	private static final Pattern PROGRESS = Pattern
		.compile("Source .* listed|did not run|Published a chunk|Scrape job|Scrape run finished|Rejected a record|resumed|recovering|ERROR|Exception");

	private IngestCommand() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = parse(args);
		Path home = Path.of(System.getProperty("tpm.ingest.dir", ".tpm-alerts/ingest")).toAbsolutePath();
		Files.createDirectories(home);
		Path samples = Path.of(System.getProperty("tpm.samples.dir", "samples")).toAbsolutePath();
		StartupListener progress = (server, message) -> System.out.println(server + ": " + message);
		List<AutoCloseable> started = new ArrayList<>();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(started), "ingest-command-shutdown"));
		String kafka = options.get("kafka");
		if (kafka == null) {
			KafkaBroker broker = KafkaBroker.start(home.resolve("kafka"), progress);
			started.add(broker);
			kafka = broker.bootstrapServers();
		}
		Map<String, String> properties = new LinkedHashMap<>();
		if (options.containsKey("sources")) {
			properties.put("spring.config.import", "file:" + Path.of(options.get("sources")).toAbsolutePath());
		}
		else {
			StaticSite site = StaticSite.serve(samples);
			started.add(site);
			properties.put("spring.config.import", "file:" + samples.resolve("sources.yml"));
			properties.put("tpm.samples.base-url", site.baseUrl());
			// Every sample is served by one loopback server: no need to space the requests out as for the web.
			properties.put("tpm.ingest.fetch.default-min-interval", "0ms");
			System.out.println("samples: serving " + samples + " at " + site.baseUrl());
		}
		properties.put("spring.kafka.bootstrap-servers", kafka);
		properties.put("spring.datasource.url",
				options.getOrDefault("jdbc-url", "jdbc:h2:file:" + home.resolve("data/ingest") + ";AUTO_SERVER=TRUE"));
		if (options.containsKey("jdbc-user")) {
			properties.put("spring.datasource.username", options.get("jdbc-user"));
			properties.put("spring.datasource.password", options.getOrDefault("jdbc-password", ""));
		}
		properties.put("tpm.ingest.run-now", options.getOrDefault("source", "all"));
		properties.put("tpm.ingest.exit-after-run", "true");
		properties.put("tpm.ingest.schedules-enabled", "false");
		properties.put("spring.main.web-application-type", "none");
		System.out.println("ingest: running " + ("all".equals(properties.get("tpm.ingest.run-now")) ? "every source"
				: "source " + properties.get("tpm.ingest.run-now")) + " (log: " + home.resolve("ingest.log") + ")");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-jar", ApplicationStack.defaultAppsDir().resolve("tpm-alerts-ingest-exec.jar").toString(),
				"--server.port=" + FreePorts.next()));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		Files.deleteIfExists(home.resolve("ingest.log"));
		ChildProcess ingest = ChildProcess.start("ingest", command, home, Map.of(), home.resolve("ingest.log"));
		started.add(ingest);
		int exit = follow(ingest, home.resolve("ingest.log"));
		System.exit(exit);
	}

	/** Prints the log lines a person follows a run by, until the application exits; returns its exit code. */
	private static int follow(ChildProcess ingest, Path log) throws IOException, InterruptedException {
		int printed = 0;
		while (true) {
			boolean alive = ingest.isAlive();
			if (Files.exists(log)) {
				List<String> lines = Files.readAllLines(log);
				for (; printed < lines.size(); printed++) {
					String line = lines.get(printed);
					if (PROGRESS.matcher(line).find()) {
						System.out.println("  " + line.replaceFirst("^\\S+\\s+(INFO|WARN|ERROR)\\s+\\d+\\s+---\\s+(\\[[^]]*\\]\\s+)+\\S+\\s+:\\s+", ""));
					}
				}
			}
			if (!alive) {
				return ingest.waitForExit(Duration.ofSeconds(5)).orElse(1);
			}
			Thread.sleep(200);
		}
	}

	private static Map<String, String> parse(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--") || i + 1 >= args.length) {
				throw new IllegalArgumentException("Expected '--option value' pairs (--source, --sources, --kafka, "
						+ "--jdbc-url, --jdbc-user, --jdbc-password); got '" + arg + "'");
			}
			options.put(arg.substring(2).toLowerCase(Locale.ROOT), args[++i]);
		}
		return options;
	}

	private static void closeAll(List<AutoCloseable> started) {
		for (int i = started.size() - 1; i >= 0; i--) {
			try {
				started.get(i).close();
			}
			catch (Exception ex) {
				System.err.println("Could not stop " + started.get(i) + ": " + ex.getMessage());
			}
		}
	}

}
