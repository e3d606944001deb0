package dev.tpmalerts.notifier.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tpmalerts.shared.PostingMatched;

/**
 * What a person wants to hear about. Every criterion that is set must hold; an unset one matches anything.
 *
 * @param keywords words that must all appear in the title or the description
 * @param roles taxonomy role ids, any of which will do
 * @param minScore the lowest TPM-fit score (0–100) worth a mail
 */
public record AlertCriteria(List<String> keywords, List<String> roles, Integer minScore) {

	public AlertCriteria {
		keywords = (keywords != null) ? List.copyOf(keywords) : List.of();
		roles = (roles != null) ? List.copyOf(roles) : List.of();
	}

	/** Every problem with these criteria, each naming its field; empty when they are valid. */
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (this.minScore != null && (this.minScore < 0 || this.minScore > 100)) {
			problems.add("criteria.minScore must be between 0 and 100, was " + this.minScore);
		}
		for (String keyword : this.keywords) {
			if (keyword == null || keyword.isBlank() || keyword.length() > 100) {
				problems.add("criteria.keywords must be non-blank and at most 100 characters each");
				break;
			}
		}
		List<String> known = List.of("technical-program-manager", "program-manager", "project-manager",
				"product-manager", "other");
		for (String role : this.roles) {
			if (!known.contains(role)) {
				problems.add("criteria.roles has unknown role '" + role + "'; expected one of " + known);
			}
		}
		return problems;
	}

	public boolean matches(PostingMatched matched) {
		if (matched.expired() || matched.posting() == null) {
			return false;
		}
		if (!this.roles.isEmpty() && !this.roles.contains(matched.role())) {
			return false;
		}
		if (this.minScore != null && matched.score() < this.minScore) {
			return false;
		}
		String haystack = (matched.posting().title() + "\n" + matched.posting().descriptionText()).toLowerCase(Locale.ROOT);
		return this.keywords.stream().allMatch((keyword) -> haystack.contains(keyword.toLowerCase(Locale.ROOT)));
	}

}
