package dev.tpmalerts.notifier.match;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tpmalerts.notifier.alert.AlertMatcher;
import dev.tpmalerts.notifier.alert.SavedAlert;

/**
 * An alert matcher that keeps the alerts itself: the alert index, and lucene-monitor's version of it that the
 * bench compares it with. Both are held to the same contract by the same tests.
 */
interface KeptAlerts extends AlertMatcher {

	/** Adds the alert, or replaces the one with its id. */
	void put(SavedAlert alert);

	void putAll(Collection<SavedAlert> alerts);

	void remove(UUID alertId);

	Optional<SavedAlert> find(UUID alertId);

	Set<UUID> ids();

	int size();

	/** Alerts without a criterion to file them under, checked against every posting. */
	int unconditionalCount();

}
