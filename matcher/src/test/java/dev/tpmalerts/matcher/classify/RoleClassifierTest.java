package dev.tpmalerts.matcher.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RoleClassifierTest {

	/** The expressions the body phrases were counted with before they were counted with indexOf. */
	private static final Pattern PRODUCT_BODY = Pattern.compile(
			"(?=[pcug])(?:product vision|product strategy|product requirements|\\bprds?\\b|customer discovery|user research|product roadmap|go-to-market|product-market fit)");

	private static final Pattern PROGRAM_BODY = Pattern.compile(
			"(?=[cpdmrl])(?:cross-functional programs?|program plans?|dependencies|milestones|program execution|release planning|risks and|launch readiness|program status)");

	private static final String[] PIECES = { "product vision", "product strategy", "product requirements", "prd", "prds",
			"customer discovery", "user research", "product roadmap", "go-to-market", "product-market fit",
			"cross-functional program", "cross-functional programs", "program plan", "program plans", "dependencies",
			"milestones", "program execution", "release planning", "risks and", "launch readiness", "program status",
			"product", "program", "roadma", "risks an", "s", "x", "_", "é", "\u0301", "-", " ", " ", ". ", "\n", "p", "r",
			"d", "and" };

	@ParameterizedTest(name = "\"{0}\"")
	@ValueSource(strings = { "", "product vision", "product strategy and product requirements", "prd", "prds", "a prd.",
			"the prds, the prd", "prdx", "xprd", "prd_", "_prd", "prd-", "-prds-", "prdss", "prds's", "prdprd", "prd prd",
			"éprd", "prdé", "prd\u0301", "1prd", "prd2", "customer discovery, user research", "product roadmap",
			"product roadmaproduct vision", "product roadmaprd", "go-to-market go-to-market", "go-to-marketgo-to-market",
			"product-market fit", "product-market fitproduct vision", "cross-functional program",
			"cross-functional programs", "cross-functional program plans", "cross-functional programs plans",
			"cross-functional programilestones", "cross-functional program execution", "program plan", "program plans",
			"program planss", "program plansprogram status", "dependencies", "dependenciesdependencies", "milestones",
			"milestonesmilestones", "program execution", "release planning", "risks and", "risks andependencies",
			"risks and risks and", "risks andrisks and", "risks an", "launch readiness", "program status",
			"program statusprogram plans", "own the program plans, milestones and dependencies; manage risks and issues" })
	void shouldCountBodyPhrasesAsTheExpressionsDid(String text) {
		assertThat(RoleClassifier.productPhrases(text)).isEqualTo(count(PRODUCT_BODY, text));
		assertThat(RoleClassifier.programPhrases(text)).isEqualTo(count(PROGRAM_BODY, text));
	}

	@Test
	void shouldCountBodyPhrasesAsTheExpressionsDidInTextsMadeOfTheirPieces() {
		Random random = new Random(7);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int pieces = random.nextInt(12);
			for (int j = 0; j < pieces; j++) {
				text.append(PIECES[random.nextInt(PIECES.length)]);
			}
			texts.add(text.toString());
		}

		for (String text : texts) {
			assertThat(RoleClassifier.productPhrases(text)).as(text).isEqualTo(count(PRODUCT_BODY, text));
			assertThat(RoleClassifier.programPhrases(text)).as(text).isEqualTo(count(PROGRAM_BODY, text));
		}
	}

	private static int count(Pattern pattern, String text) {
		return (int) pattern.matcher(text).results().count();
	}

}
