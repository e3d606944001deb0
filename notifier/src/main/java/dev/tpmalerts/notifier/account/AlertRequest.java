package dev.tpmalerts.notifier.account;

import java.util.ArrayList;
import java.util.List;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Frequency;

/**
 * An alert as its owner adds or replaces it on the manage page. Replacing needs both fields, so that a forgotten
 * field is an error, not a silent reset to "anything, instantly".
 */
public record AlertRequest(AlertCriteria criteria, Frequency frequency) {

	/** Every problem, each naming its field; empty when the request is valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.criteria == null) {
			problems.add("criteria is required (use {} for every posting)");
		}
		else {
			problems.addAll(this.criteria.problems());
		}
		if (this.frequency == null) {
			problems.add("frequency is required: one of INSTANT, DAILY, WEEKLY");
		}
		return problems;
	}

}
