package dev.tpmalerts.matcher.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.matcher.search.Highlight.Segment;

import static org.assertj.core.api.Assertions.assertThat;

class HighlightTest {

	@Test
	void shouldSplitElasticsearchsMarksIntoMatchedAndPlainSegments() {
		Highlight highlight = Highlight.of("Lead " + Highlight.PRE + "platform" + Highlight.POST + " and "
				+ Highlight.PRE + "data" + Highlight.POST);

		assertThat(highlight.segments()).containsExactly(new Segment("Lead ", false), new Segment("platform", true),
				new Segment(" and ", false), new Segment("data", true));
	}

	@Test
	void shouldEscapeThePostingsOwnMarkupInTheApisHtml() {
		Highlight highlight = Highlight.of("<script>alert(1)</script> & " + Highlight.PRE + "<b>cloud</b>" + Highlight.POST);

		assertThat(highlight.html())
			.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <em>&lt;b&gt;cloud&lt;/b&gt;</em>");
	}

	@Test
	void shouldKeepTextWithoutMarksAsOnePlainSegment() {
		assertThat(Highlight.of("no match here").segments()).isEqualTo(List.of(new Segment("no match here", false)));
	}

}
