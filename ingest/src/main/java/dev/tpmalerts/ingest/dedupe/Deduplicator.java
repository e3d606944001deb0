package dev.tpmalerts.ingest.dedupe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.ingest.normalize.CanonicalUrls;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingExpired;
import dev.tpmalerts.shared.PostingUpdated;
import dev.tpmalerts.shared.SourceRef;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides whether a scraped posting is a new job, a known one that changed, or a known one seen again, so each
 * real-world job is published under one id. A job is known by, in order: any of its aliases (ATS id, canonical
 * URL, a job id in one of its URLs); its company + title + location seen within the window; a description
 * similar to one of a job with the same title (staffing-agency copies under other company names included) or the
 * same company. The first source to list a job owns its content; other sources are added to it.
 */
@Component
public class Deduplicator {

	private static final Logger logger = LoggerFactory.getLogger(Deduplicator.class);

	private static final double SAME_TITLE_SIMILARITY = 0.5;

	private static final double SAME_COMPANY_SIMILARITY = 0.8;

	private final PostingIdentities identities;

	private final Clock clock;

	private final Duration window;

	public Deduplicator(PostingIdentities identities, Clock clock,
			@Value("${tpm.ingest.dedupe.window:60d}") Duration window) {
		this.identities = identities;
		this.clock = clock;
		this.window = window;
	}

	/**
	 * @param externalId the source's own id of the job (ATS id, JSON-LD identifier, feed guid), may be null
	 * @param sourceUrl the URL the source gave for the job, before canonicalisation
	 */
	public Resolution resolve(Posting scraped, String externalId, String sourceUrl) {
		Instant now = this.clock.instant();
		Set<String> aliases = DedupeKeys.aliases(scraped, externalId, List.of(scraped.canonicalUrl(), sourceUrl));
		String company = DedupeKeys.company(scraped.company());
		String title = DedupeKeys.title(scraped.title());
		String location = DedupeKeys.location(scraped);
		long[] sketch = DedupeKeys.sketch(scraped.descriptionText());
		Optional<PostingRecord> known = this.identities.byAlias(aliases)
			.or(() -> this.identities.byFingerprint(company, title, location, now.minus(this.window)))
			.or(() -> similar(company, title, sketch, now));
		if (known.isEmpty()) {
			this.identities.insert(new PostingRecord(scraped.id(), company, title, location, sketch, source(scraped),
					DedupeKeys.contentHash(scraped), DedupeKeys.toJson(scraped), now, now, null));
			this.identities.addAliases(scraped.id(), aliases);
			return new Resolution.New(scraped);
		}
		PostingRecord record = known.get();
		this.identities.addAliases(record.postingId(), aliases);
		Posting published = DedupeKeys.fromJson(record.postingJson());
		boolean fromPrimary = record.primarySource().equals(source(scraped));
		Posting candidate = fromPrimary ? scraped.withId(record.postingId()).withSources(published.sources()) : published;
		Posting merged = mergeSources(candidate, scraped.sources());
		String hash = DedupeKeys.contentHash(merged);
		boolean changed = fromPrimary && !hash.equals(record.contentHash());
		boolean newSource = merged.sources().size() > published.sources().size();
		if (!changed && !newSource && record.expiredAt() == null) {
			this.identities.touch(record.postingId(), now);
			return new Resolution.Unchanged(record.postingId());
		}
		this.identities.update(record.postingId(), hash, DedupeKeys.toJson(merged), now);
		String why = changed ? "its content changed" : newSource ? "source " + source(scraped) + " also lists it"
				: "it is listed again";
		logger.info("Posting {} is published again: {}", record.postingId(), why);
		return new Resolution.Updated(merged, why);
	}

	/**
	 * Records that a source's document is unchanged since its last run (HTTP 304): the jobs it listed are still
	 * listed, so they stay within the window in which a copy elsewhere is recognised by its fingerprint.
	 * @return how many postings were refreshed
	 */
	public int stillListed(String source) {
		return this.identities.touchPrimarySource(source, this.clock.instant());
	}

	/** Records that a job is gone, so that seeing it again publishes it again. */
	public void expired(String postingId) {
		this.identities.markExpired(postingId, this.clock.instant());
	}

	/** The id a posting was published under, for a tombstone of a posting found expired at the source. */
	public Optional<String> knownId(Posting scraped, String externalId, String sourceUrl) {
		Set<String> aliases = DedupeKeys.aliases(scraped, externalId, List.of(scraped.canonicalUrl(), sourceUrl));
		return this.identities.byAlias(aliases).map(PostingRecord::postingId);
	}

	/** The id of the job last seen at this URL (a posting page that is now gone). */
	public Optional<String> knownIdForUrl(String url) {
		return this.identities.byAlias(List.of("url:" + CanonicalUrls.canonicalize(url))).map(PostingRecord::postingId);
	}

	/**
	 * The event that states a known job as ingest last published it: the posting (as an update, same id) or, for a
	 * job that has gone, its tombstone. What a replay sends the matcher again.
	 */
	public Optional<PostingEvent> lastPublished(String postingId) {
		return this.identities.byId(postingId)
			.map((record) -> (record.expiredAt() != null)
					? PostingExpired.of(record.postingId(), "it was retracted at its source", record.expiredAt())
					: PostingUpdated.of(DedupeKeys.fromJson(record.postingJson())));
	}

	private Optional<PostingRecord> similar(String company, String title, long[] sketch, Instant now) {
		PostingRecord best = null;
		double bestScore = 0;
		for (PostingRecord candidate : this.identities.candidates(company, title, now.minus(this.window), 200)) {
			double similarity = DedupeKeys.similarity(sketch, candidate.sketch());
			double needed = candidate.titleKey().equals(title) ? SAME_TITLE_SIMILARITY : SAME_COMPANY_SIMILARITY;
			if (similarity >= needed && similarity > bestScore) {
				best = candidate;
				bestScore = similarity;
			}
		}
		return Optional.ofNullable(best);
	}

	private static String source(Posting posting) {
		return posting.sources().isEmpty() ? "" : posting.sources().get(0).source();
	}


	private static Posting mergeSources(Posting posting, List<SourceRef> more) {
		Set<SourceRef> all = new LinkedHashSet<>(posting.sources());
		for (SourceRef ref : more) {
			boolean sameSource = all.stream().anyMatch((known) -> known.source().equals(ref.source()));
			if (!sameSource) {
				all.add(ref);
			}
		}
		return posting.withSources(new ArrayList<>(all));
	}

}
