package dev.tpmalerts.ingest.source;

import java.util.List;

import dev.tpmalerts.ingest.fetch.FetchedDocument;

/** Reads the postings out of one fetched document of one kind of source. */
public interface SourceParser {

	SourceType type();

	/**
	 * @throws SourceFormatException when the document is not of the expected shape, naming what was wrong
	 */
	List<RawPosting> parse(SourceDefinition source, FetchedDocument document);

}
