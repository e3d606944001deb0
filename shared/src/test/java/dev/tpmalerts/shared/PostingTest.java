package dev.tpmalerts.shared;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostingTest {

	@Test
	void shouldLeaveOutTheHtmlWhenTheTextSaysIt() {
		Posting posting = posting("<p>Lead <b>programs</b></p>", "Lead programs");

		Posting lighter = posting.withoutDescriptionHtml();

		assertThat(lighter.descriptionHtml()).isNull();
		assertThat(lighter).usingRecursiveComparison().ignoringFields("descriptionHtml").isEqualTo(posting);
	}

	@Test
	void shouldKeepTheHtmlWhenThereIsNoText() {
		Posting posting = posting("<p>Lead programs</p>", " ");

		assertThat(posting.withoutDescriptionHtml()).isSameAs(posting);
	}

	private static Posting posting(String html, String text) {
		return new Posting("p-1", "Technical Program Manager", "mid", "Contoso", List.of(Location.of("Austin", "TX", "US")),
				Workplace.HYBRID, null, null, "FULL_TIME", null, null, "https://example.test/jobs/1", html, text,
				List.of(new SourceRef("contoso", "json-ld-page", "https://example.test/jobs/1")), Instant.EPOCH);
	}

}
