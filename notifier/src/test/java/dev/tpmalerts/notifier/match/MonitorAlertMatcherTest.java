package dev.tpmalerts.notifier.match;

import org.junit.jupiter.api.AfterEach;

/** lucene-monitor's alert matcher, the bench's comparison, holds to the same contract as the alert index. */
class MonitorAlertMatcherTest extends KeptAlertsContract {

	private final MonitorAlertMatcher index = new MonitorAlertMatcher();

	@Override
	KeptAlerts matcher() {
		return this.index;
	}

	@Override
	int postings() {
		return 400;
	}

	@AfterEach
	void close() throws Exception {
		this.index.close();
	}

}
