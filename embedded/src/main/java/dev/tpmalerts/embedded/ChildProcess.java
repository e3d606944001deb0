package dev.tpmalerts.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child process that dies with this JVM, even after {@code kill -9} of this JVM, so a crashed test run never
 * leaves an Elasticsearch node or a Kafka broker holding memory and ports.
 *
 * <p>
 * Two mechanisms stop the child. A JVM shutdown hook covers normal exits and {@code SIGTERM}/{@code SIGINT}. On
 * Linux the command also runs through {@code setpriv --pdeathsig SIGTERM}, so the kernel sends the child
 * {@code SIGTERM} when its parent dies, including by {@code SIGKILL}, which runs no hook. The kernel fires that
 * signal when the <em>thread</em> that forked the child exits, not the process, so every fork happens on one
 * daemon thread owned by this class that lives as long as the JVM.
 *
 * <p>
 * A command that itself starts with {@code setpriv} (to drop root, as {@link ElasticsearchNode} does) gets
 * {@code --pdeathsig SIGTERM} merged into that one {@code setpriv}: the kernel clears the parent-death signal when
 * a process changes its credentials, and observed with util-linux 2.38.1: a nested
 * {@code setpriv --pdeathsig SIGTERM -- setpriv --reuid=65534 … -- sleep} survived the {@code kill -9} of its
 * parent, while a single {@code setpriv --reuid=65534 --regid=65534 --clear-groups --pdeathsig SIGTERM -- sleep}
 * died with it, whatever the order of the options (setpriv sets the signal after changing the ids).
 */
