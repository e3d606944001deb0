package dev.tpmalerts.shared;

/** The text that made a tag, with its character offsets in the posting's plain text. */
public record Evidence(String text, int start, int end) {

}
