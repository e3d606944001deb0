package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File-tree chores the servers share: copying a config folder, handing a tree to another user, deleting it. */
final class EmbeddedFiles {

	private EmbeddedFiles() {
	}

	static void deleteRecursively(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	static void copyRecursively(Path source, Path target) throws IOException {
		try (Stream<Path> paths = Files.walk(source)) {
			for (Path path : paths.toList()) {
				Path destination = target.resolve(source.relativize(path).toString());
				if (Files.isDirectory(path)) {
					Files.createDirectories(destination);
				}
				else {
					Files.copy(path, destination, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/** Gives a whole tree to a user and group, as {@code chown -R} does. */
	static void changeOwner(Path root, int uid, int gid) throws IOException {
		List<Path> paths;
		try (Stream<Path> walk = Files.walk(root)) {
			paths = walk.toList();
		}
		for (Path path : paths) {
			Files.setAttribute(path, "unix:uid", uid);
			Files.setAttribute(path, "unix:gid", gid);
		}
	}

	/** Whether this JVM runs as root, which Elasticsearch refuses. */
	static boolean runningAsRoot() {
		try {
			// /proc/self belongs to the effective user of the process that looks at it.
			return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

}
