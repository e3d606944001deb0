package dev.tpmalerts.notifier.account;

import java.util.ArrayList;
import java.util.List;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Frequency;

/**
 * A request to subscribe. Consent is two explicit booleans that must both be true: nothing defaults to yes.
 */
public record SubscribeRequest(String email, AlertCriteria criteria, Frequency frequency, Consent consent) {

	/** The person's explicit answers to "I agree to the Privacy Policy" and "I agree to the Terms of Service". */
	public record Consent(Boolean privacyPolicy, Boolean termsOfService) {

	}

	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		if (!EmailAddresses.isValid(this.email)) {
			problems.add("email is not a valid email address");
		}
		if (this.consent == null || !Boolean.TRUE.equals(this.consent.privacyPolicy())) {
			problems.add("consent.privacyPolicy must be true: the Privacy Policy has to be accepted explicitly");
		}
		if (this.consent == null || !Boolean.TRUE.equals(this.consent.termsOfService())) {
			problems.add("consent.termsOfService must be true: the Terms of Service have to be accepted explicitly");
		}
		if (this.criteria != null) {
			problems.addAll(this.criteria.problems());
		}
		return problems;
	}

}
