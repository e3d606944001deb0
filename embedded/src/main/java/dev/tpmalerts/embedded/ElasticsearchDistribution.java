package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unpacked Elasticsearch server and the Java 21+ that runs it: unpacked once per version into a world-readable
 * cache, because the node may run as another user who cannot read {@code ~/.m2} or a clone under {@code /root}.
 */
record ElasticsearchDistribution(String version, Path home, Path javaHome) {

	static final String ZIP_PROPERTY = "tpm.embedded.elasticsearch.zip";

	static final String JAVA_HOME_PROPERTY = "tpm.embedded.es-java-home";

	static final String JAVA_HOME_ENV = "TPM_ES_JAVA_HOME";

	static final String CACHE_PROPERTY = "tpm.embedded.elasticsearch.cache";

	private static final Path DEFAULT_CACHE = Path.of("/tmp/tpm-alerts-es");

	private static final Path PREFERRED_JAVA_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

	private static final Path JVM_FOLDER = Path.of("/usr/lib/jvm");

	private static final int MINIMUM_JAVA = 21;

	private static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("rw-r--r--");

	private static final Set<PosixFilePermission> OPEN = PosixFilePermissions.fromString("rwxr-xr-x");

	private static final Logger log = LoggerFactory.getLogger(ElasticsearchDistribution.class);

	/** Serialises unpacking within this JVM; the file lock does it between JVMs. */
	private static final Object UNPACK_LOCK = new Object();

	/** Finds or unpacks the distribution of the version the build fetched, and a Java to run it. */
	static ElasticsearchDistribution prepare(StartupListener listener) throws IOException {
		String version = EmbeddedVersions.elasticsearch();
		Path javaHome = javaHome(version);
		Path cache = Optional.ofNullable(System.getProperty(CACHE_PROPERTY))
			.filter((value) -> !value.isBlank())
			.map(Path::of)
			.orElse(DEFAULT_CACHE);
		Path home = cache.resolve(version).resolve("elasticsearch-" + version);
		if (!Files.isDirectory(home.resolve("bin"))) {
			synchronized (UNPACK_LOCK) {
				unpack(version, locateZip(version), cache, listener);
			}
		}
		return new ElasticsearchDistribution(version, home, javaHome);
	}

	/** The zip in the local Maven repository, or where {@value #ZIP_PROPERTY} says. */
	static Path locateZip(String version) throws IOException {
		String configured = System.getProperty(ZIP_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			Path zip = Path.of(configured);
			if (!Files.isRegularFile(zip)) {
				throw new IOException("The system property " + ZIP_PROPERTY + " names " + zip
						+ ", which is not a file; point it at elasticsearch-" + version + ".zip.");
			}
			return zip;
		}
		Set<Path> repositories = new LinkedHashSet<>();
		Optional.ofNullable(System.getProperty("maven.repo.local"))
			.filter((value) -> !value.isBlank())
			.map(Path::of)
			.ifPresent(repositories::add);
		EmbeddedVersions.buildLocalRepository().ifPresent(repositories::add);
		repositories.add(Path.of(System.getProperty("user.home"), ".m2", "repository"));
		List<Path> candidates = repositories.stream()
			.map((repository) -> repository.resolve("org/elasticsearch/distribution/integ-test-zip/elasticsearch")
				.resolve(version)
				.resolve("elasticsearch-" + version + ".zip"))
			.toList();
		return candidates.stream()
			.filter(Files::isRegularFile)
			.findFirst()
			.orElseThrow(() -> new IOException("The Elasticsearch " + version + " server distribution is not in the"
					+ " local Maven repository (looked for " + candidates + "). Fetch it with"
					+ " `./mvnw -pl embedded dependency:resolve`, or name the zip with -D" + ZIP_PROPERTY + "=…"));
	}

