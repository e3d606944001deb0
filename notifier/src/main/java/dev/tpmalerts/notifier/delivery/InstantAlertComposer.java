package dev.tpmalerts.notifier.delivery;

import java.util.Locale;
import java.util.Objects;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Composes the email of one instant alert from the templates {@code instant.txt} and {@code instant.html}. */
public final class InstantAlertComposer {

	private final ITemplateEngine engine;

	public InstantAlertComposer(ITemplateEngine engine) {
		this.engine = Objects.requireNonNull(engine);
	}

	/**
	 * @param item the posting
	 * @param reason why the reader receives it ("you subscribed to instant TPM job alerts for …")
	 * @param unsubscribeUrl the one-click unsubscribe URL
	 * @param manageUrl the link to the reader's manage page, or null for none
	 */
	public ComposedMail compose(DigestItem item, String reason, String unsubscribeUrl, String manageUrl) {
		Context context = new Context(Locale.ENGLISH);
		context.setVariable("item", item);
		context.setVariable("reason", reason);
		context.setVariable("unsubscribeUrl", unsubscribeUrl);
		context.setVariable("manageUrl", manageUrl);
		String subject = Mailer.singleLine("New TPM job: " + item.title()
				+ ((item.company() != null) ? " at " + item.company() : ""));
		return new ComposedMail(subject, this.engine.process("instant.txt", context),
				this.engine.process("instant.html", context), unsubscribeUrl);
	}

}
