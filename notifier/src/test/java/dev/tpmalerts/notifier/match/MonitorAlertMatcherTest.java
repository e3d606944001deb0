package dev.tpmalerts.notifier.match;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
 * The index against the definition: on thousands of generated alerts and postings, the alert index must find
 * exactly the alerts {@link AlertCriteria#matches} accepts, no more and no fewer.
 */
class MonitorAlertMatcherTest {

	private final MonitorAlertMatcher index = new MonitorAlertMatcher();

	private final Generated generated = new Generated(20261126);

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

	@Test
	void shouldFindExactlyTheAlertsWhoseCriteriaMatch() {
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			alerts.add(new SavedAlert(UUID.randomUUID(), UUID.randomUUID(), this.generated.criteria(), Frequency.INSTANT));
		}
		this.index.putAll(alerts);
		int matches = 0;
		for (int i = 0; i < 400; i++) {
			PostingMatched posting = this.generated.posting();
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
