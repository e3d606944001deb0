package dev.tpmalerts.shared;

/** One place a posting was found: the configured source's name, its kind and the URL of the posting there. */
public record SourceRef(String source, String type, String url) {

}
