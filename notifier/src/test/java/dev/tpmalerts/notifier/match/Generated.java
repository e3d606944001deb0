package dev.tpmalerts.notifier.match;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

/**
 * Random alert criteria and matched postings drawn from small vocabularies, so that they often meet: keywords in
 * any case and with punctuation, phrases, places in any case (Istanbul with a dotted capital too), salaries by the
 * year and by the hour. Two kinds of alerts: most as people save them (a role, a city or a country, a keyword or a
 * facet), the rest with any mix of criteria, so that every clause is exercised.
 */
final class Generated {

	private static final List<String> WORDS = List.of("program", "manager", "technical", "kubernetes", "payments",
			"cloud", "infrastructure", "data", "platform", "c++", "c#", "ml", "launch", "roadmap", "security", "agile",
			"storage", "networking", "the", "and", "of");

	private static final List<String> PLACES = List.of("US", "Austin", "TX", "London", "GB", "Berlin", "DE",
			"Seattle", "WA", "New York", "NY", "Toronto", "Ontario", "CA", "İstanbul", "ISTANBUL", "TR");

	private final Random random;

	Generated(long seed) {
		this.random = new Random(seed);
	}

	AlertCriteria criteria() {
		return (this.random.nextDouble() < 0.6) ? selective() : broad();
	}

	/** A role, a place, then a keyword or a facet value or two; now and then a seniority, a score or a salary. */
	private AlertCriteria selective() {
		List<String> facet = (this.random.nextBoolean()) ? facet("technical", 1) : null;
		return new AlertCriteria((facet == null) ? some(2, 1, this::keyword) : null,
				(this.random.nextDouble() < 0.9) ? List.of(pick(TaxonomyIds.ROLES)) : null,
				some(1, 0.2, () -> pick(TaxonomyIds.SENIORITIES)), null, null, null, facet, null,
				facet("skills", 0.1), List.of(place()), some(1, 0.2, () -> pick(List.of(Workplace.values()).subList(0, 3))),
				(this.random.nextDouble() < 0.1) ? new MinimumSalary(90_000.0, "USD") : null,
				(this.random.nextDouble() < 0.3) ? this.random.nextInt(90) : null);
	}

	private AlertCriteria broad() {
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

	PostingMatched posting() {
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
					Location.of("istanbul", null, "TR"),
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

}
