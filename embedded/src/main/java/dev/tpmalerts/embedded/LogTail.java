package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the end of a server's log, so a failed start explains itself in the exception message. */
final class LogTail {

	private static final int MAX_BYTES = 64 * 1024;

	private LogTail() {
	}

	/** The last lines of a log file, or a sentence saying why there are none. */
	static String lastLines(Path file, int count) {
		if (!Files.isRegularFile(file)) {
			return "(" + file + " does not exist)";
		}
		try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, in.length() - MAX_BYTES);
			byte[] bytes = new byte[(int) (in.length() - start)];
			in.seek(start);
			in.readFully(bytes);
			List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
			List<String> tail = lines.subList(Math.max(0, lines.size() - count), lines.size());
			return tail.isEmpty() ? "(" + file + " is empty)" : String.join(System.lineSeparator(), tail);
		}
		catch (IOException ex) {
			return "(could not read " + file + ": " + ex.getMessage() + ")";
		}
	}

}