	private static void unpack(String version, Path zip, Path cache, StartupListener listener) throws IOException {
		Files.createDirectories(cache);
		makeOpen(cache);
		Path target = cache.resolve(version);
		Path home = target.resolve("elasticsearch-" + version);
		try (FileChannel channel = FileChannel.open(cache.resolve(version + ".lock"), StandardOpenOption.CREATE,
				StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
			if (Files.isDirectory(home.resolve("bin"))) {
				return; // another JVM unpacked it while this one waited for the lock
			}
			if (Files.exists(target)) {
				log.warn("The Elasticsearch cache {} is incomplete, so it is being unpacked again.", target);
				EmbeddedFiles.deleteRecursively(target);
			}
			listener.onEvent("elasticsearch", "unpacking " + zip.getFileName() + " into " + target);
			log.info("Unpacking {} into {}; later runs reuse it.", zip, target);
			long started = System.nanoTime();
			Path staging = Files.createTempDirectory(cache, version + ".unpacking-");
			try {
				unzip(zip, staging);
				makeOpen(staging);
				// Renaming a finished folder into place makes the unpacking all-or-nothing for other readers.
				Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (IOException | RuntimeException ex) {
				EmbeddedFiles.deleteRecursively(staging);
				throw ex;
			}
			log.info("Unpacked Elasticsearch {} in {} ms.", version, (System.nanoTime() - started) / 1_000_000);
		}
		if (!Files.isDirectory(home.resolve("bin"))) {
			throw new IOException("Unpacking " + zip + " into " + target + " did not produce " + home.resolve("bin")
					+ "; the archive does not have the layout of an Elasticsearch distribution.");
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (ZipFile archive = new ZipFile(zip.toFile())) {
			Enumeration<? extends ZipEntry> entries = archive.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path destination = target.resolve(entry.getName()).normalize();
				if (!destination.startsWith(target)) {
					throw new IOException("The archive " + zip + " has an entry outside its root: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					Files.setPosixFilePermissions(destination, OPEN);
					continue;
				}
				Files.createDirectories(destination.getParent());
				try (InputStream in = archive.getInputStream(entry)) {
					Files.copy(in, destination);
				}
				// Zip entries lose their modes here: the launch scripts need theirs back; others only read the rest.
				boolean executable = destination.getParent().getFileName().toString().equals("bin");
				Files.setPosixFilePermissions(destination, executable ? OPEN : READ_ONLY);
			}
		}
	}

	private static void makeOpen(Path folder) {
		try {
			Files.setPosixFilePermissions(folder, OPEN);
		}
		catch (IOException | UnsupportedOperationException ex) {
			log.debug("Could not open up the permissions of {}: {}", folder, ex.getMessage());
		}
	}

	/**
	 * A Java {@value #MINIMUM_JAVA}+ home: the configured one, else Temurin 25, else this JVM if new enough, else the
	 * newest under {@code /usr/lib/jvm}.
	 */
	static Path javaHome(String version) throws IOException {
		String configured = Optional.ofNullable(System.getProperty(JAVA_HOME_PROPERTY))
			.filter((value) -> !value.isBlank())
			.orElse(System.getenv(JAVA_HOME_ENV));
		if (configured != null && !configured.isBlank()) {
			Path home = Path.of(configured);
			if (!Files.isExecutable(home.resolve("bin/java"))) {
				throw new IOException("The Java home configured for Elasticsearch (" + JAVA_HOME_PROPERTY + " or "
						+ JAVA_HOME_ENV + ") is " + home + ", which has no executable bin/java.");
			}
			return home;
		}
		if (Files.isExecutable(PREFERRED_JAVA_HOME.resolve("bin/java"))) {
			return PREFERRED_JAVA_HOME;
		}
		if (Runtime.version().feature() >= MINIMUM_JAVA) {
			return Path.of(System.getProperty("java.home"));
		}
		List<Path> homes = new ArrayList<>();
		if (Files.isDirectory(JVM_FOLDER)) {
			try (Stream<Path> children = Files.list(JVM_FOLDER)) {
				children.filter((home) -> Files.isExecutable(home.resolve("bin/java"))).forEach(homes::add);
			}
		}
		return homes.stream()
			.filter((home) -> javaFeatureVersion(home) >= MINIMUM_JAVA)
			.max(Comparator.comparingInt(ElasticsearchDistribution::javaFeatureVersion))
			.orElseThrow(() -> new IOException("Elasticsearch " + version + " needs Java " + MINIMUM_JAVA
					+ " or newer and none was found (looked at " + PREFERRED_JAVA_HOME + ", this JVM's Java "
					+ Runtime.version().feature() + " and " + JVM_FOLDER + "/*); install one or set -D"
					+ JAVA_HOME_PROPERTY + "=/path/to/jdk or " + JAVA_HOME_ENV + "."));
	}

	/** The feature version in a JDK's {@code release} file, or 0 when it cannot be read. */
	private static int javaFeatureVersion(Path home) {
		Properties release = new Properties();
		try (InputStream in = Files.newInputStream(home.resolve("release"))) {
			release.load(in);
			String version = Objects.requireNonNullElse(release.getProperty("JAVA_VERSION"), "").replace("\"", "");
			String feature = version.startsWith("1.") ? version.substring(2) : version;
			return Integer.parseInt(feature.split("[.+-]")[0]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

}
