package dev.tpmalerts.matcher.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.tpmalerts.matcher.taxonomy.PhraseMatcher.Match;
import dev.tpmalerts.matcher.taxonomy.Tokens.Token;
import dev.tpmalerts.shared.Evidence;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseMatcherTest {

	private static final Concept PMP = new Concept("pmp", "certifications", "PMP",
			List.of("=PMP", "Project Management Professional", "PMP-certified"));

	private static final Concept SAFE = new Concept("safe", "methodologies", "SAFe", List.of("=SAFe", "Scaled Agile"));

	private static final Concept AGILE = new Concept("agile", "methodologies", "Agile", List.of("agile", "Scaled Agile Framework"));

	private static final Concept CSHARP = new Concept("csharp", "technical", "C#", List.of("C#", "Security+"));

	private static final Concept STAKEHOLDERS = new Concept("stakeholders", "skills", "Stakeholders",
			List.of("stakeholder management", "API"));

	private final PhraseMatcher matcher = new PhraseMatcher(List.of(PMP, SAFE, AGILE, CSHARP, STAKEHOLDERS));

	@ParameterizedTest(name = "\"{0}\" → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			PMP required                                           | pmp
			pmp required                                           | ''
			No PMP needed                                          | ''
			No travel required. PMP preferred                      | pmp
			Without a PMP                                          | ''
			Without any of a PMP                                   | pmp
			PMP is not required                                    | ''
			PMP isn't required                                     | ''
			PMP isn't-required                                     | ''
			PMP preferred, not required                            | pmp
			PMP preferred but not required                         | pmp
			PMP; not required                                      | pmp
			PMP, CSM or PSM, not needed                            | pmp
			PMP or CSM not needed                                  | ''
			Project Management Professionals with SAFe             | pmp safe
			Scaled Agile Framework and SAFe                        | agile safe
			safe and scaled agile                                  | safe agile
			C# or Security+ or C #                                 | csharp
			APIs and Stakeholder Management                        | stakeholders
			""")
	void shouldFindWhatTheFormsSayAndLeaveOutWhatIsNegated(String text, String ids) {
		List<String> found = this.matcher.find(text).stream().map((match) -> match.concept().id()).toList();

		assertThat(found).containsExactly(ids.isEmpty() ? new String[0] : ids.split(" "));
	}

	@Test
	void shouldGiveTheLongestFormOncePerConceptAndPlaceInTheOrderFound() {
		String text = "Scaled Agile Framework, then agile; Scaled Agile again and SAFe.";

		List<Match> matches = this.matcher.find(text);

		assertThat(matches).extracting((match) -> match.concept().id()).containsExactly("agile", "safe");
		assertThat(matches.get(0).evidence()).containsExactly(new Evidence("Scaled Agile Framework", 0, 22),
				new Evidence("Agile", 7, 12), new Evidence("agile", 29, 34), new Evidence("Agile", 43, 48));
		assertThat(matches.get(1).evidence()).containsExactly(new Evidence("Scaled Agile", 0, 12),
				new Evidence("Scaled Agile", 36, 48), new Evidence("SAFe", 59, 63));
	}

	@Test
	void shouldKeepAtMostFiftyMentionsOfAConcept() {
		String text = "PMP and C# ".repeat(60);

		List<Match> matches = this.matcher.find(text);

		assertThat(matches).hasSize(2).allSatisfy((match) -> assertThat(match.evidence()).hasSize(50));
		assertThat(matches.get(1).evidence().get(49)).isEqualTo(new Evidence("C#", 547, 549));
	}

	@Test
	void shouldFindNothingInTextWithoutWords() {
		assertThat(this.matcher.find("")).isEmpty();
		assertThat(this.matcher.find(" ;, • ")).isEmpty();
	}

	/** The matcher against the plain reading of its rules, on the real taxonomy and text made of its own words. */
	@Test
	void shouldFindWhatThePlainReadingOfTheRulesFinds() {
		List<Concept> concepts = Taxonomy.load().concepts();
		PhraseMatcher fast = new PhraseMatcher(concepts);
		Reference reference = new Reference(concepts);
		// Half the pieces are what the negation rules look at, so that negations and clause breaks meet the forms.
		List<String> glue = List.of(" ", " ", ", ", ". ", "; ", "\n", " (", ") ", ": ", " • ", "'", "no", "not", "isn't",
				"t", "aren", "doesn", "without", "non", "nor", "required", "needed", "needs", "preferred", "plus", "a",
				"ü", "İ", "Straße", "😀", "+", "#", "C#", "s");
		List<String> forms = new ArrayList<>();
		concepts.forEach((concept) -> concept.forms().forEach((form) -> {
			String written = form.startsWith("=") ? form.substring(1) : form;
			forms.addAll(List.of(written, written.toUpperCase(), written.toLowerCase(), written + "s"));
		}));
		Random random = new Random(11);
		for (int round = 0; round < 5000; round++) {
			StringBuilder text = new StringBuilder();
			for (int k = random.nextInt(40); k > 0; k--) {
				List<String> pieces = random.nextBoolean() ? glue : forms;
				text.append(pieces.get(random.nextInt(pieces.size()))).append(random.nextBoolean() ? " " : "");
			}
			assertThat(fast.find(text.toString())).as(text.toString()).isEqualTo(reference.find(text.toString()));
		}
	}

	/** The matcher as first written: a String per token, sets of words, and a map from first word to forms. */
	private static final class Reference {

		private static final Set<String> NEGATION_BEFORE = Set.of("no", "not", "without", "non", "nor");

		private static final Set<String> NEGATION_AFTER = Set.of("not", "isn", "aren", "doesn");

		private static final Set<String> NOT_NEEDED = Set.of("required", "needed", "necessary", "mandatory",
				"essential", "need", "require");

		private static final Set<String> WANTED = Set.of("preferred", "plus", "desired", "desirable", "bonus",
				"helpful", "beneficial", "advantage", "nice", "ideal", "ideally", "welcome", "valued", "appreciated");

		private final Map<String, List<Form>> formsByFirstToken = new LinkedHashMap<>();

		Reference(List<Concept> concepts) {
			for (Concept concept : concepts) {
				for (String written : concept.forms()) {
					boolean caseSensitive = written.startsWith("=");
					List<Token> tokens = Tokens.of(caseSensitive ? written.substring(1) : written);
					if (!tokens.isEmpty()) {
						this.formsByFirstToken.computeIfAbsent(tokens.get(0).folded(), (key) -> new ArrayList<>())
							.add(new Form(concept, tokens, caseSensitive));
					}
				}
			}
			this.formsByFirstToken.values()
				.forEach((forms) -> forms.sort(Comparator.comparingInt((Form form) -> form.tokens().size()).reversed()));
		}

		List<Match> find(String text) {
			List<Token> tokens = Tokens.of(text);
			Map<Concept, List<Evidence>> found = new LinkedHashMap<>();
			for (int i = 0; i < tokens.size(); i++) {
				List<Concept> matchedHere = new ArrayList<>();
				for (Form form : this.formsByFirstToken.getOrDefault(tokens.get(i).folded(), List.of())) {
					int last = i + form.tokens().size() - 1;
					if (matchedHere.contains(form.concept()) || !form.matchesAt(tokens, i) || isNegated(text, tokens, i, last)) {
						continue;
					}
					matchedHere.add(form.concept());
					List<Evidence> evidence = found.computeIfAbsent(form.concept(), (key) -> new ArrayList<>());
					if (evidence.size() < 50) {
						int start = tokens.get(i).start();
						int end = tokens.get(last).end();
						evidence.add(new Evidence(text.substring(start, end), start, end));
					}
				}
			}
			return found.entrySet().stream().map((entry) -> new Match(entry.getKey(), List.copyOf(entry.getValue()))).toList();
		}

		private static boolean isNegated(String text, List<Token> tokens, int first, int last) {
			for (int j = first - 1; j >= Math.max(0, first - 3) && !clauseBreak(text, tokens, j, j + 1); j--) {
				if (NEGATION_BEFORE.contains(tokens.get(j).folded())) {
					return true;
				}
			}
			int limit = Math.min(tokens.size() - 1, last + 5);
			for (int j = last + 1; j < limit && !clauseBreak(text, tokens, j - 1, j); j++) {
				String word = tokens.get(j).folded();
				if (WANTED.contains(word)) {
					return false;
				}
				String next = tokens.get(j + 1).folded();
				if (next.equals("t") && j + 2 < tokens.size()) {
					next = tokens.get(j + 2).folded();
				}
				if (NEGATION_AFTER.contains(word) && NOT_NEEDED.contains(next)) {
					return true;
				}
			}
			return false;
		}

		private static boolean clauseBreak(String text, List<Token> tokens, int before, int after) {
			String between = text.substring(tokens.get(before).end(), tokens.get(after).start());
			return between.chars().anyMatch((c) -> ";.,\n():•".indexOf(c) >= 0);
		}

		private record Form(Concept concept, List<Token> tokens, boolean caseSensitive) {

			boolean matchesAt(List<Token> text, int at) {
				if (at + this.tokens.size() > text.size()) {
					return false;
				}
				for (int k = 0; k < this.tokens.size(); k++) {
					Token wanted = this.tokens.get(k);
					Token actual = text.get(at + k);
					if (this.caseSensitive ? !wanted.original().equals(actual.original())
							: !wanted.folded().equals(actual.folded())) {
						return false;
					}
				}
				return true;
			}

		}

	}

}
