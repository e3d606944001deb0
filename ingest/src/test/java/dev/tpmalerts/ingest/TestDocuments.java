package dev.tpmalerts.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;

/**
 * Saved documents, answered as a source would answer them. The bundled samples (the repository's
 * {@code samples/} folder, on the test class path as {@code samples/}) are named here as
 * {@code documents/<kind>/<file>}, like the module's own edge-case documents under
 * {@code src/test/resources/documents}, so there is one copy of each.
 */
public final class TestDocuments {

	private TestDocuments() {
	}

	/** The bytes of a saved document, e.g. {@code "documents/lever/contoso.json"}. */
	public static byte[] bytes(String resource) {
		ClassLoader loader = TestDocuments.class.getClassLoader();
		InputStream found = loader.getResourceAsStream(resource);
		try (InputStream in = (found != null) ? found : loader.getResourceAsStream(sampleLocation(resource))) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource + " (nor " + sampleLocation(resource) + ")");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where a bundled sample lives, as the demo's static site serves it. */
	static String sampleLocation(String resource) {
		String[] parts = resource.split("/");
		if (parts.length < 2 || !parts[0].equals("documents")) {
			return resource;
		}
		String file = parts[parts.length - 1];
		String name = file.replaceAll("\\.json$", "");
		return switch (parts[1]) {
			case "career" -> "samples/career/" + parts[2] + "/jobs/" + file;
			case "greenhouse" -> "samples/greenhouse/v1/boards/" + name + "/jobs.json";
			case "lever" -> "samples/lever/v0/postings/" + file;
			case "ashby" -> "samples/ashby/posting-api/job-board/" + file;
			case "feeds" -> "samples/feeds/" + file;
			case "samples-expected.json" -> "samples/expected.json";
			default -> resource;
		};
	}

	/** A saved document as fetched from {@code url} with a 200 and the given Content-Type. */
	public static FetchedDocument fetched(String resource, String url, String contentType) {
		return new FetchedDocument(URI.create(url), 200, contentType, bytes(resource));
	}

	public static SourceDefinition source(String name, SourceType type, String url) {
		return SourceDefinition.of(name, type, URI.create(url));
	}

}
