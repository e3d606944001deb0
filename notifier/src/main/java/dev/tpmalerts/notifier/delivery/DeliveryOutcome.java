package dev.tpmalerts.notifier.delivery;

/** What happened to one email (or to one account and posting, for the ledger's answers). */
public sealed interface DeliveryOutcome {

	/** The SMTP server accepted the email; its postings are in the ledger as sent. */
	record Sent(int postings) implements DeliveryOutcome {

	}

	/** The ledger already had this pair: nothing was sent again. */
	record AlreadySent() implements DeliveryOutcome {

	}

	/** Nothing was sent, on purpose: the account stopped receiving mail, the postings expired, or another instance has it. */
	record Skipped(String why) implements DeliveryOutcome {

	}

	/** The SMTP server refused the address for good (5xx): the address is suppressed and the account with it. */
	record Suppressed(int smtpCode) implements DeliveryOutcome {

	}

	/** The email could not be sent now; {@code willRetry} tells whether it stays queued for a later attempt. */
	record Failed(String reason, boolean willRetry) implements DeliveryOutcome {

	}

}
