package dev.tpmalerts.notifier.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The index against the definition: on thousands of generated alerts and postings, the alert index must find
 * exactly the alerts {@link AlertCriteria#matches} accepts, no more and no fewer.
 */
class MonitorAlertMatcherTest {

	private static final List<String> WORDS = List.of("program", "manager", "technical", "kubernetes", "payments",
			"cloud", "infrastructure", "data", "platform", "c++", "c#", "ml", "launch", "roadmap", "security", "agile",
			"storage", "networking", "the", "and", "of");

	private static final List<String> PLACES = List.of("US", "Austin", "TX", "London", "GB", "Berlin", "DE",
			"Seattle", "WA", "New York", "NY", "Toronto", "Ontario", "CA");

	private final MonitorAlertMatcher index = new MonitorAlertMatcher();

	private final Random random = new Random(20261126);

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void shouldFindExactlyTheAlertsWhoseCriteriaMatch() {
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			alerts.add(new SavedAlert(UUID.randomUUID(), UUID.randomUUID(), criteria(), Frequency.INSTANT));
		}
		this.index.putAll(alerts);
		int matches = 0;
		for (int i = 0; i < 400; i++) {
			PostingMatched posting = posting();
			Set<UUID> expected = new HashSet<>();
			for (SavedAlert alert : alerts) {
				if (alert.criteria().matches(posting)) {
					expected.add(alert.id());
				}
			}
			Set<UUID> found = ids(this.index.matching(posting));
			assertThat(found).as("alerts matching %s", posting).isEqualTo(expected);
			matches += expected.size();
		}
		// The generated data must exercise matching, not only agree on "nothing matches".
		assertThat(matches).isGreaterThan(4_000);
	}

	@Test
	void shouldFollowUpdatesAndRemovals() {
		UUID id = UUID.randomUUID();
		PostingMatched posting = matched("Technical Program Manager, Payments", "We run Kubernetes.", 80);
		SavedAlert kubernetes = alert(id, AlertCriteria.of(List.of("kubernetes"), null, null));
		SavedAlert storage = alert(id, AlertCriteria.of(List.of("storage"), null, null));
		SavedAlert anything = alert(id, AlertCriteria.of(null, null, 70));

		this.index.put(kubernetes);
		assertThat(ids(this.index.matching(posting))).containsExactly(id);
		this.index.put(storage);
		assertThat(this.index.matching(posting)).isEmpty();
		this.index.put(anything);
		assertThat(this.index.unconditionalCount()).isEqualTo(1);
		assertThat(ids(this.index.matching(posting))).containsExactly(id);
		this.index.put(kubernetes);
		assertThat(this.index.unconditionalCount()).isZero();
		assertThat(this.index.size()).isEqualTo(1);
		this.index.remove(id);
		assertThat(this.index.matching(posting)).isEmpty();
		assertThat(this.index.size()).isZero();
	}

	@Test
	void shouldMatchAPhraseRunningFromTheTitleIntoTheDescriptionAsTheCriteriaDo() {
		PostingMatched posting = matched("Senior Technical Program", "Manager for C++ tooling.", 80);
		SavedAlert phrase = alert(UUID.randomUUID(), AlertCriteria.of(List.of("program manager", "C++"), null, null));
		assertThat(phrase.criteria().matches(posting)).isTrue();

		this.index.put(phrase);

		assertThat(this.index.matching(posting)).containsExactly(phrase);
		assertThat(this.index.matching(PostingMatched.expired(posting.postingId(), Instant.now()))).isEmpty();
	}

	private AlertCriteria criteria() {
		return new AlertCriteria(some(2, 0.5, this::keyword), some(2, 0.6, () -> pick(TaxonomyIds.ROLES)),
				some(2, 0.2, () -> pick(TaxonomyIds.SENIORITIES)), facet("certifications", 0.1),
				facet("degrees", 0.05), facet("methodologies", 0.1), facet("technical", 0.2),
				facet("industries", 0.15), facet("skills", 0.1), some(3, 0.35, this::place),
				some(2, 0.25, () -> pick(List.of(Workplace.REMOTE, Workplace.HYBRID, Workplace.ONSITE))),
				(this.random.nextDouble() < 0.2)
						? new MinimumSalary(50_000.0 + this.random.nextInt(150_000), pick(List.of("USD", "EUR")))
						: null,
				(this.random.nextDouble() < 0.5) ? this.random.nextInt(90) : null);
	}

	private String keyword() {
		String first = pick(WORDS);
		String keyword = (this.random.nextDouble() < 0.35) ? first + pick(List.of(" ", "-", ", ")) + pick(WORDS) : first;
		return (this.random.nextBoolean()) ? keyword.toUpperCase() : keyword;
	}

	private String place() {
		String place = pick(PLACES);
		return this.random.nextBoolean() ? place.toLowerCase() : place;
	}

	private List<String> facet(String facet, double share) {
		return some(3, share, () -> pick(TaxonomyIds.FACETS.get(facet)));
	}

	private <T> List<T> some(int max, double share, Supplier<T> value) {
		if (this.random.nextDouble() >= share) {
			return null;
		}
		List<T> values = new ArrayList<>();
		for (int n = 1 + this.random.nextInt(max); n > 0; n--) {
			values.add(value.get());
		}
		return values;
	}

	private PostingMatched posting() {
		if (this.random.nextDouble() < 0.02) {
			return PostingMatched.expired("expired-" + this.random.nextInt(), Instant.now());
		}
		List<Tag> tags = new ArrayList<>();
		TaxonomyIds.FACETS.forEach((facet, ids) -> {
			for (int n = this.random.nextInt(3); n > 0; n--) {
				tags.add(new Tag(facet, pick(ids), "label", List.of()));
			}
		});
		List<Location> locations = new ArrayList<>();
		for (int n = this.random.nextInt(3); n > 0; n--) {
			locations.add(pick(List.of(Location.of("Austin", "TX", "US"), Location.of("London", null, "GB"),
					Location.of("Berlin", "Berlin", "DE"), Location.of("New York", "NY", "US"),
					Location.of(null, "Ontario", "CA"), Location.of(null, null, "US"))));
		}
		Salary salary = switch (this.random.nextInt(4)) {
			case 0 -> Salary.of(100_000.0 + this.random.nextInt(100_000), null, pick(List.of("USD", "EUR")), SalaryPeriod.YEAR);
			case 1 -> Salary.of(60.0, 40.0 + this.random.nextInt(80), "USD", SalaryPeriod.HOUR);
			default -> null;
		};
		Posting posting = new Posting("p" + this.random.nextInt(), text(2 + this.random.nextInt(4)),
				(this.random.nextDouble() < 0.8) ? pick(TaxonomyIds.SENIORITIES) : null, "Contoso", locations,
				pick(List.of(Workplace.values())), null, salary, "FULL_TIME", LocalDate.of(2026, 11, 26), null,
				"https://example.org/job", null, text(10 + this.random.nextInt(60)), List.of(), Instant.now());
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(), posting,
				(this.random.nextDouble() < 0.95) ? pick(TaxonomyIds.ROLES) : null, this.random.nextInt(101), Map.of(),
				tags, "test", false, Instant.now());
	}

	private String text(int words) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < words; i++) {
			String word = pick(WORDS);
			text.append(this.random.nextBoolean() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
				.append(pick(List.of(" ", " ", ", ", ". ", " - ", "\n")));
		}
		return text.toString();
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static SavedAlert alert(UUID id, AlertCriteria criteria) {
		return new SavedAlert(id, UUID.randomUUID(), criteria, Frequency.INSTANT);
	}

	private static PostingMatched matched(String title, String description, int score) {
		Posting posting = new Posting("p1", title, "senior", "Contoso", List.of(Location.of("Austin", "TX", "US")),
				Workplace.HYBRID, null, null, "FULL_TIME", null, null, "https://example.org/job", null, description,
				List.of(), Instant.now());
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, "p1", posting, "technical-program-manager", score,
				Map.of(), List.of(), "test", false, Instant.now());
	}

	private static Set<UUID> ids(List<SavedAlert> alerts) {
		Set<UUID> ids = new HashSet<>();
		alerts.forEach((alert) -> ids.add(alert.id()));
		assertThat(ids).as("no alert twice").hasSameSizeAs(alerts);
		return ids;
	}

}
