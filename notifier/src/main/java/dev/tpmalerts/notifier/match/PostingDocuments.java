package dev.tpmalerts.notifier.match;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Tag;

/**
 * A matched posting as the one Lucene document the alert queries run against. Field names and values are those
 * {@link AlertQueries} asks for; keep the two in step.
 */
final class PostingDocuments {

	static final String ROLE = "role";

	static final String SENIORITY = "seniority";

	/** Tags as "facet/id", e.g. "certifications/pmp". */
	static final String FACET = "facet";

	/** Each part of each location, lower-cased. */
	static final String LOCATION = "location";

	static final String WORKPLACE = "workplace";

	/** Title then description, as one run of words. */
	static final String TEXT = "text";

	private PostingDocuments() {
	}

	static Document of(PostingMatched matched) {
		Posting posting = matched.posting();
		Document document = new Document();
		if (matched.role() != null) {
			document.add(new StringField(ROLE, matched.role(), Field.Store.NO));
		}
		if (posting.seniority() != null) {
			document.add(new StringField(SENIORITY, posting.seniority(), Field.Store.NO));
		}
		for (Tag tag : matched.tags()) {
			document.add(new StringField(FACET, facetTerm(tag.facet(), tag.id()), Field.Store.NO));
		}
		for (Location location : posting.locations()) {
			for (String part : new String[] { location.city(), location.region(), location.country() }) {
				if (part != null) {
					document.add(new StringField(LOCATION, place(part), Field.Store.NO));
				}
			}
		}
		document.add(new StringField(WORKPLACE, posting.workplace().name(), Field.Store.NO));
		// One value, not two: a keyword phrase may run from the title's last words into the description's first,
		// as it does in AlertCriteria.matches.
		String title = (posting.title() != null) ? posting.title() : "";
		String description = (posting.descriptionText() != null) ? posting.descriptionText() : "";
		document.add(new TextField(TEXT, title + " " + description, Field.Store.NO));
		return document;
	}

	static String facetTerm(String facet, String id) {
		return facet + "/" + id;
	}

	/** Places compare without case, exactly as {@code equalsIgnoreCase} does ("İstanbul" and "ISTANBUL" too). */
	static String place(String name) {
		return Vocabulary.fold(name);
	}

}
