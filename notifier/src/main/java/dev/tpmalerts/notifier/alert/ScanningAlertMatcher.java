package dev.tpmalerts.notifier.alert;

import java.util.ArrayList;
import java.util.List;

import dev.tpmalerts.shared.PostingMatched;

import org.springframework.stereotype.Component;

/** Reads every live alert from the database for each posting: correct, and fine for a few thousand alerts. */
@Component
class ScanningAlertMatcher implements AlertMatcher {

	private final Alerts alerts;

	ScanningAlertMatcher(Alerts alerts) {
		this.alerts = alerts;
	}

	@Override
	public List<SavedAlert> matching(PostingMatched matched) {
		List<SavedAlert> found = new ArrayList<>();
		for (SavedAlert alert : this.alerts.active()) {
			if (alert.criteria().matches(matched)) {
				found.add(alert);
			}
		}
		return found;
	}

}
