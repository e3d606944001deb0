package dev.tpmalerts.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.tpmalerts.embedded.ChildProcess;

/** One of the three Spring Boot applications, run from its executable jar as a child process. */
public final class AppProcess implements AutoCloseable {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String name;

	private final int port;

	private final ChildProcess process;

	private AppProcess(String name, int port, ChildProcess process) {
		this.name = name;
		this.port = port;
		this.process = process;
	}

	/**
	 * @param properties Spring properties, passed as {@code --key=value} arguments
	 */
	public static AppProcess start(String name, Path jar, int port, Map<String, String> properties, Path workDir)
			throws IOException {
		if (!Files.isRegularFile(jar)) {
			throw new IOException("The " + name + " application jar " + jar + " is missing; build it with "
					+ "'./mvnw -DskipTests package'");
		}
		Files.createDirectories(workDir);
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx384m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8", "-jar", jar.toAbsolutePath().toString(),
				"--server.port=" + port));
		properties.forEach((key, value) -> command.add("--" + key + "=" + value));
		ChildProcess process = ChildProcess.start(name, command, workDir, Map.of(), workDir.resolve(name + ".log"));
		return new AppProcess(name, port, process);
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	public String name() {
		return this.name;
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	public Path logFile() {
		return this.process.logFile();
	}

	/** Waits until the actuator says UP; fails early, with the log's end, when the process died. */
	public void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
			.timeout(Duration.ofSeconds(5))
			.build();
		while (System.nanoTime() < deadline) {
			if (!this.process.isAlive()) {
				throw new IOException(this.name + " exited during start-up; the end of its log:\n" + tail(40));
			}
			try {
				HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IOException(this.name + " was not healthy after " + timeout.toSeconds() + " s; the end of its log:\n"
				+ tail(40));
	}

	/** Waits for a line of the log that matches, and returns it. */
	public String awaitLogLine(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (Files.exists(logFile())) {
				for (String line : Files.readAllLines(logFile())) {
					if (pattern.matcher(line).find()) {
						return line;
					}
				}
			}
			if (!this.process.isAlive()) {
				throw new IOException(this.name + " exited; the end of its log:\n" + tail(40));
			}
			Thread.sleep(250);
		}
		throw new IOException("No log line of " + this.name + " matched '" + pattern + "' within "
				+ timeout.toSeconds() + " s; the end of its log:\n" + tail(40));
	}

	public String tail(int lines) {
		try {
			List<String> all = Files.readAllLines(logFile());
			return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** Kills the process as a crash would: SIGKILL, no shutdown hook runs. */
	public void kill() throws IOException {
		ProcessHandle.of(this.process.pid()).ifPresent(ProcessHandle::destroyForcibly);
		this.process.waitForExit(Duration.ofSeconds(10));
	}

	@Override
	public void close() {
		this.process.close();
	}

}
