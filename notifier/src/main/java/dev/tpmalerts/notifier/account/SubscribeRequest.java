package dev.tpmalerts.notifier.account;

import java.util.ArrayList;
import java.util.List;

import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.Frequency;

/**
 * A request to subscribe. Consent is two explicit booleans that must both be true: nothing defaults to yes.
 *
 * @param timeZone the IANA time zone of the digests ("Europe/Berlin"); optional, UTC when absent
 */
public record SubscribeRequest(String email, AlertCriteria criteria, Frequency frequency, Consent consent,
		String timeZone) {

	/** A request without a time zone (digests timed in UTC until the owner sets one). */
	public SubscribeRequest(String email, AlertCriteria criteria, Frequency frequency, Consent consent) {
		this(email, criteria, frequency, consent, null);
	}

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
		if (this.timeZone != null) {
			problems.addAll(new SettingsRequest(null, this.timeZone).problems());
		}
		if (this.criteria != null) {
			problems.addAll(this.criteria.problems());
		}
		return problems;
	}

}
