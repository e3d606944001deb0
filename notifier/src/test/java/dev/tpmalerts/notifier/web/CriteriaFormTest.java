package dev.tpmalerts.notifier.web;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.shared.Workplace;

import static org.assertj.core.api.Assertions.assertThat;

/** The alert form as a person fills it in, and the problems the page shows next to each field. */
class CriteriaFormTest {

	@Test
	void shouldReadTheFieldsAsPeopleWriteThem() {
		CriteriaForm form = new CriteriaForm(" platform, , payments ", List.of("technical-program-manager"), null,
				List.of("pmp", ""), null, null, null, null, null, "US, Berlin", List.of("remote"), "120,000", "usd", "60",
				"WEEKLY");

		CriteriaForm.Parsed parsed = form.parse();

		assertThat(parsed.problems()).isEmpty();
		AlertCriteria criteria = parsed.request().criteria();
		assertThat(criteria.keywords()).containsExactly("platform", "payments");
		assertThat(criteria.certifications()).containsExactly("pmp");
		assertThat(criteria.locations()).containsExactly("US", "Berlin");
		assertThat(criteria.workplaces()).containsExactly(Workplace.REMOTE);
		assertThat(criteria.minSalary()).isEqualTo(new MinimumSalary(120_000.0, "USD"));
		assertThat(criteria.minScore()).isEqualTo(60);
		assertThat(parsed.request().frequency()).isEqualTo(Frequency.WEEKLY);
	}

	@Test
	void shouldNameEachFieldThatIsWrong() {
		CriteriaForm form = new CriteriaForm(null, List.of("astronaut"), null, null, null, null, null, null, null, null,
				List.of("moon"), "lots", null, "12.5", null);

		FormErrors errors = FormErrors.of(form.parse().problems());

		assertThat(errors.of("minSalary")).containsExactly("minSalary.amount must be a number, was 'lots'");
		assertThat(errors.of("minScore")).containsExactly("minScore must be a whole number between 0 and 100");
		assertThat(errors.of("workplaces")).containsExactly("workplaces must be among remote, hybrid, onsite");
		assertThat(errors.of("frequency")).containsExactly("frequency: choose how often this alert mails you");
		assertThat(errors.of("roles")).singleElement().asString().startsWith("roles has unknown value 'astronaut'");
		assertThat(errors.of("keywords")).isEmpty();
	}

	@Test
	void shouldShowASavedAlertAsItsForm() {
		AlertCriteria criteria = new AlertCriteria(List.of("platform", "payments"), List.of("program-manager"), null,
				null, null, null, null, null, null, List.of("DE"), List.of(Workplace.HYBRID),
				new MinimumSalary(90_000.0, "EUR"), null);

		CriteriaForm form = CriteriaForm.of(new AlertSettings(UUID.randomUUID(), criteria, Frequency.DAILY, false));

		assertThat(form.keywords()).isEqualTo("platform, payments");
		assertThat(form.selected("roles")).containsExactly("program-manager");
		assertThat(form.selected("workplaces")).containsExactly("hybrid");
		assertThat(form.minSalary()).isEqualTo("90000");
		assertThat(form.parse().request().criteria()).isEqualTo(criteria);
	}

}
