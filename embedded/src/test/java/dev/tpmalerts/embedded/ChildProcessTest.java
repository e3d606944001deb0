package dev.tpmalerts.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

@EnabledOnOs(OS.LINUX)
class ChildProcessTest {

	@TempDir
	Path dir;

	@Test
	void shouldStopChildWhenClosed() throws IOException {
		ChildProcess child = ChildProcess.start("sleeper", List.of("sleep", "300"), this.dir, Map.of(),
				this.dir.resolve("sleep.log"));
		long pid = child.pid();
		assertThat(child.isAlive()).isTrue();

		child.close();

		assertThat(child.isAlive()).isFalse();
		assertThat(ProcessChecks.isGone(pid)).isTrue();
		child.close(); // idempotent
	}

	@Test
	void shouldWriteOutputAndEnvironmentToLogFile() throws IOException {
		Path log = this.dir.resolve("logs/echo.log");
		List<String> command = List.of("sh", "-c", "echo \"hello $GREETING\"; echo oops >&2");
		try (ChildProcess child = ChildProcess.start("echo", command, this.dir, Map.of("GREETING", "world"), log)) {
			assertThat(child.waitForExit(Duration.ofSeconds(10))).hasValue(0);
		}
		assertThat(Files.readString(log)).contains("hello world").contains("oops");
	}

	@Test
	void shouldNameTheFolderWhenWorkDirIsMissing() {
		Path missing = this.dir.resolve("missing");
		assertThatThrownBy(() -> ChildProcess.start("sleeper", List.of("sleep", "1"), missing, Map.of(),
				this.dir.resolve("x.log")))
			.isInstanceOf(IOException.class)
			.hasMessageContaining(missing.toString());
	}

	@Test
	void shouldWrapCommandInSetprivWithParentDeathSignal() {
		assertThat(ChildProcess.withParentDeathSignal(List.of("sleep", "300"), Optional.of("/usr/bin/setpriv")))
			.containsExactly("/usr/bin/setpriv", "--pdeathsig", "SIGTERM", "--", "sleep", "300");
	}

	@Test
	void shouldMergeParentDeathSignalIntoLeadingSetprivBecauseNestingLosesIt() {
		assertThat(ChildProcess.withParentDeathSignal(
				List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--", "sleep", "300"),
				Optional.of("/usr/bin/setpriv")))
			.containsExactly("/usr/bin/setpriv", "--pdeathsig", "SIGTERM", "--reuid=65534", "--regid=65534",
					"--clear-groups", "--", "sleep", "300");
	}

	@Test
	void shouldLeaveCommandAloneWithoutSetpriv() {
		assertThat(ChildProcess.withParentDeathSignal(List.of("sleep", "300"), Optional.empty()))
			.containsExactly("sleep", "300");
	}

	@Test
	void shouldKillChildWhenParentJvmIsKilledHard() throws IOException {
		assumeThat(ChildProcess.Setpriv.path()).as("setpriv is installed").isPresent();

		assertChildDiesWithKilledParent(List.of("sleep", "300"));
	}

	@Test
	void shouldKillChildRunningAsAnotherUserWhenParentJvmIsKilledHard() throws IOException {
		assumeThat(ChildProcess.Setpriv.path()).as("setpriv is installed").isPresent();
		assumeThat(EmbeddedFiles.runningAsRoot()).as("running as root").isTrue();
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwxr-xr-x"));

		assertChildDiesWithKilledParent(List.of(ChildProcess.Setpriv.path().orElseThrow(), "--reuid=65534",
				"--regid=65534", "--clear-groups", "--", "sleep", "300"));
	}

	private void assertChildDiesWithKilledParent(List<String> command) throws IOException {
		List<String> arguments = new ArrayList<>();
		arguments.add(this.dir.toString());
		arguments.addAll(command);
		try (ParentJvm parent = ParentJvm.start(ChildProcessParent.class, this.dir.resolve("parent.out"), arguments)) {
			long child = parent.awaitChildPid(Duration.ofSeconds(30));
			assertThat(ProcessChecks.isGone(child)).as("child %d is running before its parent is killed", child)
				.isFalse();

			parent.killHard();

			await("child " + child + " to die with its parent").atMost(Duration.ofSeconds(10))
				.until(() -> ProcessChecks.isGone(child));
		}
	}

}
