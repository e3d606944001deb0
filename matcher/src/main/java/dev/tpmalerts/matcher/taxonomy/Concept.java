package dev.tpmalerts.matcher.taxonomy;

import java.util.List;

/** One taxonomy concept: a stable id within a facet, a label, and the surface forms postings use for it. */
public record Concept(String id, String facet, String label, List<String> forms) {

}
