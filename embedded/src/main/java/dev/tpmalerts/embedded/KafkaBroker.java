package dev.tpmalerts.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.AppInfoParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) in its own JVM, for the demo: a separate
 * process keeps Scala and the broker's dependencies off the application's class path. Tests use spring-kafka-test's
 * in-process broker instead, which starts faster.
 *
 * <p>
 * Every start formats a fresh, empty log folder: the controller's listener port is chosen anew each time and the
 * standalone quorum records it, so an old folder would point at a stale port.
 */
public final class KafkaBroker implements AutoCloseable {

	/** A class path for the broker JVM, overriding the discovery described on {@link #start}. */
	public static final String CLASSPATH_PROPERTY = "tpm.embedded.kafka-classpath";

	private static final String SERVER = "kafka";

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration FORMAT_TIMEOUT = Duration.ofSeconds(60);

	private static final int LOG_LINES_ON_FAILURE = 40;

	private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);

	private final String version;

	private final ChildProcess process;

	private final String bootstrapServers;

	private KafkaBroker(String version, ChildProcess process, String bootstrapServers) {
		this.version = version;
		this.process = process;
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Formats a fresh log folder and starts a broker, blocking until it answers a metadata request (at most 60 s).
	 * The broker's class path is the system property {@value #CLASSPATH_PROPERTY} if set, else the {@code lib}
	 * folder next to this module's classes or jar ({@code embedded/target/lib}, filled by the build), else this
	 * JVM's class path if it holds the broker.
	 * @param workDir the broker's folder (server.properties, log folder, console log); created if missing
	 * @param listener hears the start and how long it took
	 * @return the running broker
	 * @throws IOException if the broker cannot start; the message has its last 40 log lines
	 */
	public static KafkaBroker start(Path workDir, StartupListener listener) throws IOException {
		Objects.requireNonNull(workDir, "workDir");
		Objects.requireNonNull(listener, "listener");
		Path dir = workDir.toAbsolutePath().normalize();
		Files.createDirectories(dir);
		String version = AppInfoParser.getVersion();
		String classpath = brokerClasspath();
		int brokerPort = FreePorts.next();
		int controllerPort = FreePorts.next();
		Path logDirs = dir.resolve("kraft-combined-logs");
		EmbeddedFiles.deleteRecursively(logDirs);
		Path properties = dir.resolve("server.properties");
		Files.writeString(properties, serverProperties(brokerPort, controllerPort, logDirs), StandardCharsets.UTF_8);
		Path console = dir.resolve("kafka.log");
		Files.deleteIfExists(console);
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

		listener.onEvent(SERVER, "starting " + version + " on port " + brokerPort);
		long started = System.nanoTime();
		format(java, classpath, properties, dir, console);
		List<String> command = new ArrayList<>(List.of(java, "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
				"-Djava.awt.headless=true", "-Dorg.slf4j.simpleLogger.showDateTime=true",
				"-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSS", "-cp", classpath, "kafka.Kafka",
				properties.toString()));
		ChildProcess process = ChildProcess.start("Kafka " + version + " broker", command, dir, Map.of(), console);
		KafkaBroker broker = new KafkaBroker(version, process, "127.0.0.1:" + brokerPort);
		try {
			broker.awaitReady(brokerPort, started);
		}
		catch (IOException | RuntimeException ex) {
			process.close();
			throw ex;
		}
		String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9);
		log.info("Kafka {} is ready at {} after {} s; its folder is {}.", version, broker.bootstrapServers, seconds,
				dir);
		listener.onEvent(SERVER, "ready in " + seconds + " s");
		return broker;
	}

	static String serverProperties(int brokerPort, int controllerPort, Path logDirs) {
		String controller = "127.0.0.1:" + controllerPort;
		return String.join("\n", "# Written by KafkaBroker: one KRaft node that is both broker and controller.",
				"process.roles=broker,controller", "node.id=1",
				"listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://" + controller,
				"advertised.listeners=PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://" + controller,
				"listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
				"inter.broker.listener.name=PLAINTEXT", "controller.listener.names=CONTROLLER",
				"controller.quorum.bootstrap.servers=" + controller,
				// Properties files treat backslashes as escapes; forward slashes work on every platform.
				"log.dirs=" + logDirs.toString().replace('\\', '/'), "num.partitions=3",
				"auto.create.topics.enable=true", "default.replication.factor=1", "min.insync.replicas=1",
				"offsets.topic.replication.factor=1", "transaction.state.log.replication.factor=1",
				"transaction.state.log.min.isr=1", "share.coordinator.state.topic.replication.factor=1",
				"share.coordinator.state.topic.min.isr=1", "group.initial.rebalance.delay.ms=0", "");
	}

	private static void format(String java, String classpath, Path properties, Path dir, Path console)
			throws IOException {
		String clusterId = Uuid.randomUuid().toString();
		List<String> command = List.of(java, "-Xmx256m", "-cp", classpath, "kafka.tools.StorageTool", "format",
				"--standalone", "-t", clusterId, "-c", properties.toString());
		try (ChildProcess format = ChildProcess.start("Kafka storage format", command, dir, Map.of(), console)) {
			OptionalInt code = format.waitForExit(FORMAT_TIMEOUT);
			if (code.isEmpty() || code.getAsInt() != 0) {
				throw new IOException("Formatting the Kafka log folder failed ("
						+ (code.isEmpty() ? "no exit within " + FORMAT_TIMEOUT.toSeconds() + " s"
								: "exit code " + code.getAsInt())
						+ "). Last " + LOG_LINES_ON_FAILURE + " lines of " + console + ":\n"
						+ LogTail.lastLines(console, LOG_LINES_ON_FAILURE));
			}
		}
	}

	private void awaitReady(int brokerPort, long startedNanos) throws IOException {
		long deadline = startedNanos + STARTUP_TIMEOUT.toNanos();
		String lastProblem = "no answer yet";
		// Wait for the port first: an admin client pointed at a closed port fills the log with warnings.
		while (!accepts(brokerPort)) {
			checkRunning(deadline, "the port " + brokerPort + " is not open");
			pause();
		}
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				5_000, AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500))) {
			while (true) {
				try {
					Collection<Node> nodes = admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
					if (!nodes.isEmpty()) {
						return;
					}
					lastProblem = "the cluster has no brokers yet";
				}
				catch (ExecutionException | TimeoutException ex) {
					lastProblem = String.valueOf(ex.getCause() != null ? ex.getCause() : ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new InterruptedIOException("Interrupted while waiting for Kafka to start.");
				}
				checkRunning(deadline, lastProblem);
				pause();
			}
		}
	}

	private void checkRunning(long deadlineNanos, String lastProblem) throws IOException {
		if (!this.process.isAlive()) {
			OptionalInt code = this.process.waitForExit(Duration.ofSeconds(1));
			throw new IOException("The Kafka " + this.version + " broker exited with code "
					+ (code.isPresent() ? code.getAsInt() : "unknown") + " before it answered a metadata request."
					+ " Last " + LOG_LINES_ON_FAILURE + " lines of " + this.process.logFile() + ":\n"
					+ LogTail.lastLines(this.process.logFile(), LOG_LINES_ON_FAILURE));
		}
		if (System.nanoTime() > deadlineNanos) {
			throw new IOException("The Kafka " + this.version + " broker at " + this.bootstrapServers
					+ " did not answer a metadata request within " + STARTUP_TIMEOUT.toSeconds() + " s (last problem: "
					+ lastProblem + "). Last " + LOG_LINES_ON_FAILURE + " lines of " + this.process.logFile() + ":\n"
					+ LogTail.lastLines(this.process.logFile(), LOG_LINES_ON_FAILURE));
		}
	}

	private static boolean accepts(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void pause() throws InterruptedIOException {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for Kafka to start.");
		}
	}

	/** The broker's class path, found as described on {@link #start}. */
	static String brokerClasspath() throws IOException {
		String configured = System.getProperty(CLASSPATH_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		Optional<Path> lib = libFolderNextToThisModule();
		if (lib.isPresent() && holdsBroker(lib.get())) {
			return lib.get() + File.separator + "*";
		}
		if (KafkaBroker.class.getClassLoader().getResource("kafka/Kafka.class") != null) {
			return System.getProperty("java.class.path");
		}
		throw new IOException("Cannot find the Kafka broker's class path: "
				+ lib.map((folder) -> folder + " has no kafka_2.13 jar (run ./mvnw -pl embedded package to fill it)")
					.orElse("this module's classes were not loaded from a folder or jar")
				+ ", kafka.Kafka is not on this JVM's class path, and -D" + CLASSPATH_PROPERTY + " is not set.");
	}

	/** {@code target/lib} for both {@code target/classes} and {@code target/tpm-alerts-embedded-*.jar}. */
	private static Optional<Path> libFolderNextToThisModule() {
		CodeSource source = KafkaBroker.class.getProtectionDomain().getCodeSource();
		if (source == null || source.getLocation() == null) {
			return Optional.empty();
		}
		try {
			Path location = Path.of(source.getLocation().toURI());
			return Optional.ofNullable(location.getParent()).map((parent) -> parent.resolve("lib"));
		}
		catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException ex) {
			return Optional.empty();
		}
	}

	private static boolean holdsBroker(Path lib) throws IOException {
		if (!Files.isDirectory(lib)) {
			return false;
		}
		try (Stream<Path> jars = Files.list(lib)) {
			return jars.anyMatch((jar) -> jar.getFileName().toString().startsWith("kafka_2.13-"));
		}
	}

	/** Where clients connect, e.g. {@code 127.0.0.1:54321}. */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/** The Kafka version the broker runs. */
	public String version() {
		return this.version;
	}

	/** The broker JVM's process id. */
	public long pid() {
		return this.process.pid();
	}

	/** Whether the broker's process is still running. */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/**
	 * Stops the broker with SIGTERM (a controlled shutdown; after a {@code kill -9} a broker reusing the folder would
	 * wait about 10 s for the old session to expire), forcing it after 20 s.
	 */
	@Override
	public void close() {
		this.process.close();
	}

	@Override
	public String toString() {
		return "Kafka " + this.version + " broker at " + this.bootstrapServers;
	}

}
