package dev.tpmalerts.notifier.account;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.Frequency;

import static org.assertj.core.api.Assertions.assertThat;

class AccountManagementTest {

	@Test
	void shouldNameTheChangedFieldsButNeverTheirValues() {
		AlertSettings before = new AlertSettings(UUID.randomUUID(),
				AlertCriteria.of(List.of("kubernetes"), List.of("technical-program-manager"), 50), Frequency.INSTANT, false);
		AlertRequest after = new AlertRequest(
				AlertCriteria.of(List.of("secret-project-of-jane-doe"), List.of("technical-program-manager"), 70),
				Frequency.DAILY);

		List<String> changed = AccountManagement.changedFields(before, after);

		assertThat(changed).containsExactly("criteria.keywords", "criteria.minScore", "frequency");
		assertThat(String.join(" ", changed)).doesNotContain("jane").doesNotContain("kubernetes").doesNotContain("70");
	}

	@Test
	void shouldNameNothingWhenNothingChanged() {
		AlertCriteria criteria = AlertCriteria.of(List.of("platform"), List.of(), null);
		AlertSettings before = new AlertSettings(UUID.randomUUID(), criteria, Frequency.WEEKLY, true);

		assertThat(AccountManagement.changedFields(before, new AlertRequest(criteria, Frequency.WEEKLY))).isEmpty();
	}

	@Test
	void shouldRequireCriteriaAndFrequencyToReplaceAnAlert() {
		assertThat(new AlertRequest(null, null).problems()).containsExactly(
				"criteria is required (use {} for every posting)", "frequency is required: one of INSTANT, DAILY, WEEKLY");
		assertThat(new AlertRequest(AlertCriteria.of(List.of(), List.of("no-such-role"), 500), Frequency.DAILY).problems())
			.anySatisfy((problem) -> assertThat(problem).startsWith("criteria.roles"))
			.anySatisfy((problem) -> assertThat(problem).startsWith("criteria.minScore"));
	}

}
