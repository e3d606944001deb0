package dev.tpmalerts.matcher.search;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.util.HtmlUtils;

/**
 * A fragment of a posting's text with the words the search matched. Elasticsearch marks them with two private-use
 * characters rather than HTML tags, so that nothing of the posting's own text ever reaches a page unescaped: the
 * page renders the segments as text, the JSON API gets {@link #html()}.
 *
 * @param segments the fragment's text in order, matched and unmatched
 */
@Schema(type = "string", description = "The fragment as HTML: the posting's text escaped, each matched word in <em>…</em>",
		example = "Drive <em>platform</em> programs across teams")
record Highlight(List<Segment> segments) {

	/** Opens a match in Elasticsearch's answer (U+E000, private use: absent from postings' text). */
	static final String PRE = "\uE000";

	/** Closes a match. */
	static final String POST = "\uE001";

	/** A run of text, matched or not. */
	record Segment(String text, boolean match) {

	}

	Highlight {
		segments = List.copyOf(segments);
	}

	/** Reads a fragment as Elasticsearch returns it with {@link #PRE} and {@link #POST} as its tags. */
	static Highlight of(String marked) {
		List<Segment> segments = new ArrayList<>();
		boolean match = false;
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < marked.length(); i++) {
			char c = marked.charAt(i);
			if (c == PRE.charAt(0) || c == POST.charAt(0)) {
				if (!text.isEmpty()) {
					segments.add(new Segment(text.toString(), match));
					text.setLength(0);
				}
				match = (c == PRE.charAt(0));
			}
			else {
				text.append(c);
			}
		}
		if (!text.isEmpty()) {
			segments.add(new Segment(text.toString(), match));
		}
		return new Highlight(segments);
	}

	/** The fragment as HTML for the API's clients: every character of the text escaped, the matches in {@code em}. */
	@JsonValue
	String html() {
		StringBuilder html = new StringBuilder();
		for (Segment segment : this.segments) {
			String text = HtmlUtils.htmlEscape(segment.text());
			html.append(segment.match() ? "<em>" + text + "</em>" : text);
		}
		return html.toString();
	}

}
