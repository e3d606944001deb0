package dev.tpmalerts.embedded;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.LoggerFactory;

import static org.awaitility.Awaitility.await;

/**
 * A second JVM that starts a child through this module and then waits to be killed, so tests can {@code kill -9}
 * the parent of a {@link ChildProcess} without killing the test JVM.
 */
final class ParentJvm implements AutoCloseable {

	private static final Pattern CHILD_PID = Pattern.compile("child-pid=(\\d+)");

	private final Process process;

	private final Path output;

	private ParentJvm(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	/** Starts {@code main} with only this module's classes, its test classes and slf4j-api on the class path. */
	static ParentJvm start(Class<?> main, Path output, List<String> arguments) throws IOException {
		String classpath = String.join(File.pathSeparator, locationOf(main), locationOf(ChildProcess.class),
				locationOf(LoggerFactory.class));
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", classpath, main.getName()));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.start();
		return new ParentJvm(process, output);
	}

	private static String locationOf(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the classes of " + type.getName() + ".", ex);
		}
	}

	/** Waits until the parent prints {@code child-pid=N}, and returns N. */
	long awaitChildPid(Duration timeout) {
		return await("the parent JVM to print its child's pid (output in " + this.output + ")").atMost(timeout)
			.pollInterval(Duration.ofMillis(100))
			.until(this::childPid, Optional::isPresent)
			.orElseThrow();
	}

	private Optional<Long> childPid() throws IOException {
		if (!this.process.isAlive()) {
			throw new IllegalStateException("The parent JVM exited with code " + this.process.exitValue()
					+ " before printing its child's pid:\n" + Files.readString(this.output, StandardCharsets.UTF_8));
		}
		Matcher matcher = CHILD_PID.matcher(Files.readString(this.output, StandardCharsets.UTF_8));
		return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
	}

	long pid() {
		return this.process.pid();
	}

	/** {@code kill -9}: no shutdown hook runs. */
	void killHard() {
		this.process.destroyForcibly();
	}

	@Override
	public void close() {
		this.process.destroyForcibly();
	}

}
