package dev.tpmalerts.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Whether processes are gone, counting zombies as gone: they have exited and only wait for a parent to reap them. */
final class ProcessChecks {

	private ProcessChecks() {
	}

	static boolean isGone(long pid) {
		Path stat = Path.of("/proc", Long.toString(pid), "stat");
		if (Files.isDirectory(Path.of("/proc/self"))) {
			try {
				String content = Files.readString(stat, StandardCharsets.UTF_8);
				// The state follows the command name, which is in parentheses and may itself contain spaces.
				char state = content.charAt(content.lastIndexOf(')') + 2);
				return state == 'Z' || state == 'X';
			}
			catch (IOException ex) {
				return true;
			}
		}
		return ProcessHandle.of(pid).map((handle) -> !handle.isAlive()).orElse(true);
	}

	static boolean allGone(List<Long> pids) {
		return pids.stream().allMatch(ProcessChecks::isGone);
	}

	/** A process and all its descendants, as ids. */
	static List<Long> tree(long pid) {
		return Stream
			.concat(Stream.of(pid),
					ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid))
			.toList();
	}

}
