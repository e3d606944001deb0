package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingIds;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SourceRef;

import org.springframework.stereotype.Component;

/** Normalises one raw posting; rejects it with a {@link RejectedPostingException} naming what was wrong. */
@Component
public class PostingNormalizer {

	private static final Safelist DESCRIPTION_TAGS = Safelist.basic().addTags("h1", "h2", "h3", "h4", "h5", "h6");

	private static final int MAX_TITLE = 300;

	private final Clock clock;

	public PostingNormalizer(Clock clock) {
		this.clock = clock;
	}

	public Posting normalize(RawPosting raw) {
		if (raw.title() == null || raw.title().isBlank()) {
			throw new RejectedPostingException("title is missing in the posting at " + raw.url());
		}
		String title = Titles.clean(raw.title());
		if (title.length() > MAX_TITLE) {
			throw new RejectedPostingException("title is " + title.length() + " characters long (at most "
					+ MAX_TITLE + "): '" + title.substring(0, 60) + "…'");
		}
		if (raw.url() == null || raw.url().isBlank()) {
			throw new RejectedPostingException("url is missing in the posting titled '" + title + "'");
		}
		String canonicalUrl = CanonicalUrls.canonicalize(raw.url());
		String html = (raw.descriptionHtml() == null) ? "" : raw.descriptionHtml();
		String safeHtml = Jsoup.clean(html, DESCRIPTION_TAGS);
		Document text = Jsoup.parseBodyFragment(safeHtml);
		text.outputSettings().prettyPrint(false);
		String plain = plainText(text, html);
		WorkplaceDetector.Detected workplace = WorkplaceDetector.detect(raw.workplaceHint(), raw.locationText(),
				plain);
		Optional<Salary> salary = Salaries.fromStructured(raw.salary(), plain).or(() -> Salaries.fromText(plain));
		String identity = (raw.externalId() != null && raw.sourceType().isAts()) ? raw.externalId() : canonicalUrl;
		return new Posting(PostingIds.of(identity), title, Titles.seniority(title),
				(raw.company() == null) ? null : raw.company().strip(), locations(raw), workplace.workplace(),
				workplace.evidence(), salary.orElse(null), employmentType(raw.employmentType()),
				PostingDates.parse(raw.datePosted(), this.clock).orElse(null),
				PostingDates.parse(raw.validThrough(), this.clock).orElse(null), canonicalUrl, safeHtml, plain,
				List.of(new SourceRef(raw.source(), raw.sourceType().configName(), raw.url())),
				this.clock.instant());
	}

	/** Text with one line per block (paragraph, list item, heading), so sections stay apparent. */
	private static String plainText(Document sanitised, String originalHtml) {
		Document copy = sanitised.clone();
		copy.select("br, p, li, h1, h2, h3, h4, h5, h6, div, ul, ol, tr, blockquote, pre").after("\n");
		String plain = copy.body()
			.wholeText()
			.replaceAll("[ \\t\\x0B\\f\\r]+", " ")
			.replaceAll("\\n\\s*\\n+", "\n")
			.strip();
		return plain.isEmpty() ? Jsoup.parse(originalHtml).text() : plain;
	}

	/** True when the posting's valid-through date is before today. */
	public boolean isExpired(Posting posting) {
		LocalDate validThrough = posting.validThrough();
		return validThrough != null && validThrough.isBefore(LocalDate.now(this.clock));
	}

	private static List<Location> locations(RawPosting raw) {
		if (!raw.locations().isEmpty()) {
			return raw.locations();
		}
		if (raw.locationText() == null) {
			return List.of();
		}
		String[] parts = raw.locationText().split("\\s*[;|]\\s*|\\s+or\\s+");
		return java.util.Arrays.stream(parts).map(PostingNormalizer::parseLocation).toList();
	}

	/** "Austin, TX" → city Austin, region TX; "London, United Kingdom" → city London, country. */
	private static Location parseLocation(String text) {
		String[] parts = text.split("\\s*,\\s*");
		return switch (parts.length) {
			case 1 -> Location.of(parts[0], null, null);
			case 2 -> (parts[1].length() == 2 && parts[1].equals(parts[1].toUpperCase(Locale.ROOT)))
					? Location.of(parts[0], parts[1], "US") : Location.of(parts[0], null, parts[1]);
			default -> Location.of(parts[0], parts[1], parts[parts.length - 1]);
		};
	}

	private static String employmentType(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String lower = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
		if (lower.contains("fulltime")) {
			return "FULL_TIME";
		}
		if (lower.contains("parttime")) {
			return "PART_TIME";
		}
		if (lower.contains("contract")) {
			return "CONTRACTOR";
		}
		if (lower.contains("intern")) {
			return "INTERN";
		}
		if (lower.contains("temp")) {
			return "TEMPORARY";
		}
		return raw.strip().toUpperCase(Locale.ROOT);
	}

}
