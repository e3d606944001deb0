package dev.tpmalerts.notifier.alert;

import java.util.Set;
import java.util.UUID;

/**
 * Some of an account's alerts changed, went away, or became live or not live with the account. Published inside
 * the writing transaction; whoever follows it (the alert index) acts after the commit and reads the state then.
 *
 * @param accountId the account whose alerts to look at again
 * @param alertIds alerts that changed, deleted ones included (they can no longer be found by account); empty when
 *        every alert of the account is concerned
 */
public record AlertsChanged(UUID accountId, Set<UUID> alertIds) {

	public AlertsChanged {
		alertIds = Set.copyOf(alertIds);
	}

}
