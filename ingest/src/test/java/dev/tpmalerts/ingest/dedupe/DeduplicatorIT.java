package dev.tpmalerts.ingest.dedupe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.ingest.IngestDatabase;
import dev.tpmalerts.ingest.SampleDocuments;
import dev.tpmalerts.ingest.SampleDocuments.Expected;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.shared.Posting;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * De-duplication on a real PostgreSQL database over the 50 bundled sample postings: the 5 planted copies (a career
 * page of an ATS job, a feed entry with the ATS URL, a page with tracking parameters, a copy with a shorter company
 * name) join their originals, and the 45 distinct jobs keep 45 ids.
 */
class DeduplicatorIT {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-15T10:00:00Z"), ZoneOffset.UTC);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("dedupe_it");

	private static final JdbcClient jdbc = IngestDatabase.migrate(database);

	private final PostingNormalizer normalizer = new PostingNormalizer(CLOCK);

	private final Deduplicator deduplicator = new Deduplicator(new PostingIdentities(jdbc), CLOCK, Duration.ofDays(60));

	@AfterAll
	static void drop() {
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void clean() {
		jdbc.sql("delete from posting_record").update();
	}

	@Test
	void shouldPublishEachRealWorldJobOfTheSamplesOnce() {
		Map<String, String> idByPosting = new LinkedHashMap<>();
		Map<String, Resolution> resolutionByPosting = new HashMap<>();
		for (Expected row : distinctSources()) {
			for (RawPosting raw : SampleDocuments.raw(row)) {
				Posting posting = this.normalizer.normalize(raw);
				if (this.normalizer.isExpired(posting)) {
					continue;
				}
				Resolution resolution = this.deduplicator.resolve(posting, raw.externalId(), raw.url());
				String key = row.source() + "#" + raw.title().strip();
				resolutionByPosting.put(key, resolution);
				idByPosting.put(key, idOf(resolution));
			}
		}

		List<Expected> copies = SampleDocuments.expected().stream().filter((row) -> row.duplicateOf() != null).toList();
		assertThat(copies).hasSize(5);
		for (Expected copy : copies) {
			assertThat(idByPosting.get(copy.source() + "#" + copy.title()))
				.as("%s is the same job as %s", copy, copy.duplicateOf())
				.isEqualTo(idByPosting.get(copy.duplicateOf()));
			assertThat(resolutionByPosting.get(copy.source() + "#" + copy.title()))
				.as("%s adds a source to the job, published as an update", copy)
				.isInstanceOf(Resolution.Updated.class);
		}
		long expiredSamples = 1;
		assertThat(idByPosting.values().stream().distinct().count()).isEqualTo(45 - expiredSamples);
	}

	@Test
	void shouldPublishAChangeAsAnUpdateOfTheSameIdAndNothingWhenUnchanged() {
		Expected row = SampleDocuments.expected().stream().filter((each) -> each.source().equals("northwind-greenhouse")).findFirst().orElseThrow();
		RawPosting raw = SampleDocuments.raw(row).get(0);
		Posting first = this.normalizer.normalize(raw);

		Resolution created = this.deduplicator.resolve(first, raw.externalId(), raw.url());
		Resolution again = this.deduplicator.resolve(this.normalizer.normalize(raw), raw.externalId(), raw.url());
		RawPosting changed = new RawPosting(raw.source(), raw.sourceType(), raw.url(), raw.externalId(),
				raw.title() + " (Re-opened)", raw.company(), raw.locations(), raw.locationText(), raw.workplaceHint(),
				raw.salary(), raw.employmentType(), raw.datePosted(), raw.validThrough(), raw.descriptionHtml());
		Resolution updated = this.deduplicator.resolve(this.normalizer.normalize(changed), raw.externalId(), raw.url());

		assertThat(created).isInstanceOf(Resolution.New.class);
		assertThat(again).isEqualTo(new Resolution.Unchanged(first.id()));
		assertThat(updated).isInstanceOf(Resolution.Updated.class);
		assertThat(((Resolution.Updated) updated).posting().id()).isEqualTo(first.id());
		assertThat(((Resolution.Updated) updated).posting().title()).endsWith("(Re-opened)");
	}

	@Test
	void shouldTakeAStaffingAgencyCopyUnderAnotherCompanyNameForTheSameJob() {
		Expected row = SampleDocuments.expected().stream().filter((each) -> each.source().equals("contoso-lever")).findFirst().orElseThrow();
		RawPosting original = SampleDocuments.raw(row).get(0);
		RawPosting agencyCopy = new RawPosting("talentbridge-feed", original.sourceType(),
				"https://jobs.talentbridge-staffing.example/listing/88231", null, original.title(),
				"TalentBridge Staffing (for a leading fintech)", List.of(), "Remote (US)", null, null, null, null, null,
				"<p>Our client, a leading fintech, is hiring.</p>" + original.descriptionHtml());

		String id = idOf(this.deduplicator.resolve(this.normalizer.normalize(original), original.externalId(), original.url()));
		Resolution copy = this.deduplicator.resolve(this.normalizer.normalize(agencyCopy), null, agencyCopy.url());

		assertThat(idOf(copy)).isEqualTo(id);
	}

	@Test
	void shouldKeepThePostingsOfAnUnchangedSourceWithinTheFingerprintWindow() {
		Expected row = SampleDocuments.expected().stream().filter((each) -> each.source().equals("northwind-greenhouse")).findFirst().orElseThrow();
		RawPosting raw = SampleDocuments.raw(row).get(0);
		Posting posting = this.normalizer.normalize(raw);
		String id = idOf(this.deduplicator.resolve(posting, raw.externalId(), raw.url()));
		// 50 days later the board answers 304 Not Modified; 20 days after that, a copy turns up on another board.
		Clock later = Clock.offset(CLOCK, Duration.ofDays(50));
		Clock muchLater = Clock.offset(CLOCK, Duration.ofDays(70));
		PostingIdentities identities = new PostingIdentities(jdbc);
		int refreshed = new Deduplicator(identities, later, Duration.ofDays(60)).stillListed(raw.source());
		Posting copy = new PostingNormalizer(muchLater).normalize(new RawPosting("other-board", raw.sourceType(),
				"https://jobs.other-board.example/listing/4242", null, raw.title(), raw.company(), raw.locations(),
				raw.locationText(), raw.workplaceHint(), raw.salary(), raw.employmentType(), raw.datePosted(),
				raw.validThrough(), "<p>A different text, so only the fingerprint can tell.</p>"));

		Resolution resolution = new Deduplicator(identities, muchLater, Duration.ofDays(60)).resolve(copy, null,
				"https://jobs.other-board.example/listing/4242");

		assertThat(refreshed).isEqualTo(1);
		assertThat(idOf(resolution)).isEqualTo(id);
	}

	private static List<Expected> distinctSources() {
		Map<String, Expected> bySource = new LinkedHashMap<>();
		SampleDocuments.expected().forEach((row) -> bySource.putIfAbsent(row.source(), row));
		// In the order of samples/expected.json: ATS boards, then career pages, then feeds, as the demo lists them.
		return new ArrayList<>(bySource.values());
	}

	private static String idOf(Resolution resolution) {
		if (resolution instanceof Resolution.New created) {
			return created.posting().id();
		}
		if (resolution instanceof Resolution.Updated updated) {
			return updated.posting().id();
		}
		return ((Resolution.Unchanged) resolution).postingId();
	}

}
