package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The versions and paths the build wrote into {@code tpm-embedded.properties}, so code and pom cannot disagree. */
final class EmbeddedVersions {

	private static final String RESOURCE = "tpm-embedded.properties";

	private static final Properties PROPERTIES = load();

	private EmbeddedVersions() {
	}

	/** The Elasticsearch server version the build fetched. */
	static String elasticsearch() {
		String version = PROPERTIES.getProperty("elasticsearch.version", "");
		if (version.isBlank() || version.contains("@")) {
			throw new IllegalStateException("The resource " + RESOURCE
					+ " has no filtered elasticsearch.version (found '" + version
					+ "'); rebuild the embedded module with ./mvnw -pl embedded install -DskipTests.");
		}
		return version;
	}

	/** The local Maven repository the build used, if it recorded one. */
	static Optional<Path> buildLocalRepository() {
		String path = PROPERTIES.getProperty("maven.local-repository", "");
		return (path.isBlank() || path.contains("@")) ? Optional.empty() : Optional.of(Path.of(path));
	}

	private static Properties load() {
		Properties properties = new Properties();
		try (InputStream in = EmbeddedVersions.class.getResourceAsStream("/" + RESOURCE)) {
			if (in != null) {
				properties.load(in);
			}
			return properties;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the resource " + RESOURCE + ".", ex);
		}
	}

}
