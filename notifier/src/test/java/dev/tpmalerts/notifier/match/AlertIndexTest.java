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
 * The alert index: the contract of {@link KeptAlerts}, past the 1,000 postings after which the index files its
 * alerts again by the shares it counted, and what only the index does (compaction, criteria it cannot file).
 */
class AlertIndexTest extends KeptAlertsContract {

	private final AlertIndex index = new AlertIndex();

	@Override
	KeptAlerts matcher() {
		return this.index;
	}

	@Override
	int postings() {
		return 1_200;
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

}
