package dev.tpmalerts.ingest.normalize;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
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

	private static final Safelist DESCRIPTION_TAGS = Safelist.basic()
		.addTags("h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "article");

	private static final int MAX_TITLE = 300;

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z/]");

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
		String html = linesAsParagraphs(unescapeIfEscaped((raw.descriptionHtml() == null) ? "" : raw.descriptionHtml()));
		// One parse: the sanitised document gives both the safe HTML and the plain text.
		Document dirty = Jsoup.parseBodyFragment(html);
		Document clean = new Cleaner(DESCRIPTION_TAGS).clean(dirty);
		clean.outputSettings().prettyPrint(false);
		String safeHtml = clean.body().html();
		String cleanText = PlainText.of(clean.body());
		String plain = cleanText.isEmpty() ? dirty.text() : cleanText;
		WorkplaceDetector.Detected workplace = WorkplaceDetector.detect(raw.workplaceHint(), title, raw.locationText(),
				plain);
		List<Location> locations = locations(raw);
		String country = locations.stream().map(Location::country).filter((code) -> code != null).findFirst().orElse(null);
		Optional<Salary> salary = Salaries.fromStructured(raw.salary(), plain, country)
			.or(() -> Salaries.fromText(plain, country));
		String identity = (raw.externalId() != null && raw.sourceType().isAts()) ? raw.externalId() : canonicalUrl;
		return new Posting(PostingIds.of(identity), title, Titles.seniority(title),
				(raw.company() == null) ? null : raw.company().strip(), locations, workplace.workplace(),
				workplace.evidence(), salary.orElse(null), employmentType(raw.employmentType()),
				PostingDates.parse(raw.datePosted(), this.clock).orElse(null),
				PostingDates.parseInstant(raw.validThrough())
					.map((instant) -> LocalDate.ofInstant(instant, ZoneOffset.UTC))
					.or(() -> PostingDates.parse(raw.validThrough(), this.clock))
					.orElse(null), canonicalUrl, safeHtml, plain,
				List.of(new SourceRef(raw.source(), raw.sourceType().configName(), raw.url())),
				this.clock.instant());
	}

	/** Some sources entity-escape their HTML twice ("&lt;p&gt;"): such a description has no tags of its own. */
	private static String unescapeIfEscaped(String html) {
		boolean escaped = html.contains("&lt;") && !TAG.matcher(html).find();
		return escaped ? Parser.unescapeEntities(html, false) : html;
	}

	/**
	 * A plain-text description (no tags at all) keeps its lines: as HTML its newlines would collapse into spaces,
	 * and the matcher needs the lines to see headings, bullets and sections. Each non-blank line becomes a
	 * paragraph; "&" is left alone because such text may carry entities ("AT&amp;T").
	 */
	private static String linesAsParagraphs(String html) {
		if (html.indexOf('\n') < 0 || TAG.matcher(html).find()) {
			return html;
		}
		StringBuilder paragraphs = new StringBuilder(html.length() + 64);
		for (String line : html.split("\r?\n")) {
			if (!line.isBlank()) {
				paragraphs.append("<p>").append(line.strip().replace("<", "&lt;").replace(">", "&gt;")).append("</p>");
			}
		}
		return paragraphs.toString();
	}

	/**
	 * True when the valid-through date is before today (UTC). A valid-through with a time is kept as its UTC date
	 * (see {@link #normalize}), so "23:59 EST on 1 November" is still open at 22:00 EST.
	 */
	public boolean isExpired(Posting posting) {
		LocalDate validThrough = posting.validThrough();
		return validThrough != null && validThrough.isBefore(LocalDate.now(this.clock.withZone(ZoneOffset.UTC)));
	}

	private static List<Location> locations(RawPosting raw) {
		if (!raw.locations().isEmpty()) {
			return raw.locations()
				.stream()
				.map((location) -> (location.region() == null && location.country() == null && location.city() != null
						&& location.city().contains(",")) ? Locations.parse(location.city()) : Locations.normalise(location))
				.toList();
		}
		if (raw.locationText() == null) {
			return List.of();
		}
		return Arrays.stream(raw.locationText().split("\\s*[;|]\\s*|\\s+or\\s+"))
			.map(Locations::parse)
			.filter((location) -> !location.display().isEmpty())
			.toList();
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
