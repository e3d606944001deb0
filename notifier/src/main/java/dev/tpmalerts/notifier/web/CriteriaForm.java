package dev.tpmalerts.notifier.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import dev.tpmalerts.notifier.account.AlertRequest;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.Alerts.AlertSettings;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.shared.Workplace;

/**
 * An alert's fields as a page's form sends them: text as typed (so a rejected form shows what was entered), lists
 * of ticked boxes. Keywords and places are comma-separated.
 */
record CriteriaForm(String keywords, List<String> roles, List<String> seniorities, List<String> certifications,
		List<String> degrees, List<String> methodologies, List<String> technical, List<String> industries,
		List<String> skills, String locations, List<String> workplaces, String minSalary, String currency,
		String minScore, String frequency) {

	CriteriaForm {
		roles = ticked(roles);
		seniorities = ticked(seniorities);
		certifications = ticked(certifications);
		degrees = ticked(degrees);
		methodologies = ticked(methodologies);
		technical = ticked(technical);
		industries = ticked(industries);
		skills = ticked(skills);
		workplaces = ticked(workplaces);
	}

	/** A new alert's form: nothing chosen, a daily digest. */
	static CriteriaForm blank() {
		return new CriteriaForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				Frequency.DAILY.name());
	}

	/** The form of a saved alert. */
	static CriteriaForm of(AlertSettings alert) {
		AlertCriteria criteria = alert.criteria();
		MinimumSalary salary = criteria.minSalary();
		return new CriteriaForm(String.join(", ", criteria.keywords()), criteria.roles(), criteria.seniorities(),
				criteria.certifications(), criteria.degrees(), criteria.methodologies(), criteria.technical(),
				criteria.industries(), criteria.skills(), String.join(", ", criteria.locations()),
				criteria.workplaces().stream().map((workplace) -> workplace.name().toLowerCase(Locale.ROOT)).toList(),
				(salary != null && salary.amount() != null) ? String.format(Locale.ROOT, "%.0f", salary.amount()) : null,
				(salary != null) ? salary.currency() : null,
				(criteria.minScore() != null) ? criteria.minScore().toString() : null, alert.frequency().name());
	}

	/** The ticked values of a group of boxes ("roles", "certifications", …), for the page to tick them again. */
	public List<String> selected(String field) {
		return switch (field) {
			case "roles" -> this.roles;
			case "seniorities" -> this.seniorities;
			case "workplaces" -> this.workplaces;
			case "certifications" -> this.certifications;
			case "degrees" -> this.degrees;
			case "methodologies" -> this.methodologies;
			case "technical" -> this.technical;
			case "industries" -> this.industries;
			case "skills" -> this.skills;
			default -> List.of();
		};
	}

	/**
	 * The alert these fields describe, and what could not even be read (a salary that is no number); the request's
	 * own {@link AlertRequest#problems()} say the rest.
	 */
	Parsed parse() {
		List<String> problems = new ArrayList<>();
		Double amount = number(this.minSalary, "criteria.minSalary.amount", problems);
		MinimumSalary salary = (amount != null)
				? new MinimumSalary(amount, blankToNull(this.currency) != null ? this.currency.strip().toUpperCase(Locale.ROOT) : null)
				: null;
		Double score = number(this.minScore, "criteria.minScore", problems);
		List<Workplace> places = new ArrayList<>();
		for (String workplace : this.workplaces) {
			try {
				places.add(Workplace.valueOf(workplace.toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				problems.add("criteria.workplaces must be among remote, hybrid, onsite");
			}
		}
		if (score != null && score != Math.rint(score)) {
			problems.add("criteria.minScore must be a whole number between 0 and 100");
			score = null;
		}
		AlertCriteria criteria = new AlertCriteria(commaSeparated(this.keywords), this.roles, this.seniorities,
				this.certifications, this.degrees, this.methodologies, this.technical, this.industries, this.skills,
				commaSeparated(this.locations), places, salary, (score != null) ? score.intValue() : null);
		Frequency chosen = frequency(problems);
		AlertRequest request = new AlertRequest(criteria, chosen);
		// A missing frequency is already named above, in the page's words.
		request.problems().stream().filter((problem) -> chosen != null || !problem.startsWith("frequency")).forEach(problems::add);
		return new Parsed(request, problems);
	}

	private Frequency frequency(List<String> problems) {
		if (blankToNull(this.frequency) == null) {
			problems.add("frequency: choose how often this alert mails you");
			return null;
		}
		if (Arrays.stream(Frequency.values()).noneMatch((known) -> known.name().equals(this.frequency))) {
			problems.add("frequency must be one of INSTANT, DAILY, WEEKLY");
			return null;
		}
		return Frequency.valueOf(this.frequency);
	}

	/** The alert as read, and every problem with it, each naming its field. */
	record Parsed(AlertRequest request, List<String> problems) {

	}

	private static Double number(String text, String field, List<String> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		try {
			// "120,000" and "120 000" are how people write salaries.
			return Double.valueOf(value.replaceAll("[,\\s_]", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(field + " must be a number, was '" + (value.length() > 30 ? value.substring(0, 30) + "…" : value)
					+ "'");
			return null;
		}
	}

	private static List<String> commaSeparated(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split(",")).map(String::strip).filter((part) -> !part.isEmpty()).toList();
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static List<String> ticked(List<String> values) {
		return (values != null) ? values.stream().filter((value) -> value != null && !value.isBlank()).toList() : List.of();
	}

}
