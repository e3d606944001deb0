package dev.tpmalerts.shared;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What ingest publishes to {@link Topics#POSTINGS}, keyed by {@link #postingId()}. Consumers switch over the
 * sealed variants; the JSON carries a {@code type} and a {@code schemaVersion}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = PostingScraped.class, name = "PostingScraped"),
		@JsonSubTypes.Type(value = PostingUpdated.class, name = "PostingUpdated"),
		@JsonSubTypes.Type(value = PostingExpired.class, name = "PostingExpired") })
public sealed interface PostingEvent permits PostingScraped, PostingUpdated, PostingExpired {

	int SCHEMA_VERSION = 1;

	int schemaVersion();

	String postingId();

}
