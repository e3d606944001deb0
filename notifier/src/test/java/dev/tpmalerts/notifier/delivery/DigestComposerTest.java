package dev.tpmalerts.notifier.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.CriteriaInWords;
import dev.tpmalerts.notifier.alert.Frequency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DigestComposerTest {

	private static final UUID PLATFORM = UUID.randomUUID();

	private static final UUID PAYMENTS = UUID.randomUUID();

	private static final String UNSUBSCRIBE = "https://alerts.example/unsubscribe?token=abc";

	private final DigestComposer composer = new DigestComposer(MailTemplates.engine(), 3);

	@Test
	void shouldRankByScoreCapAndCountTheRest() {
		List<DigestItem> items = List.of(item("p1", PLATFORM, 61, "Program Manager"), item("p2", PLATFORM, 95, "Staff TPM"),
				item("p3", PAYMENTS, 80, "TPM, Payments"), item("p4", PAYMENTS, 70, "TPM, Cards"),
				item("p5", PLATFORM, 90, "Senior TPM"));

		ComposedMail mail = this.composer.compose(new DigestComposer.Digest(Frequency.DAILY, LocalDate.of(2026, 11, 2),
				items, 1, Map.of(PLATFORM, "keywords \"platform\"", PAYMENTS, "keywords \"payments\""), UNSUBSCRIBE,
				"https://alerts.example/manage?token=m"));

		assertThat(mail.subject()).isEqualTo("Your daily TPM jobs: 6 new postings, top: Staff TPM");
		assertThat(mail.text()).containsSubsequence("Matching your alert for keywords \"platform\"", "1. Staff TPM",
				"2. Senior TPM", "Matching your alert for keywords \"payments\"", "1. TPM, Payments",
				"…and 3 more matching postings not shown here.");
		assertThat(mail.text()).doesNotContain("Program Manager").doesNotContain("TPM, Cards");
		assertThat(mail.text()).contains("You receive this email because you subscribed to a daily digest of TPM job alerts for keywords \"payments\"; and for keywords \"platform\"")
			.contains("Unsubscribe (one click): " + UNSUBSCRIBE)
			.contains("Manage your alerts (edit, pause, change frequency or time zone): https://alerts.example/manage?token=m")
			.contains("Monday 2 November 2026");
		assertThat(mail.html()).containsSubsequence("Staff TPM", "Senior TPM", "TPM, Payments", "…and 3 more")
			.contains("<a href=\"https://alerts.example/unsubscribe?token=abc\">Unsubscribe</a>");
		assertThat(mail.unsubscribeUrl()).isEqualTo(UNSUBSCRIBE);
	}

	@Test
	void shouldEscapePostingFieldsAndLinkOnlyHttpUrls() {
		DigestItem hostile = new DigestItem("p1", PLATFORM, 90, "<script>alert(1)</script>TPM\r\nBcc: victim@example.org",
				"Evil & Co <b>", null, null, "javascript:alert(1)", null, null, Instant.parse("2026-11-01T10:00:00Z"));

		ComposedMail mail = this.composer.compose(new DigestComposer.Digest(Frequency.WEEKLY, null, List.of(hostile), 0,
				Map.of(), UNSUBSCRIBE, null));

		assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n").startsWith("Your weekly TPM jobs: 1 new posting,");
		assertThat(mail.html()).doesNotContain("<script>").doesNotContain("javascript:").doesNotContain("<b>")
			.contains("&lt;script&gt;alert(1)&lt;/script&gt;TPM Bcc: victim@example.org")
			.contains("Evil &amp; Co &lt;b&gt;");
		assertThat(mail.text()).contains("Matching your alerts").contains("TPM Bcc: victim@example.org").doesNotContain("Manage");
	}

	@Test
	void shouldOrderEqualScoresNewestFirstWhateverTheInputOrder() {
		DigestItem older = new DigestItem("a", PLATFORM, 80, "Older", null, null, null, null, null, null,
				Instant.parse("2026-11-01T10:00:00Z"));
		DigestItem newer = new DigestItem("b", PLATFORM, 80, "Newer", null, null, null, null, null, null,
				Instant.parse("2026-11-01T11:00:00Z"));

		assertThat(DigestComposer.rank(List.of(older, newer), 5).shown()).extracting(DigestItem::title)
			.containsExactly("Newer", "Older");
		assertThat(DigestComposer.rank(List.of(newer, older), 1)).satisfies((ranked) -> {
			assertThat(ranked.shown()).extracting(DigestItem::title).containsExactly("Newer");
			assertThat(ranked.omitted()).isEqualTo(1);
		});
	}

	@Test
	void shouldComposeTheInstantAlertWithReasonExcerptAndLinks() {
		InstantAlertComposer instant = new InstantAlertComposer(MailTemplates.engine());
		DigestItem item = new DigestItem("p1", PLATFORM, 85, "Senior TPM", "Contoso", "Austin, TX, US", "hybrid",
				"https://careers.contoso.example/jobs/1?a=1&b=2", "Lead <programs> across teams", null, Instant.now());
		String reason = CriteriaInWords.reason(Frequency.INSTANT,
				AlertCriteria.of(List.of("platform"), List.of("technical-program-manager"), 50));

		ComposedMail mail = instant.compose(item, reason, UNSUBSCRIBE, null);

		assertThat(mail.subject()).isEqualTo("New TPM job: Senior TPM at Contoso");
		assertThat(reason).isEqualTo(
				"you subscribed to instant TPM job alerts for roles technical program manager, keywords \"platform\", a score of at least 50");
		assertThat(mail.text()).contains("Senior TPM", "Contoso — Austin, TX, US", "Workplace: hybrid · TPM fit score: 85/100",
				"Lead <programs> across teams", "https://careers.contoso.example/jobs/1?a=1&b=2",
				"You receive this email because " + reason + ".", "Unsubscribe (one click): " + UNSUBSCRIBE);
		assertThat(mail.html()).contains("<a href=\"https://careers.contoso.example/jobs/1?a=1&amp;b=2\">Senior TPM</a>")
			.contains("Lead &lt;programs&gt; across teams");
	}

	@Test
	void shouldComposeManyDigestsQuickly() {
		List<DigestItem> items = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			items.add(item("p" + i, (i % 2 == 0) ? PLATFORM : PAYMENTS, 50 + i, "Technical Program Manager " + i));
		}
		DigestComposer.Digest digest = new DigestComposer.Digest(Frequency.DAILY, LocalDate.of(2026, 11, 2), items, 0,
				Map.of(PLATFORM, "roles technical program manager", PAYMENTS, "keywords \"payments\""), UNSUBSCRIBE, null);
		DigestComposer defaults = DigestComposer.withDefaults();
		for (int i = 0; i < 200; i++) {
			defaults.compose(digest);
		}
		long start = System.nanoTime();
		int runs = 1_000;
		for (int i = 0; i < runs; i++) {
			defaults.compose(digest);
		}
		double micros = (System.nanoTime() - start) / 1_000.0 / runs;
		System.out.printf("Composing one 20-posting digest (text + HTML) took %.0f µs on average%n", micros);
		assertThat(micros).isLessThan(20_000);
	}

	@Test
	void shouldRefuseToComposeAnInstantAlertAsADigest() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.composer
			.compose(new DigestComposer.Digest(Frequency.INSTANT, null, List.of(), 0, Map.of(), UNSUBSCRIBE, null)));
	}

	private static DigestItem item(String id, UUID alert, int score, String title) {
		return new DigestItem(id, alert, score, title, "Contoso", "Austin, TX, US", "remote",
				"https://careers.contoso.example/jobs/" + id, null, null, Instant.parse("2026-11-01T10:00:00Z"));
	}

}
