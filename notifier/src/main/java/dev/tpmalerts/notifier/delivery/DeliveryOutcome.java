package dev.tpmalerts.notifier.delivery;

/** What happened to one (account, posting) pair. */
public sealed interface DeliveryOutcome {

	/** The email went out and is in the ledger. */
	record Sent() implements DeliveryOutcome {

	}

	/** The ledger already had this pair: nothing was sent again. */
	record AlreadySent() implements DeliveryOutcome {

	}

	/** The account stopped receiving mail in the meantime. */
	record Skipped(String why) implements DeliveryOutcome {

	}

}
