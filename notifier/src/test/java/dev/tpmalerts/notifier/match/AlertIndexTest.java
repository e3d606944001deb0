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
 * The index against the definition: on thousands of generated alerts and postings, the alert index must find
 * exactly the alerts {@link AlertCriteria#matches} accepts, no more and no fewer.
 */
class AlertIndexTest {

	private final AlertIndex index = new AlertIndex();

	private final Generated generated = new Generated(20261126);

	@Test
	void shouldFindExactlyTheAlertsWhoseCriteriaMatch() {
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 4_000; i++) {
			alerts.add(new SavedAlert(UUID.randomUUID(), UUID.randomUUID(), this.generated.criteria(), Frequency.INSTANT));
		}
		this.index.putAll(alerts);
		for (SavedAlert alert : alerts) {
			assertThat(this.index.find(alert.id())).as("alert as the index keeps it").contains(alert);
		}
		assertThat(this.index.ids()).hasSize(alerts.size());
		int matches = 0;
		// Past 1,000 postings: the index then files the alerts again by the shares it counted.
		for (int i = 0; i < 1_200; i++) {
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

	@Test
	void shouldFindAgainAnAlertReplacedAndRemovedManyTimes() {
		// Copies its records together after every 1,000 ints left by removed alerts, so that this runs too.
		AlertIndex index = new AlertIndex(1_000);
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			alerts.add(new SavedAlert(UUID.randomUUID(), UUID.randomUUID(), this.generated.criteria(), Frequency.DAILY));
		}
		index.putAll(alerts);
		List<SavedAlert> live = new ArrayList<>();
		for (int i = 0; i < alerts.size(); i++) {
			SavedAlert alert = alerts.get(i);
			if (i % 3 == 0) {
				index.remove(alert.id());
			}
			else if (i % 3 == 1) {
				SavedAlert changed = new SavedAlert(alert.id(), alert.accountId(), this.generated.criteria(), Frequency.WEEKLY);
				index.put(changed);
				live.add(changed);
			}
			else {
				live.add(alert);
			}
		}
		assertThat(index.size()).isEqualTo(live.size());
		assertThat(index.compactions()).isPositive();
		for (SavedAlert alert : live) {
			assertThat(index.find(alert.id())).contains(alert);
		}
		for (int i = 0; i < 200; i++) {
			PostingMatched posting = this.generated.posting();
			Set<UUID> expected = new HashSet<>();
			live.stream().filter((alert) -> alert.criteria().matches(posting)).forEach((alert) -> expected.add(alert.id()));
			assertThat(ids(index.matching(posting))).isEqualTo(expected);
		}
	}

	@Test
	void shouldCheckCriteriaItCannotFileOnEveryPostingAsTheCriteriaDo() {
		PostingMatched posting = matched("Technical Program Manager", "", 80);
		// Never validated: a keyword without a word, a place list with a null.
		SavedAlert noWord = alert(UUID.randomUUID(), AlertCriteria.of(List.of("--"), null, null));
		List<String> places = new ArrayList<>();
		places.add(null);
		SavedAlert nullPlace = alert(UUID.randomUUID(), new AlertCriteria(null, null, null, null, null, null, null, null,
				null, places, null, null, null));

		this.index.putAll(List.of(noWord, nullPlace));

		assertThat(this.index.unconditionalCount()).isEqualTo(2);
		assertThat(noWord.criteria().matches(posting)).isTrue();
		assertThat(this.index.matching(posting)).containsExactly(noWord);
	}

	@Test
	void shouldComparePlacesAsEqualsIgnoreCaseDoes() {
		Posting posting = new Posting("p1", "TPM", null, "Contoso", List.of(Location.of("İstanbul", null, "TR")),
				Workplace.ONSITE, null, null, "FULL_TIME", null, null, "https://example.org/job", null, "", List.of(),
				Instant.now());
		PostingMatched matched = new PostingMatched(PostingMatched.SCHEMA_VERSION, "p1", posting, null, 50, Map.of(),
				List.of(), "test", false, Instant.now());
		for (String place : List.of("istanbul", "ISTANBUL", "İSTANBUL", "tr", "Istanbul ")) {
			SavedAlert alert = alert(UUID.randomUUID(), new AlertCriteria(null, null, null, null, null, null, null, null,
					null, List.of(place), null, null, null));
			this.index.put(alert);
			assertThat(!this.index.matching(matched).isEmpty()).as(place).isEqualTo(alert.criteria().matches(matched));
			this.index.remove(alert.id());
		}
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
