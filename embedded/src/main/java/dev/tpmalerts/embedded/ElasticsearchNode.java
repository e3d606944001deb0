package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Elasticsearch server on loopback, run as a child process from the official distribution
 * that Maven Central publishes, so tests and the demo talk to the same server as production without Docker.
 *
 * <p>
 * Elasticsearch refuses to run as root. When this JVM is root, the node runs as {@code nobody} (65534) through
 * {@code setpriv --reuid=65534 --regid=65534 --clear-groups} with its work folder given to that user; every folder
 * above the work folder must then be enterable by others. The process tree is {@code setpriv}, replaced by the
 * Elasticsearch launcher JVM, which starts the server JVM; on {@code SIGTERM} the launcher stops the server
 * gracefully, and the server also exits when the launcher's pipe to it closes.
 *
 * <p>
 * Observed on this project's machines (root, 2 cores, Elasticsearch 9.2.4 on Temurin 25): {@link ChildProcess}
 * merges {@code --pdeathsig SIGTERM} into the {@code setpriv} that drops root (a nested second {@code setpriv}
 * would lose it, since changing credentials clears the signal). After {@code kill -9} of a JVM that had started a
 * node, both Elasticsearch JVMs (launcher and server, running as {@code nobody}) were gone within a few seconds,
 * the server logging a clean "stopping … closed"; {@code ElasticsearchNodeIT} checks this on every build.
 */
public final class ElasticsearchNode implements AutoCloseable {

	private static final String SERVER = "elasticsearch";

	private static final int NOBODY = 65534;