public final class ChildProcess implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);

	private static final Duration GRACE = Duration.ofSeconds(20);

	private static final Duration FORCE_GRACE = Duration.ofSeconds(5);

	/**
	 * The one thread that forks every child. Never shut down: when it exits, the kernel signals every child it
	 * forked. Tasks are submitted, never executed, so an exception cannot kill the thread and have it replaced.
	 */
	private static final ExecutorService LAUNCHER = launcher();

	private final String name;

	private final Process process;

	private final Path logFile;

	private final Thread shutdownHook;

	private boolean closed;

	private ChildProcess(String name, Process process, Path logFile) {
		this.name = name;
		this.process = process;
		this.logFile = logFile;
		this.shutdownHook = new Thread(this::stop, "stop " + name);
	}

	/**
	 * Starts a child process.
	 * @param name a name for log lines, e.g. {@code "Elasticsearch 9.2.4"}
	 * @param command the program and its arguments
	 * @param workDir the child's working directory; must exist
	 * @param env variables added to this JVM's environment for the child
	 * @param logFile where the child's stdout and stderr go (appended); created with its parent folders
	 * @return the running child
	 * @throws IOException if the program cannot be started
	 */
	public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
			Path logFile) throws IOException {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(command, "command");
		Objects.requireNonNull(workDir, "workDir");
		Objects.requireNonNull(env, "env");
		Objects.requireNonNull(logFile, "logFile");
		if (command.isEmpty()) {
			throw new IllegalArgumentException("The command to start " + name + " is empty.");
		}
		if (!Files.isDirectory(workDir)) {
			throw new IOException("Cannot start " + name + ": its working directory " + workDir + " does not exist.");
		}
		Path absoluteLog = logFile.toAbsolutePath();
		Files.createDirectories(absoluteLog.getParent());
		List<String> fullCommand = withParentDeathSignal(command, Setpriv.path());
		ProcessBuilder builder = new ProcessBuilder(fullCommand).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(Redirect.appendTo(absoluteLog.toFile()));
		builder.environment().putAll(env);
		ChildProcess child = new ChildProcess(name, launch(builder, name), absoluteLog);
		try {
			Runtime.getRuntime().addShutdownHook(child.shutdownHook);
		}
		catch (IllegalStateException ex) {
			child.stop();
			throw new IOException("Cannot start " + name + " because this JVM is shutting down.", ex);
		}
		log.info("Started {} as process {}; its output goes to {}.", name, child.pid(), absoluteLog);
		return child;
	}

	/**
	 * Adds the parent-death signal to a command: merged into a leading {@code setpriv}, else as a {@code setpriv}
	 * wrapper; unchanged when {@code setpriv} is not available.
	 */
	static List<String> withParentDeathSignal(List<String> command, Optional<String> setpriv) {
		if (setpriv.isEmpty()) {
			return List.copyOf(command);
		}
		List<String> result = new ArrayList<>();
		if (isSetpriv(command.get(0))) {
			result.add(command.get(0));
			if (command.stream().noneMatch((argument) -> argument.startsWith("--pdeathsig"))) {
				result.add("--pdeathsig");
				result.add("SIGTERM");
			}
			result.addAll(command.subList(1, command.size()));
			return List.copyOf(result);
		}
		result.add(setpriv.get());
		result.add("--pdeathsig");
		result.add("SIGTERM");
		result.add("--");
		result.addAll(command);
		return List.copyOf(result);
	}

	private static boolean isSetpriv(String program) {
		return new File(program).getName().equals("setpriv");
	}

	private static Process launch(ProcessBuilder builder, String name) throws IOException {
		Future<Process> launched = LAUNCHER.submit(builder::start);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return launched.get();
				}
				catch (InterruptedException ex) {
					// Wait anyway: giving up here could leave a started child nobody stops.
					interrupted = true;
				}
			}
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			throw new IOException("Could not start " + name + " with " + builder.command() + ": " + cause.getMessage(),
					cause);
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static ExecutorService launcher() {
		ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
				new LinkedBlockingQueue<>(), (task) -> {
					Thread thread = new Thread(task, "child-process-launcher");
					thread.setDaemon(true);
					return thread;
				});
		executor.prestartCoreThread();
		return executor;
	}

	/** Whether the child is still running. */
	public boolean isAlive() {
		return this.process.isAlive();
	}

	/** The child's process id (the program itself: {@code setpriv} replaces itself with it). */
	public long pid() {
		return this.process.pid();
	}

	/** Where the child's stdout and stderr go. */
	public Path logFile() {
		return this.logFile;
	}

	/**
	 * Waits for the child to exit on its own.
	 * @param timeout how long to wait
	 * @return its exit code, or empty if it is still running after the timeout
	 * @throws InterruptedIOException if this thread is interrupted while waiting
	 */
	public OptionalInt waitForExit(Duration timeout) throws InterruptedIOException {
		try {
			if (this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return OptionalInt.of(this.process.exitValue());
			}
			return OptionalInt.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("Interrupted while waiting for " + this.name + " to exit.");
		}
	}

	/**
	 * Stops the child and the processes it started: {@code SIGTERM}, up to 20 s to exit, then {@code SIGKILL}.
	 * Idempotent; a second caller waits until the first has finished.
	 */
	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// The JVM is shutting down and the hook is already running or about to: stopping twice is harmless.
		}
		stop();
	}

	private synchronized void stop() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		List<ProcessHandle> descendants = this.process.descendants().toList();
		if (!this.process.isAlive()) {
			stopAll(descendants);
			log.debug("{} (process {}) had already exited with code {}.", this.name, pid(), this.process.exitValue());
			return;
		}
		long started = System.nanoTime();
		this.process.destroy();
		long deadline = started + GRACE.toNanos();
		boolean stopped = awaitExit(this.process.toHandle(), deadline);
		if (stopped) {
			// Children normally stop with their parent; signal the ones that did not.
			descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
			stopped = descendants.stream().allMatch((handle) -> awaitExit(handle, deadline));
		}
		if (!stopped) {
			log.warn("{} (process {}) did not stop within {} s of SIGTERM, so it is being killed; see {}.", this.name,
					pid(), GRACE.toSeconds(), this.logFile);
			Stream.concat(Stream.of(this.process.toHandle()), descendants.stream())
				.filter(ProcessHandle::isAlive)
				.forEach(ProcessHandle::destroyForcibly);
			long forceDeadline = System.nanoTime() + FORCE_GRACE.toNanos();
			Stream.concat(Stream.of(this.process.toHandle()), descendants.stream())
				.forEach((handle) -> awaitExit(handle, forceDeadline));
		}
		log.info("Stopped {} (process {}) in {} s.", this.name, pid(),
				String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
	}

	private static void stopAll(List<ProcessHandle> handles) {
		handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
		long deadline = System.nanoTime() + GRACE.toNanos();
		for (ProcessHandle handle : handles) {
			if (!awaitExit(handle, deadline)) {
				handle.destroyForcibly();
			}
		}
	}

	private static boolean awaitExit(ProcessHandle handle, long deadlineNanos) {
		long remaining = deadlineNanos - System.nanoTime();
		try {
			handle.onExit().get(Math.max(remaining, 1), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return !handle.isAlive();
		}
		catch (ExecutionException ex) {
			return !handle.isAlive();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !handle.isAlive();
		}
	}

	@Override
	public String toString() {
		return this.name + " (process " + pid() + ")";
	}

	/** Finds {@code setpriv} once, and only where it can set a parent-death signal. */
	static final class Setpriv {

		private static final Optional<String> PATH = find();

		private Setpriv() {
		}

		static Optional<String> path() {
			return PATH;
		}

		private static Optional<String> find() {
			if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
				return Optional.empty();
			}
			List<String> folders = new ArrayList<>(
					List.of(Objects.requireNonNullElse(System.getenv("PATH"), "").split(File.pathSeparator)));
			folders.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
			Optional<String> found = folders.stream()
				.filter((folder) -> !folder.isBlank())
				.map((folder) -> Path.of(folder, "setpriv"))
				.filter(Files::isExecutable)
				.map(Path::toString)
				.findFirst();
			if (found.isEmpty()) {
				log.warn("setpriv was not found on the PATH, so child processes will outlive this JVM if it is killed"
						+ " with SIGKILL; install util-linux to make them die with it.");
			}
			return found;
		}

	}

}
