package dev.tpmalerts.shared;

/** Where the work is done, as the posting states it. */
public enum Workplace {

	REMOTE, HYBRID, ONSITE, UNKNOWN

}
