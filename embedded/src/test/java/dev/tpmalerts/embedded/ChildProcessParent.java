package dev.tpmalerts.embedded;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Run by {@link ParentJvm}: starts the command in its arguments as a {@link ChildProcess}, then waits forever. */
public final class ChildProcessParent {

	private ChildProcessParent() {
	}

	/** {@code <workDir> <command…>}. */
	public static void main(String[] args) throws Exception {
		Path workDir = Path.of(args[0]);
		List<String> command = Arrays.asList(args).subList(1, args.length);
		ChildProcess child = ChildProcess.start("child of a parent JVM", command, workDir, Map.of(),
				workDir.resolve("child.log"));
		System.out.println("child-pid=" + child.pid());
		System.out.flush();
		new CountDownLatch(1).await();
	}

}
