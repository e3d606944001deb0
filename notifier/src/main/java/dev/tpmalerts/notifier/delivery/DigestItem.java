package dev.tpmalerts.notifier.delivery;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.jsoup.Jsoup;

import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;

/**
 * One posting as an email shows it: what a digest lists and what an instant alert shows, taken from the posting
 * when it was matched. Every text is on one line and every link is http(s), so nothing from a posting can break a
 * header or run script in a mail client.
 *
 * @param postingId the posting's id
 * @param alertId the account's alert it matched (the reason it is mailed)
 * @param score the TPM-fit score, 0–100
 * @param title the title
 * @param company the employer, or null
 * @param location the first location, or null
 * @param workplace remote, hybrid, onsite, or null
 * @param url the posting's http(s) URL, or null when it had none that is safe to link
 * @param excerpt the start of the description as plain text, or null
 * @param validThrough the last day the posting is open, or null
 * @param matchedAt when the matcher published it
 */
public record DigestItem(String postingId, UUID alertId, int score, String title, String company, String location,
		String workplace, String url, String excerpt, LocalDate validThrough, Instant matchedAt) {

	public DigestItem {
		title = clip(oneLine(title), 500);
		if (title == null) {
			title = "(untitled posting)";
		}
		company = clip(oneLine(company), 300);
		location = clip(oneLine(location), 300);
		workplace = clip(oneLine(workplace), 20);
		url = safeUrl(url);
		excerpt = clip(oneLine(excerpt), 2000);
	}

	/** The item for a matched posting. */
	public static DigestItem of(PostingMatched matched, UUID alertId, int excerptLength) {
		Posting posting = matched.posting();
		String workplace = switch (posting.workplace()) {
			case UNKNOWN -> null;
			default -> posting.workplace().name().toLowerCase(Locale.ROOT);
		};
		return new DigestItem(matched.postingId(), alertId, matched.score(), posting.title(), posting.company(),
				posting.primaryLocation(), workplace, posting.canonicalUrl(), excerpt(posting, excerptLength),
				posting.validThrough(), (matched.matchedAt() != null) ? matched.matchedAt() : posting.fetchedAt());
	}

	/**
	 * The start of the description as plain text, cut at a word. The HTML is reduced to its text by jsoup (no tag or
	 * attribute survives); the templates escape that text again when they put it into HTML.
	 */
	static String excerpt(Posting posting, int length) {
		String text = posting.descriptionText();
		if ((text == null || text.isBlank()) && posting.descriptionHtml() != null) {
			text = Jsoup.parse(posting.descriptionHtml()).text();
		}
		text = oneLine(text);
		if (text == null || length <= 0) {
			return null;
		}
		if (text.length() <= length) {
			return text;
		}
		int cut = text.lastIndexOf(' ', length);
		return text.substring(0, (cut > length / 2) ? cut : length).strip() + "…";
	}

	/** Collapses every run of white space, line breaks included, to one space; null for nothing. */
	static String oneLine(String value) {
		if (value == null) {
			return null;
		}
		String line = value.replaceAll("[\\s\\u0085\\u2028\\u2029]+", " ").strip();
		return line.isEmpty() ? null : line;
	}

	private static String clip(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max - 1) + "…";
	}

	/** The URL when it is an absolute http or https URL without white space; null otherwise ("javascript:", …). */
	static String safeUrl(String url) {
		if (url == null || url.length() > 2000 || !url.equals(url.strip()) || url.chars().anyMatch(Character::isWhitespace)) {
			return null;
		}
		try {
			URI uri = new URI(url);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			return ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) ? url : null;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
