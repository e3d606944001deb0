package dev.tpmalerts.ingest.source;

import java.net.URI;

import org.springframework.boot.context.properties.bind.DefaultValue;

/** One configured source: where to fetch, and how to read what comes back. */
public record SourceDefinition(String name, SourceType type, URI url, @DefaultValue("true") boolean enabled) {

}
