package dev.tpmalerts.matcher.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import dev.tpmalerts.shared.Json;

/** The taxonomy as loaded from {@code taxonomy/tpm-taxonomy.json}: its version and its concepts. */
public record Taxonomy(String version, List<String> roles, List<String> seniorities, List<Concept> concepts) {

	public static final String RESOURCE = "taxonomy/tpm-taxonomy.json";

	public static Taxonomy load() {
		try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The taxonomy file " + RESOURCE + " is not on the classpath");
			}
			return Json.mapper().readValue(in, Taxonomy.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the taxonomy file " + RESOURCE, ex);
		}
	}

	public List<Concept> facet(String facet) {
		return this.concepts.stream().filter((concept) -> concept.facet().equals(facet)).toList();
	}

}