	private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);

	private static final int LOG_LINES_ON_FAILURE = 40;

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchNode.class);

	private static ElasticsearchNode shared;

	private final String version;

	private final ChildProcess process;

	private final int httpPort;

	private final Path workDir;

	private final boolean deleteWorkDirOnClose;

	private ElasticsearchNode(String version, ChildProcess process, int httpPort, Path workDir,
			boolean deleteWorkDirOnClose) {
		this.version = version;
		this.process = process;
		this.httpPort = httpPort;
		this.workDir = workDir;
		this.deleteWorkDirOnClose = deleteWorkDirOnClose;
	}

	/**
	 * Starts a node and blocks until its cluster health is yellow or green.
	 * @param workDir the node's own folder (config copy, data, logs, tmp); created if missing, data kept between
	 * starts
	 * @param listener hears the start and how long it took
	 * @return the running node
	 * @throws IOException if the node cannot start or does not become healthy; the message has its last 40 log
	 * lines
	 */
	public static ElasticsearchNode start(Path workDir, StartupListener listener) throws IOException {
		return start(workDir, FreePorts.next(), listener, false);
	}

	/**
	 * Starts a node on the given HTTP port and blocks until its cluster health is yellow or green. Closing a node
	 * started with {@link #start(Path, StartupListener)} keeps its folder, so starting again on the same folder
	 * and {@link #httpPort()} brings back the same data at the same address, as a restarted server would.
	 * @param workDir the node's own folder; created if missing, data kept between starts
	 * @param httpPort the HTTP port on 127.0.0.1
	 * @param listener hears the start and how long it took
	 * @return the running node
	 * @throws IOException if the node cannot start or does not become healthy
	 */
	public static ElasticsearchNode start(Path workDir, int httpPort, StartupListener listener) throws IOException {
		return start(workDir, httpPort, listener, false);
	}

	/**
	 * The one node of this JVM for tests: started on first use under a temporary folder, stopped and deleted by a
	 * shutdown hook, and started again if someone closed it.
	 * @return the running shared node
	 * @throws UncheckedIOException if it cannot start
	 */
	public static synchronized ElasticsearchNode shared() {
		if (shared != null && shared.isAlive()) {
			return shared;
		}
		Path dir = null;
		try {
			dir = Files.createTempDirectory("tpm-alerts-es-node-");
			ElasticsearchNode node = start(dir, FreePorts.next(), StartupListener.NONE, true);
			Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stop shared Elasticsearch node"));
			shared = node;
			return node;
		}
		catch (IOException ex) {
			deleteQuietly(dir);
			throw new UncheckedIOException("Could not start the shared Elasticsearch node: " + ex.getMessage(), ex);
		}
	}

	private static ElasticsearchNode start(Path workDir, int httpPort, StartupListener listener,
			boolean deleteWorkDirOnClose) throws IOException {
		Objects.requireNonNull(workDir, "workDir");
		Objects.requireNonNull(listener, "listener");
		Path dir = workDir.toAbsolutePath().normalize();
		ElasticsearchDistribution distribution = ElasticsearchDistribution.prepare(listener);
		NodeFolders folders = NodeFolders.create(dir, distribution);
		int transportPort = FreePorts.next();
		List<String> command = new ArrayList<>();
		if (EmbeddedFiles.runningAsRoot()) {
			command.addAll(dropRoot(dir));
		}
		command.add(distribution.home().resolve("bin/elasticsearch").toString());
		command.addAll(List.of("-Ediscovery.type=single-node", "-Enetwork.host=127.0.0.1", "-Ehttp.port=" + httpPort,
				"-Etransport.port=" + transportPort, "-Expack.security.enabled=false",
				"-Ecluster.routing.allocation.disk.threshold_enabled=false", "-Epath.data=" + folders.data(),
				"-Epath.logs=" + folders.logs()));
		Map<String, String> env = Map.of("ES_JAVA_HOME", distribution.javaHome().toString(), "ES_PATH_CONF",
				folders.config().toString(), "ES_TMPDIR", folders.tmp().toString(), "ES_JAVA_OPTS",
				"-Xms512m -Xmx512m");
		listener.onEvent(SERVER, "starting " + distribution.version() + " on port " + httpPort);
		long started = System.nanoTime();
		ChildProcess process = ChildProcess.start("Elasticsearch " + distribution.version(), command, dir, env,
				folders.console());
		ElasticsearchNode node = new ElasticsearchNode(distribution.version(), process, httpPort, dir,
				deleteWorkDirOnClose);
		try {
			node.awaitHealthy(started);
		}
		catch (IOException | RuntimeException ex) {
			process.close();
			throw ex;
		}
		String seconds = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9);
		log.info("Elasticsearch {} is ready at {} after {} s; its folder is {}.", node.version, node.httpUrl(),
				seconds, dir);
		listener.onEvent(SERVER, "ready in " + seconds + " s");
		return node;
	}

	/** The {@code setpriv} prefix that runs the node as nobody, with its folder handed over to that user. */
	private static List<String> dropRoot(Path dir) throws IOException {
		String setpriv = ChildProcess.Setpriv.path()
			.orElseThrow(() -> new IOException("Elasticsearch refuses to run as root and this JVM is root, but setpriv"
					+ " (util-linux) is not installed to start it as user " + NOBODY + "; install util-linux or run"
					+ " as another user."));
		for (Path folder = dir.getParent(); folder != null; folder = folder.getParent()) {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
			if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
				throw new IOException("Elasticsearch runs as user " + NOBODY + " because this JVM is root, and that"
						+ " user cannot enter " + folder + " (mode " + PosixFilePermissions.toString(permissions)
						+ ") above the work folder " + dir + "; choose a work folder under /tmp or open " + folder
						+ " with chmod o+x.");
			}
		}
		EmbeddedFiles.changeOwner(dir, NOBODY, NOBODY);
		return List.of(setpriv, "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups", "--");
	}

	private void awaitHealthy(long startedNanos) throws IOException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		HttpRequest health = HttpRequest
			.newBuilder(URI.create(httpUrl() + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
			.timeout(Duration.ofSeconds(5))
			.build();
		long deadline = startedNanos + STARTUP_TIMEOUT.toNanos();
		String lastAnswer = "no answer yet";
		while (true) {
			if (!this.process.isAlive()) {
				OptionalInt code = this.process.waitForExit(Duration.ofSeconds(1));
				throw new IOException("Elasticsearch " + this.version + " exited with code "
						+ (code.isPresent() ? code.getAsInt() : "unknown") + " before its cluster became healthy."
						+ " Last " + LOG_LINES_ON_FAILURE + " lines of " + this.process.logFile() + ":\n"
						+ LogTail.lastLines(this.process.logFile(), LOG_LINES_ON_FAILURE));
			}
			try {
				HttpResponse<String> response = http.send(health,
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				if (response.statusCode() == 200) {
					return;
				}
				lastAnswer = "HTTP " + response.statusCode() + " " + response.body();
			}
			catch (IOException ex) {
				lastAnswer = ex.toString(); // not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("Interrupted while waiting for Elasticsearch to start.");
			}
			if (System.nanoTime() > deadline) {
				throw new IOException("Elasticsearch " + this.version + " did not report a yellow or green cluster at "
						+ httpUrl() + " within " + STARTUP_TIMEOUT.toSeconds() + " s (last answer: " + lastAnswer
						+ "). Last " + LOG_LINES_ON_FAILURE + " lines of " + this.process.logFile() + ":\n"
						+ LogTail.lastLines(this.process.logFile(), LOG_LINES_ON_FAILURE));
			}
			pause();
		}
	}

	private static void pause() throws InterruptedIOException {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for Elasticsearch to start.");
		}
	}

	/** The base URL of the node's REST API, e.g. {@code http://127.0.0.1:54321}. */
	public String httpUrl() {
		return "http://127.0.0.1:" + this.httpPort;
	}

	/** The node's HTTP port on 127.0.0.1. */
	public int httpPort() {
		return this.httpPort;
	}

	/** The Elasticsearch version this node runs. */
	public String version() {
		return this.version;
	}

	/** The process id of the Elasticsearch launcher; the server JVM is its child. */
	public long pid() {
		return this.process.pid();
	}

	/** Whether the node's process is still running. */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** Stops the node (SIGTERM, then force after 20 s) and, for {@link #shared()}, deletes its folder. */
	@Override
	public void close() {
		this.process.close();
		if (this.deleteWorkDirOnClose) {
			deleteQuietly(this.workDir);
		}
	}

	private static void deleteQuietly(Path dir) {
		if (dir == null) {
			return;
		}
		try {
			EmbeddedFiles.deleteRecursively(dir);
		}
		catch (IOException | RuntimeException ex) {
			log.warn("Could not delete the Elasticsearch folder {}: {}", dir, ex.getMessage());
		}
	}

	@Override
	public String toString() {
		return "Elasticsearch " + this.version + " at " + httpUrl();
	}

	/** The node's writable folders, with a copy of the distribution's config whose relative paths point into them. */
	record NodeFolders(Path config, Path data, Path logs, Path tmp, Path console) {

		/** JVM options that name a file relative to the working directory, which the node may not write to. */
		private static final Pattern RELATIVE_FILE = Pattern.compile("(-XX:ErrorFile=|:file=)([^/:\\s][^:\\s]*)");

		static NodeFolders create(Path dir, ElasticsearchDistribution distribution) throws IOException {
			NodeFolders folders = new NodeFolders(dir.resolve("config"), dir.resolve("data"), dir.resolve("logs"),
					dir.resolve("tmp"), dir.resolve("logs/console.log"));
			Files.createDirectories(dir);
			// A fresh config each start, so a newer distribution or a changed rule here always applies.
			EmbeddedFiles.deleteRecursively(folders.config());
			EmbeddedFiles.copyRecursively(distribution.home().resolve("config"), folders.config());
			Files.createDirectories(folders.data());
			Files.createDirectories(folders.logs());
			Files.createDirectories(folders.tmp());
			Files.deleteIfExists(folders.console());
			folders.rewriteJvmOptions();
			return folders;
		}

		private void rewriteJvmOptions() throws IOException {
			Path options = this.config.resolve("jvm.options");
			List<String> rewritten = new ArrayList<>();
			for (String line : Files.readAllLines(options, StandardCharsets.UTF_8)) {
				if (line.startsWith("#")) {
					rewritten.add(line);
					continue;
				}
				Matcher matcher = RELATIVE_FILE.matcher(line);
				rewritten.add(matcher.replaceAll(
						(match) -> Matcher.quoteReplacement(match.group(1) + this.logs.resolve(match.group(2)))));
			}
			Files.write(options, rewritten, StandardCharsets.UTF_8);
			Path extra = this.config.resolve("jvm.options.d");
			Files.createDirectories(extra);
			Files.writeString(extra.resolve("tpm-embedded.options"),
					"-XX:HeapDumpPath=" + this.logs + System.lineSeparator(), StandardCharsets.UTF_8);
		}

	}

}
