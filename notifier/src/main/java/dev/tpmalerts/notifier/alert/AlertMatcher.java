package dev.tpmalerts.notifier.alert;

import java.util.List;

import dev.tpmalerts.shared.PostingMatched;

/** Finds the saved alerts of active accounts that a matched posting satisfies. */
public interface AlertMatcher {

	/** The live alerts whose criteria the posting meets (by {@link AlertCriteria#matches}), in no set order. */
	List<SavedAlert> matching(PostingMatched matched);

}
