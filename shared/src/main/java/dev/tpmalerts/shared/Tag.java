package dev.tpmalerts.shared;

import java.util.List;

/** A taxonomy concept found in a posting, with the evidence for it. */
public record Tag(String facet, String id, String label, List<Evidence> evidence) {

	public Tag {
		evidence = (evidence != null) ? List.copyOf(evidence) : List.of();
	}

}
