package dev.tpmalerts.notifier.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link KeptAlerts} must do, against the definition: on thousands of generated alerts and postings it
 * finds exactly the alerts {@link AlertCriteria#matches} accepts, no more and no fewer, and it follows changes.
 */
abstract class KeptAlertsContract {

	final Generated generated = new Generated(20261126);

	/** The matcher under test, the same one through a test. */
	abstract KeptAlerts matcher();

	/** How many generated postings the equality test matches. */
	abstract int postings();

	@Test
	void shouldFindExactlyTheAlertsWhoseCriteriaMatch() {
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			alerts.add(new SavedAlert(UUID.randomUUID(), UUID.randomUUID(), this.generated.criteria(), Frequency.INSTANT));
		}
		matcher().putAll(alerts);
		for (SavedAlert alert : alerts) {
			assertThat(matcher().find(alert.id())).as("alert as the index keeps it").contains(alert);
		}
		assertThat(matcher().ids()).hasSize(alerts.size());
		int matches = 0;
		for (int i = 0; i < postings(); i++) {
			PostingMatched posting = this.generated.posting();
			Set<UUID> expected = new HashSet<>();
			for (SavedAlert alert : alerts) {
				if (alert.criteria().matches(posting)) {
					expected.add(alert.id());
				}
			}
			Set<UUID> found = ids(matcher().matching(posting));
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

		matcher().put(kubernetes);
		assertThat(ids(matcher().matching(posting))).containsExactly(id);
		matcher().put(storage);
		assertThat(matcher().matching(posting)).isEmpty();
		matcher().put(anything);
		assertThat(matcher().unconditionalCount()).isEqualTo(1);
		assertThat(ids(matcher().matching(posting))).containsExactly(id);
		matcher().put(kubernetes);
		assertThat(matcher().unconditionalCount()).isZero();
		assertThat(matcher().size()).isEqualTo(1);
		matcher().remove(id);
		assertThat(matcher().matching(posting)).isEmpty();
		assertThat(matcher().size()).isZero();
	}

	@Test
	void shouldMatchAPhraseRunningFromTheTitleIntoTheDescriptionAsTheCriteriaDo() {
		PostingMatched posting = matched("Senior Technical Program", "Manager for C++ tooling.", 80);
		SavedAlert phrase = alert(UUID.randomUUID(), AlertCriteria.of(List.of("program manager", "C++"), null, null));
		assertThat(phrase.criteria().matches(posting)).isTrue();

		matcher().put(phrase);

		assertThat(matcher().matching(posting)).containsExactly(phrase);
		assertThat(matcher().matching(PostingMatched.expired(posting.postingId(), Instant.now()))).isEmpty();
	}

	static SavedAlert alert(UUID id, AlertCriteria criteria) {
		return new SavedAlert(id, UUID.randomUUID(), criteria, Frequency.INSTANT);
	}

	static PostingMatched matched(String title, String description, int score) {
		Posting posting = new Posting("p1", title, "senior", "Contoso", List.of(Location.of("Austin", "TX", "US")),
				Workplace.HYBRID, null, null, "FULL_TIME", null, null, "https://example.org/job", null, description,
				List.of(), Instant.now());
		return new PostingMatched(PostingMatched.SCHEMA_VERSION, "p1", posting, "technical-program-manager", score,
				Map.of(), List.of(), "test", false, Instant.now());
	}

	static Set<UUID> ids(List<SavedAlert> alerts) {
		Set<UUID> ids = new HashSet<>();
		alerts.forEach((alert) -> ids.add(alert.id()));
		assertThat(ids).as("no alert twice").hasSameSizeAs(alerts);
		return ids;
	}

}
