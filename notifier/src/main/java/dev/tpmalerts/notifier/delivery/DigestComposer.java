package dev.tpmalerts.notifier.delivery;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.tpmalerts.notifier.alert.Frequency;

/**
 * Composes one daily or weekly digest from its postings, without sending it: ranked by score, grouped by the
 * alert each matched, capped with an "and N more" line. Needs no Spring context (the benchmark composes digests for
 * many subscribers with it); one instance is safe to share between threads.
 */
public final class DigestComposer {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	/** Best score first; the newer of two equal scores first; then by id so the order never depends on input order. */
	static final Comparator<DigestItem> RANKING = Comparator.comparingInt(DigestItem::score)
		.reversed()
		.thenComparing(DigestItem::matchedAt, Comparator.nullsLast(Comparator.reverseOrder()))
		.thenComparing(DigestItem::postingId);

	private final ITemplateEngine engine;

	private final int size;

	/**
	 * @param engine the engine of the mail templates ({@link MailTemplates#engine()})
	 * @param size the most postings a digest lists
	 */
	public DigestComposer(ITemplateEngine engine, int size) {
		if (size < 1) {
			throw new IllegalArgumentException("a digest must be able to list at least one posting, size was " + size);
		}
		this.engine = Objects.requireNonNull(engine);
		this.size = size;
	}

	/** A composer with its own template engine and the default size (20 postings). */
	public static DigestComposer withDefaults() {
		return new DigestComposer(MailTemplates.engine(), DeliveryProperties.defaults().digestSize());
	}

	/**
	 * What one digest is made of.
	 * @param frequency DAILY or WEEKLY
	 * @param date the day of the digest in the reader's time zone
	 * @param items its postings, in any order (more than the size are ranked and cut)
	 * @param omitted postings already left out before (they are added to the "and N more" line)
	 * @param alerts the reader's alerts by id, each as its criteria in words ({@link dev.tpmalerts.notifier.alert.CriteriaInWords#describe})
	 * @param unsubscribeUrl the one-click unsubscribe URL
	 * @param manageUrl the link to the reader's manage page, or null for none
	 */
	public record Digest(Frequency frequency, LocalDate date, List<DigestItem> items, int omitted,
			Map<UUID, String> alerts, String unsubscribeUrl, String manageUrl) {

		public Digest {
			items = List.copyOf(items);
			alerts = (alerts != null) ? Map.copyOf(alerts) : Map.of();
		}

	}

	/** The postings a digest shows, best first, and how many it leaves out. */
	public record Ranked(List<DigestItem> shown, int omitted) {

	}

	/** Postings under one heading of a digest. */
	public record Group(String heading, List<DigestItem> items) {

	}

	/** Ranks postings by score and keeps the best {@code size}. */
	public static Ranked rank(List<DigestItem> items, int size) {
		List<DigestItem> sorted = new ArrayList<>(items);
		sorted.sort(RANKING);
		if (sorted.size() <= size) {
			return new Ranked(List.copyOf(sorted), 0);
		}
		return new Ranked(List.copyOf(sorted.subList(0, size)), sorted.size() - size);
	}

	public ComposedMail compose(Digest digest) {
		if (digest.frequency() == Frequency.INSTANT) {
			throw new IllegalArgumentException("an instant alert is not a digest");
		}
		Ranked ranked = rank(digest.items(), this.size);
		List<Group> groups = group(ranked.shown(), digest.alerts());
		int omitted = ranked.omitted() + Math.max(0, digest.omitted());
		String daily = (digest.frequency() == Frequency.DAILY) ? "daily" : "weekly";
		int count = ranked.shown().size() + omitted;
		String postings = count + " new " + ((count == 1) ? "posting" : "postings");

		Context context = new Context(Locale.ENGLISH);
		context.setVariable("heading", "Your " + daily + " TPM jobs");
		context.setVariable("intro", postings + " matched your alerts"
				+ ((digest.date() != null) ? " (" + DAY.format(digest.date()) + ")" : "") + ", best fit first.");
		context.setVariable("groups", groups);
		context.setVariable("omitted", omitted);
		context.setVariable("reason", reason(digest));
		context.setVariable("unsubscribeUrl", digest.unsubscribeUrl());
		context.setVariable("manageUrl", digest.manageUrl());
		String subject = Mailer.singleLine("Your " + daily + " TPM jobs: " + postings
				+ (ranked.shown().isEmpty() ? "" : ", top: " + ranked.shown().get(0).title()));
		return new ComposedMail(subject, this.engine.process("digest.txt", context),
				this.engine.process("digest.html", context), digest.unsubscribeUrl());
	}

	/** One group per alert, groups in the order of their best posting, postings in rank order within each. */
	static List<Group> group(List<DigestItem> ranked, Map<UUID, String> alerts) {
		Map<String, List<DigestItem>> byHeading = new LinkedHashMap<>();
		for (DigestItem item : ranked) {
			String described = (item.alertId() != null) ? alerts.get(item.alertId()) : null;
			String heading = (described == null || described.isBlank()) ? "Matching your alerts"
					: "Matching your alert for " + described;
			byHeading.computeIfAbsent(heading, (unused) -> new ArrayList<>()).add(item);
		}
		List<Group> groups = new ArrayList<>(byHeading.size());
		byHeading.forEach((heading, items) -> groups.add(new Group(heading, List.copyOf(items))));
		return groups;
	}

	private static String reason(Digest digest) {
		String kind = (digest.frequency() == Frequency.DAILY) ? "a daily digest" : "a weekly digest";
		List<String> described = digest.alerts().values().stream().filter((text) -> !text.isBlank()).distinct().sorted().toList();
		String criteria = switch (described.size()) {
			case 0 -> "";
			case 1 -> " for " + described.get(0);
			default -> " for " + String.join("; and for ", described);
		};
		return "you subscribed to " + kind + " of TPM job alerts" + criteria;
	}

}
