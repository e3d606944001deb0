package dev.tpmalerts.ingest.job;

import java.util.List;

import dev.tpmalerts.ingest.source.SourceDefinition;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sources to scrape and how the scrape job runs.
 *
 * @param sources every configured source (name, type, url, enabled)
 * @param runOnStartup run the scrape job once when the application starts
 * @param chunkSize postings per chunk: one Kafka acknowledgement and one job-repository commit each
 */
@ConfigurationProperties("tpm.ingest")
public record IngestProperties(@DefaultValue List<SourceDefinition> sources, @DefaultValue("false") boolean runOnStartup,
		@DefaultValue("20") int chunkSize) {

}
