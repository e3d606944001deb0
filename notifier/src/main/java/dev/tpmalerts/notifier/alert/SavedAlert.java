package dev.tpmalerts.notifier.alert;

import java.util.UUID;

/** An alert of an active account, as the matcher needs it (no personal data beyond the account id). */
public record SavedAlert(UUID id, UUID accountId, AlertCriteria criteria, Frequency frequency) {

}
