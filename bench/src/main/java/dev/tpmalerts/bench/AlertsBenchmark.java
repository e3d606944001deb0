package dev.tpmalerts.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.StartupListener;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.matcher.classify.Classification;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.notifier.alert.AlertCriteria;
import dev.tpmalerts.notifier.alert.AlertCriteria.MinimumSalary;
import dev.tpmalerts.notifier.alert.CriteriaInWords;
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.notifier.delivery.ComposedMail;
import dev.tpmalerts.notifier.delivery.DigestComposer;
import dev.tpmalerts.notifier.delivery.DigestComposer.Digest;
import dev.tpmalerts.notifier.delivery.DigestItem;
import dev.tpmalerts.notifier.match.AlertIndex;
import dev.tpmalerts.notifier.match.MonitorAlertMatcher;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.Salary;
import dev.tpmalerts.shared.SalaryPeriod;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

import org.springframework.util.FileSystemUtils;

/**
 * {@code ./tpm-alerts bench alerts}: (1) the alert index ({@link AlertIndex}) holding 1,000,000 generated, realistic
 * alerts: its build time, the heap it takes, postings matched per second on one thread (goal ≥ 1,000), candidates
 * and matches per posting; lucene-monitor ({@link MonitorAlertMatcher}) on a smaller count for comparison; (2) in
 * the same run, the plain alternative, every alert run as an Elasticsearch search over a batch of new postings,
 * measured on a sample of 10,000 alerts (msearch requests of 100 searches) and scaled linearly to the full count
 * (goal: the index ≥ 20 times faster), with the agreement of both on the sample; (3) the time to compose the daily
 * digests of 100,000 subscribers with the notifier's {@link DigestComposer}.
 */
final class AlertsBenchmark {

	private final Path samples;

	private final int alertCount = Integer.getInteger("bench.alerts.count", 1_000_000);

	private final int postingCount = Integer.getInteger("bench.alerts.postings", 600);

	private final int monitorCount = Integer.getInteger("bench.alerts.monitor", 20_000);

	private final int sampleCount = Integer.getInteger("bench.alerts.sample", 10_000);

	private final int batchSize = Integer.getInteger("bench.alerts.batch", 1_000);

	private final int rounds = Integer.getInteger("bench.alerts.rounds", 5);

	private final int digestCount = Integer.getInteger("bench.alerts.digests", 100_000);

	private final int digestThreads = Integer.getInteger("bench.alerts.digest-threads",
			Runtime.getRuntime().availableProcessors());

	AlertsBenchmark(Path samples) {
		this.samples = samples;
	}

	void run() throws Exception {
		List<PostingMatched> pages = matchedPostings();
		List<PostingMatched> postings = new PostingVariants(pages, 20261126).make(this.postingCount);
		System.out.printf(Locale.ROOT, "tpm-alerts bench alerts: %d distinct postings varied from the %d of the saved "
				+ "career pages (classified by the matcher; places from %d real cities and countries), %d cores, load "
				+ "average %.2f, Java %s, max heap %d MB%n", postings.size(), pages.size(), Places.ALL.size(),
				Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
		List<SavedAlert> sample = new ArrayList<>();

		long heapBefore = usedHeapAfterGc();
		long started = System.nanoTime();
		AlertIndex index = new AlertIndex();
		AlertGenerator generator = new AlertGenerator(20261126);
		List<SavedAlert> batch = new ArrayList<>();
		for (int i = 0; i < this.alertCount; i++) {
			SavedAlert alert = generator.next();
			if (i < this.sampleCount) {
				sample.add(alert);
			}
			batch.add(alert);
			if (batch.size() == 10_000) {
				index.putAll(batch);
				batch.clear();
			}
		}
		index.putAll(batch);
		batch = null;
		double buildSeconds = (System.nanoTime() - started) / 1e9;
		long heapAfter = usedHeapAfterGc();
		System.out.printf(Locale.ROOT, "Alert index (term ids, filed under each alert's rarest criterion) of %,d "
				+ "generated alerts, %,d of them without a term criterion and checked on every posting:%n", index.size(),
				index.unconditionalCount());
		System.out.printf(Locale.ROOT, "  %-46s %10.1f s (generating the alerts included)%n", "build", buildSeconds);
		System.out.printf(Locale.ROOT, "  %-46s %10d MB (used heap after GC, before and after building; %d bytes an "
				+ "alert)%n", "heap taken by the index", (heapAfter - heapBefore) >> 20,
				(heapAfter - heapBefore) / Math.max(1, index.size()));

		Matching matching = matching(index::match, postings, this.rounds, 20);
		printMatching(matching, index.size());
		System.out.printf(Locale.ROOT, "  goal >= 1000 postings/s: %s%n", (matching.median() >= 1000) ? "met" : "NOT met");

		if (this.monitorCount > 0) {
			compareWithMonitor(postings, matching.median());
		}

		if (this.sampleCount > 0) {
			Path work = Files.createTempDirectory("tpm-bench-alerts",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			try {
				elasticsearchBaseline(index, sample, postings, matching.median(), work);
			}
			finally {
				FileSystemUtils.deleteRecursively(work);
			}
		}
		index = null;
		if (this.digestCount > 0) {
			digests(postings, sample.isEmpty() ? List.of(new AlertGenerator(1).next()) : sample);
		}
	}

	private static void printMatching(Matching matching, int alerts) {
		System.out.printf(Locale.ROOT, "  %-46s %10.0f postings/s (median of %d rounds; %.0f–%.0f)%n",
				"matched on one thread", matching.median(), matching.rates().size(), matching.min(), matching.max());
		System.out.printf(Locale.ROOT, "  %-46s %10.1f per posting on average (%.1f µs a posting); %.1f passed the "
				+ "checks kept in the lists and were read in full%n", "candidates checked", matching.candidates(),
				1e6 / matching.median(), matching.read());
		System.out.printf(Locale.ROOT, "  %-46s %10.1f per posting on average, %.3f%% of the alerts (most %d, "
				+ "postings without any %.0f%%)%n", "matches", matching.perPosting(), 100.0 * matching.perPosting() / alerts,
				matching.most(), 100.0 * matching.none());
	}

	/** lucene-monitor, the first implementation, on fewer alerts of the same kind: it would take minutes to build. */
	private void compareWithMonitor(List<PostingMatched> postings, double indexRate) throws Exception {
		AlertGenerator generator = new AlertGenerator(20261126);
		List<SavedAlert> alerts = new ArrayList<>();
		for (int i = 0; i < this.monitorCount; i++) {
			alerts.add(generator.next());
		}
		long started = System.nanoTime();
		try (MonitorAlertMatcher monitor = new MonitorAlertMatcher()) {
			for (int from = 0; from < alerts.size(); from += 10_000) {
				monitor.putAll(alerts.subList(from, Math.min(alerts.size(), from + 10_000)));
			}
			double buildSeconds = (System.nanoTime() - started) / 1e9;
			AlertIndex small = new AlertIndex();
			small.putAll(alerts);
			Matching ours = matching(small::match, postings, 2, 5);
			Matching theirs = matching((matched) -> {
				MonitorAlertMatcher.Matches found = monitor.match(matched);
				return new AlertIndex.Matches(found.alerts(), found.candidates(), found.candidates());
			}, postings, 2, 10);
			System.out.printf(Locale.ROOT, "For comparison, the first %,d of these alerts in lucene-monitor (2-pass term "
					+ "presearcher; built in %.1f s) and in this index:%n", alerts.size(), buildSeconds);
			System.out.printf(Locale.ROOT, "  %-46s %10.0f postings/s, %.0f candidates a posting%n", "lucene-monitor",
					theirs.median(), theirs.candidates());
			int same = 0;
			for (PostingMatched matched : postings) {
				Set<UUID> a = new HashSet<>();
				small.matching(matched).forEach((alert) -> a.add(alert.id()));
				Set<UUID> b = new HashSet<>();
				monitor.matching(matched).forEach((alert) -> b.add(alert.id()));
				same += a.equals(b) ? 1 : 0;
			}
			System.out.printf(Locale.ROOT, "  %-46s %10.0f postings/s, %.0f candidates a posting%n", "this index",
					ours.median(), ours.candidates());
			System.out.printf(Locale.ROOT, "  both find the same alerts for %d of the %d postings%n", same, postings.size());
		}
	}

	private record Matching(List<Double> rates, double perPosting, double candidates, double read, int most,
			double none) {

		double median() {
			List<Double> sorted = new ArrayList<>(this.rates);
			sorted.sort(Double::compare);
			return sorted.get(sorted.size() / 2);
		}

		double min() {
			return this.rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
		}

		double max() {
			return this.rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		}

	}

	/**
	 * Rounds over every posting (at least 2,000 matchings a round, at most {@code seconds} a round so that a slow
	 * matcher still gives a figure in minutes); the first round warms up and is not counted.
	 */
	private static Matching matching(Function<PostingMatched, AlertIndex.Matches> matcher, List<PostingMatched> postings,
			int rounds, int seconds) {
		int perRound = Math.max(postings.size(), 2_000);
		List<Double> rates = new ArrayList<>();
		long matches = 0;
		long candidates = 0;
		long read = 0;
		long matched = 0;
		long none = 0;
		int most = 0;
		for (int round = 0; round < 1 + rounds; round++) {
			long start = System.nanoTime();
			long deadline = start + seconds * 1_000_000_000L;
			long found = 0;
			long tried = 0;
			long full = 0;
			long empty = 0;
			int done = 0;
			while (done < perRound && (done == 0 || System.nanoTime() < deadline)) {
				AlertIndex.Matches result = matcher.apply(postings.get(done % postings.size()));
				found += result.alerts().size();
				tried += result.candidates();
				full += result.read();
				empty += result.alerts().isEmpty() ? 1 : 0;
				most = Math.max(most, result.alerts().size());
				done++;
			}
			double rate = done / ((System.nanoTime() - start) / 1e9);
			if (round > 0) {
				rates.add(rate);
				matches += found;
				candidates += tried;
				read += full;
				none += empty;
				matched += done;
			}
		}
		return new Matching(rates, (double) matches / matched, (double) candidates / matched, (double) read / matched,
				most, (double) none / matched);
	}

	/**
	 * The plain way: the postings of a batch indexed into a fresh Elasticsearch index, then every alert run as one
	 * bool query over it (msearch, 100 searches a request), on a sample, scaled linearly to every alert.
	 */
	private void elasticsearchBaseline(AlertIndex index, List<SavedAlert> sample, List<PostingMatched> postings,
			double indexRate, Path work) throws Exception {
		StartupListener quiet = (server, message) -> { };
		try (ElasticsearchNode node = ElasticsearchNode.start(work.resolve("elasticsearch"), quiet)) {
			PlainElasticsearch es = new PlainElasticsearch(node.httpUrl());
			List<PostingMatched> batch = new ArrayList<>();
			for (int i = 0; i < this.batchSize; i++) {
				PostingMatched matched = postings.get(i % postings.size());
				Posting posting = matched.posting().withId("b" + i);
				batch.add(new PostingMatched(matched.schemaVersion(), posting.id(), posting, matched.role(),
						matched.score(), matched.facetScores(), matched.tags(), matched.taxonomyVersion(), false,
						matched.matchedAt()));
			}
			int maxWords = sample.stream()
				.flatMap((alert) -> alert.criteria().keywords().stream())
				.mapToInt((keyword) -> AlertCriteria.words(keyword).size())
				.max()
				.orElse(1);
			es.load(batch, maxWords);
			System.out.printf(Locale.ROOT, "Plain alternative: %,d sample alerts as searches (msearch, 100 a request) "
					+ "over a batch of %,d new postings in Elasticsearch %s:%n", sample.size(), batch.size(), node.version());
			es.searchAll(sample); // warm-up
			List<Double> seconds = new ArrayList<>();
			Map<UUID, Set<String>> found = Map.of();
			for (int round = 0; round < 3; round++) {
				long start = System.nanoTime();
				found = es.searchAll(sample);
				seconds.add((System.nanoTime() - start) / 1e9);
			}
			seconds.sort(Double::compare);
			double sampleSeconds = seconds.get(seconds.size() / 2);
			double fullSeconds = sampleSeconds * index.size() / sample.size();
			double plainRate = batch.size() / fullSeconds;
			System.out.printf(Locale.ROOT, "  %-46s %10.2f s (median of 3)%n",
					String.format(Locale.ROOT, "%,d alerts over the batch", sample.size()), sampleSeconds);
			System.out.printf(Locale.ROOT, "  %-46s %10.1f s, so %.1f postings/s%n",
					String.format(Locale.ROOT, "scaled to %,d alerts", index.size()), fullSeconds, plainRate);
			double ratio = indexRate / plainRate;
			System.out.printf(Locale.ROOT, "  ratio alert index / plain searches: %.0f (goal >= 20): %s%n", ratio,
					(ratio >= 20) ? "met" : "NOT met");

			// The same pairs (alert, posting) on the sample, from the index and from the searches.
			Set<UUID> sampleIds = new HashSet<>();
			sample.forEach((alert) -> sampleIds.add(alert.id()));
			Set<String> ours = new HashSet<>();
			for (PostingMatched matched : batch) {
				for (SavedAlert alert : index.matching(matched)) {
					if (sampleIds.contains(alert.id())) {
						ours.add(alert.id() + "/" + matched.postingId());
					}
				}
			}
			Set<String> theirs = new HashSet<>();
			found.forEach((alert, ids) -> ids.forEach((id) -> theirs.add(alert + "/" + id)));
			Set<String> both = new HashSet<>(ours);
			both.retainAll(theirs);
			System.out.printf(Locale.ROOT, "  agreement on the sample: %,d (alert, posting) matches from the index, "
					+ "%,d from the searches, %,d in both%n", ours.size(), theirs.size(), both.size());
		}
	}

	/**
	 * The daily digests of many subscribers, each with ten postings matched by one to three of their alerts,
	 * composed (subject, text and HTML, Thymeleaf templates) with the notifier's composer, on every core.
	 */
	private void digests(List<PostingMatched> postings, List<SavedAlert> alerts) throws Exception {
		DigestComposer composer = DigestComposer.withDefaults();
		List<DigestItem> items = new ArrayList<>();
		for (PostingMatched matched : postings) {
			items.add(DigestItem.of(matched, null, 300));
		}
		Map<UUID, String> described = new HashMap<>();
		for (SavedAlert alert : alerts) {
			described.put(alert.id(), CriteriaInWords.describe(alert.criteria()));
		}
		LocalDate day = LocalDate.of(2026, 11, 26);
		// A short warm-up, every digest on every thread, then 2,000 on one thread alone (warm by then).
		composeDigests(composer, items, alerts, described, day, 0, 2_000);
		ExecutorService threads = Executors.newFixedThreadPool(this.digestThreads);
		long start = System.nanoTime();
		List<Future<long[]>> parts = new ArrayList<>();
		int share = (this.digestCount + this.digestThreads - 1) / this.digestThreads;
		for (int from = 0; from < this.digestCount; from += share) {
			int begin = from;
			int count = Math.min(share, this.digestCount - from);
			parts.add(threads.submit(() -> composeDigests(composer, items, alerts, described, day, begin, count)));
		}
		long chars = 0;
		long composing = 0;
		for (Future<long[]> part : parts) {
			chars += part.get()[0];
			composing += part.get()[1];
		}
		double total = (System.nanoTime() - start) / 1e9;
		threads.shutdown();
		start = System.nanoTime();
		long[] alone = composeDigests(composer, items, alerts, described, day, 0, 2_000);
		double single = (System.nanoTime() - start) / 1e9 / 2_000;
		System.out.printf(Locale.ROOT, "Daily digests of %,d subscribers (10 postings each, from 1 to 3 alerts; "
				+ "DigestComposer: subject, text and HTML):%n", this.digestCount);
		System.out.printf(Locale.ROOT, "  %-46s %10.1f s on %d threads (%.2f ms a digest of wall time, making each "
				+ "digest's items included)%n", "composed all", total, this.digestThreads, 1000 * total / this.digestCount);
		System.out.printf(Locale.ROOT, "  %-46s %10.2f ms a digest (compose() alone, summed over the threads)%n",
				"of which composing", composing / 1e6 / this.digestCount);
		System.out.printf(Locale.ROOT, "  %-46s %10.2f ms a digest (%.2f in compose()), so %.0f s for %,d on one "
				+ "thread%n", "one thread alone", 1000 * single, alone[1] / 1e6 / 2_000, single * this.digestCount,
				this.digestCount);
		if (chars == 0) {
			throw new IllegalStateException("The digests came out empty");
		}
	}

	/**
	 * Composes digests {@code from..from+count}; returns the characters written (so that nothing is optimised away)
	 * and the nanoseconds spent in {@link DigestComposer#compose} alone.
	 */
	private static long[] composeDigests(DigestComposer composer, List<DigestItem> items, List<SavedAlert> alerts,
			Map<UUID, String> described, LocalDate day, int from, int count) {
		long chars = 0;
		long composing = 0;
		for (int n = from; n < from + count; n++) {
			Random random = new Random(n);
			List<UUID> mine = new ArrayList<>();
			for (int a = 1 + random.nextInt(3); a > 0; a--) {
				mine.add(alerts.get(random.nextInt(alerts.size())).id());
			}
			List<DigestItem> chosen = new ArrayList<>(10);
			Map<UUID, String> reasons = new HashMap<>();
			for (int i = 0; i < 10; i++) {
				DigestItem item = items.get(random.nextInt(items.size()));
				UUID alert = mine.get(random.nextInt(mine.size()));
				reasons.put(alert, described.get(alert));
				chosen.add(new DigestItem(item.postingId(), alert, item.score(), item.title(), item.company(),
						item.location(), item.workplace(), item.url(), item.excerpt(), item.validThrough(), item.matchedAt()));
			}
			Digest digest = new Digest(Frequency.DAILY, day, chosen, 0, reasons,
					"https://alerts.example/unsubscribe?token=" + n, "https://alerts.example/manage?token=" + n);
			long started = System.nanoTime();
			ComposedMail mail = composer.compose(digest);
			composing += System.nanoTime() - started;
			chars += mail.subject().length() + mail.text().length() + mail.html().length();
		}
		return new long[] { chars, composing };
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	/** The career pages' postings, classified by the matcher as the postings.matched topic carries them. */
	private List<PostingMatched> matchedPostings() throws IOException {
		JsonLdPageParser parser = new JsonLdPageParser();
		PostingNormalizer normalizer = new PostingNormalizer(Clock.systemUTC());
		PostingClassifier classifier = new PostingClassifier(Taxonomy.load());
		SourceDefinition source = SourceDefinition.of("bench", SourceType.JSON_LD_PAGE, URI.create("https://bench.example/"));
		List<PostingMatched> postings = new ArrayList<>();
		Path root = this.samples.resolve("career");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
				FetchedDocument page = new FetchedDocument(URI.create("https://careers.example/" + root.relativize(file)),
						200, "text/html", Files.readAllBytes(file));
				for (RawPosting raw : parser.parse(source, page)) {
					Posting posting = normalizer.normalize(raw);
					Classification classification = classifier.classify(posting);
					postings.add(new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(), posting,
							classification.role(), classification.score(), classification.facetScores(),
							classification.tags(), classifier.taxonomy().version(), false, Instant.now()));
				}
			}
		}
		if (postings.isEmpty()) {
			throw new IOException("No postings under " + root + "; run from the repository root");
		}
		return postings;
	}

	/** Real places: city, region, ISO country; and the currency each country pays in. */
	static final class Places {

		/** "City|Region|CC" or "||CC" (a country alone: remote within a country). */
		private static final String LIST = """
				Austin|TX|US;Dallas|TX|US;Houston|TX|US;San Antonio|TX|US;Seattle|WA|US;Redmond|WA|US;Bellevue|WA|US;\
				San Francisco|CA|US;San Jose|CA|US;Sunnyvale|CA|US;Mountain View|CA|US;Palo Alto|CA|US;Los Angeles|CA|US;\
				San Diego|CA|US;Irvine|CA|US;Sacramento|CA|US;New York|NY|US;Rochester|NY|US;Boston|MA|US;Cambridge|MA|US;\
				Chicago|IL|US;Denver|CO|US;Boulder|CO|US;Atlanta|GA|US;Raleigh|NC|US;Durham|NC|US;Charlotte|NC|US;\
				Washington|DC|US;Arlington|VA|US;Reston|VA|US;Herndon|VA|US;Richmond|VA|US;Baltimore|MD|US;Bethesda|MD|US;\
				Philadelphia|PA|US;Pittsburgh|PA|US;Portland|OR|US;Hillsboro|OR|US;Phoenix|AZ|US;Tempe|AZ|US;\
				Salt Lake City|UT|US;Lehi|UT|US;Minneapolis|MN|US;Detroit|MI|US;Ann Arbor|MI|US;Columbus|OH|US;\
				Cleveland|OH|US;Cincinnati|OH|US;Indianapolis|IN|US;Nashville|TN|US;Miami|FL|US;Orlando|FL|US;Tampa|FL|US;\
				Jacksonville|FL|US;St. Louis|MO|US;Kansas City|MO|US;Madison|WI|US;Milwaukee|WI|US;Omaha|NE|US;\
				Las Vegas|NV|US;Albuquerque|NM|US;Boise|ID|US;Huntsville|AL|US;New Orleans|LA|US;Hartford|CT|US;\
				Providence|RI|US;Newark|NJ|US;Princeton|NJ|US;Wilmington|DE|US;Honolulu|HI|US;Anchorage|AK|US;\
				Toronto|Ontario|CA;Ottawa|Ontario|CA;Waterloo|Ontario|CA;Montreal|Quebec|CA;Vancouver|British Columbia|CA;\
				Calgary|Alberta|CA;Edmonton|Alberta|CA;Halifax|Nova Scotia|CA;London|England|GB;Manchester|England|GB;\
				Cambridge|England|GB;Oxford|England|GB;Bristol|England|GB;Leeds|England|GB;Birmingham|England|GB;\
				Reading|England|GB;Edinburgh|Scotland|GB;Glasgow|Scotland|GB;Belfast|Northern Ireland|GB;\
				Cardiff|Wales|GB;Dublin|Leinster|IE;Cork|Munster|IE;Berlin|Berlin|DE;Munich|Bavaria|DE;\
				Hamburg|Hamburg|DE;Frankfurt|Hesse|DE;Stuttgart|Baden-Württemberg|DE;Cologne|North Rhine-Westphalia|DE;\
				Düsseldorf|North Rhine-Westphalia|DE;Leipzig|Saxony|DE;Paris|Île-de-France|FR;Lyon|Auvergne-Rhône-Alpes|FR;\
				Toulouse|Occitanie|FR;Nice|Provence-Alpes-Côte d'Azur|FR;Grenoble|Auvergne-Rhône-Alpes|FR;\
				Amsterdam|North Holland|NL;Rotterdam|South Holland|NL;Eindhoven|North Brabant|NL;Madrid|Madrid|ES;\
				Barcelona|Catalonia|ES;Valencia|Valencia|ES;Málaga|Andalusia|ES;Lisbon|Lisbon|PT;Porto|Porto|PT;\
				Milan|Lombardy|IT;Rome|Lazio|IT;Turin|Piedmont|IT;Zurich|Zurich|CH;Geneva|Geneva|CH;Basel|Basel|CH;\
				Vienna|Vienna|AT;Stockholm|Stockholm|SE;Gothenburg|Västra Götaland|SE;Copenhagen|Capital Region|DK;\
				Oslo|Oslo|NO;Helsinki|Uusimaa|FI;Warsaw|Masovia|PL;Kraków|Lesser Poland|PL;Wrocław|Lower Silesia|PL;\
				Prague|Prague|CZ;Budapest|Budapest|HU;Bucharest|Bucharest|RO;Athens|Attica|GR;Brussels|Brussels|BE;\
				Tel Aviv|Tel Aviv|IL;Haifa|Haifa|IL;Bangalore|Karnataka|IN;Hyderabad|Telangana|IN;Pune|Maharashtra|IN;\
				Mumbai|Maharashtra|IN;Chennai|Tamil Nadu|IN;Gurgaon|Haryana|IN;Noida|Uttar Pradesh|IN;Singapore||SG;\
				Tokyo|Tokyo|JP;Osaka|Osaka|JP;Seoul|Seoul|KR;Shanghai|Shanghai|CN;Beijing|Beijing|CN;Shenzhen|Guangdong|CN;\
				Hong Kong||HK;Taipei|Taipei|TW;Sydney|New South Wales|AU;Melbourne|Victoria|AU;Brisbane|Queensland|AU;\
				Perth|Western Australia|AU;Auckland|Auckland|NZ;Wellington|Wellington|NZ;São Paulo|São Paulo|BR;\
				Rio de Janeiro|Rio de Janeiro|BR;Mexico City|CDMX|MX;Guadalajara|Jalisco|MX;Buenos Aires|Buenos Aires|AR;\
				Bogotá|Bogotá|CO;Santiago|Santiago|CL;Dubai|Dubai|AE;Abu Dhabi|Abu Dhabi|AE;Riyadh|Riyadh|SA;\
				Cape Town|Western Cape|ZA;Johannesburg|Gauteng|ZA;Nairobi|Nairobi|KE;Lagos|Lagos|NG;Cairo|Cairo|EG;\
				Istanbul|Istanbul|TR;Kuala Lumpur|Kuala Lumpur|MY;Jakarta|Jakarta|ID;Manila|Metro Manila|PH;\
				Ho Chi Minh City|Ho Chi Minh City|VN;Bangkok|Bangkok|TH;Tallinn|Harju|EE;Vilnius|Vilnius|LT;\
				||US;||CA;||GB;||DE;||FR;||NL;||IE;||ES;||PL;||IN;||AU;||JP;||SG;||BR;||MX;||IL;||SE;||CH""";

		static final List<Location> ALL = Stream.of(LIST.split(";")).map((entry) -> {
			String[] parts = entry.split("\\|", -1);
			return Location.of(parts[0], parts[1], parts[2]);
		}).toList();

		static final List<String> COUNTRIES = ALL.stream().map(Location::country).distinct().toList();

		static String currency(String country) {
			return switch (country) {
				case "US" -> "USD";
				case "CA" -> "CAD";
				case "GB" -> "GBP";
				case "IN" -> "INR";
				case "AU" -> "AUD";
				case "JP" -> "JPY";
				case "SG" -> "SGD";
				case "CH" -> "CHF";
				case "SE" -> "SEK";
				case "PL" -> "PLN";
				case "IL" -> "ILS";
				case "BR" -> "BRL";
				case "MX" -> "MXN";
				case "DE", "FR", "NL", "IE", "ES", "PT", "IT", "AT", "FI", "BE", "GR", "EE", "LT" -> "EUR";
				default -> "USD";
			};
		}

		/** A yearly TPM pay in a country's currency, roughly. */
		static double pay(String country, Random random) {
			double usd = 110_000 + random.nextInt(150_000);
			double rate = switch (currency(country)) {
				case "CAD" -> 1.1;
				case "GBP" -> 0.55;
				case "EUR" -> 0.6;
				case "INR" -> 20;
				case "AUD" -> 1.2;
				case "JPY" -> 110;
				case "SGD" -> 1.1;
				case "CHF" -> 0.8;
				case "SEK" -> 6;
				case "PLN" -> 1.8;
				case "ILS" -> 2.5;
				case "BRL" -> 2;
				case "MXN" -> 8;
				default -> 1;
			};
			return Math.round(usd * rate / 1000) * 1000.0;
		}

	}

	/** Domains a TPM role is in: added to titles, so that alert keywords pick some postings and not others. */
	private static final List<String> DOMAINS = List.of("Payments", "Cloud Infrastructure", "Machine Learning",
			"Security", "Data Platform", "Hardware", "Supply Chain", "Mobile", "Networking", "Storage", "Compliance",
			"Developer Tools", "Observability", "Reliability", "Silicon", "GPU", "Ads", "Search", "Identity", "Privacy",
			"Billing", "Robotics", "Autonomous Vehicles", "Satellite", "Clinical Systems", "Trading", "Fraud",
			"Logistics", "Gaming", "Streaming", "Telecom", "5G", "Edge", "IoT", "Firmware", "Quantum", "Generative AI",
			"Computer Vision", "Recommendations", "Analytics", "Data Warehouse", "ERP", "Salesforce", "Kubernetes",
			"Release Engineering", "Datacenter", "Operating Systems", "Compilers", "Blockchain", "E-commerce");

	/**
	 * Several hundred distinct postings from the few of the career pages: each copy in another place, workplace,
	 * seniority, salary and currency, with another domain in its title and a few more or fewer tags.
	 */
	static final class PostingVariants {

		private final List<PostingMatched> pages;

		private final Random random;

		PostingVariants(List<PostingMatched> pages, long seed) {
			this.pages = pages;
			this.random = new Random(seed);
		}

		List<PostingMatched> make(int count) {
			List<PostingMatched> postings = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				postings.add(vary(this.pages.get(i % this.pages.size()), i));
			}
			return postings;
		}

		private PostingMatched vary(PostingMatched page, int n) {
			Posting base = page.posting();
			List<Location> locations = new ArrayList<>();
			locations.add(pick(Places.ALL));
			if (this.random.nextDouble() < 0.2) {
				locations.add(pick(Places.ALL));
			}
			String country = locations.get(0).country();
			Workplace workplace = pick(List.of(Workplace.REMOTE, Workplace.HYBRID, Workplace.HYBRID, Workplace.ONSITE,
					Workplace.ONSITE, Workplace.UNKNOWN));
			Salary salary = null;
			if (this.random.nextDouble() < 0.5) {
				double low = Places.pay(country, this.random);
				salary = Salary.of(low, Math.round(low * 1.3 / 1000) * 1000.0, Places.currency(country), SalaryPeriod.YEAR);
			}
			String title = (this.random.nextDouble() < 0.7) ? base.title() + ", " + pick(DOMAINS) : base.title();
			String seniority = (this.random.nextDouble() < 0.6) ? pick(TaxonomyIds.SENIORITIES) : base.seniority();
			List<Tag> tags = new ArrayList<>();
			for (Tag tag : page.tags()) {
				if (this.random.nextDouble() < 0.7) {
					tags.add(tag);
				}
			}
			for (int extra = this.random.nextInt(3); extra > 0; extra--) {
				String facet = pick(List.copyOf(TaxonomyIds.FACETS.keySet()));
				tags.add(new Tag(facet, pick(TaxonomyIds.FACETS.get(facet)), "generated", List.of()));
			}
			String role = (this.random.nextDouble() < 0.85) ? page.role() : pick(TaxonomyIds.ROLES);
			int score = Math.max(0, Math.min(100, page.score() + this.random.nextInt(41) - 20));
			Posting posting = new Posting(base.id() + "-" + n, title, seniority, base.company(), locations, workplace,
					base.workplaceEvidence(), salary, base.employmentType(), base.datePosted(), base.validThrough(),
					base.canonicalUrl(), base.descriptionHtml(), base.descriptionText(), base.sources(), base.fetchedAt());
			return new PostingMatched(PostingMatched.SCHEMA_VERSION, posting.id(), posting, role, score,
					page.facetScores(), tags, page.taxonomyVersion(), false, page.matchedAt());
		}

		private <T> T pick(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

	}

	/**
	 * Alerts as people save them on a TPM job site: most name a role and a city (or a region), then a keyword or a
	 * facet value or two; some a country with two such; a few (0.06%) only a role, a country and a minimum score; a
	 * small share (0.04%) nothing but a frequency or a minimum score: each of those matches nearly every posting. Now and then a seniority, a workplace, a minimum salary in the place's
	 * currency or a minimum score.
	 */
	static final class AlertGenerator {

		private static final List<String> KEYWORDS = List.of("kubernetes", "payments", "cloud", "machine learning",
				"infrastructure", "security", "data platform", "hardware", "supply chain", "aws", "api", "mobile",
				"networking", "storage", "compliance", "fintech", "healthcare", "ai", "developer tools", "observability",
				"reliability", "launch", "silicon", "gpu", "ads", "search", "identity", "privacy", "billing", "platform",
				"migration", "agile", "roadmap", "release", "devops", "embedded", "firmware", "robotics", "autonomous",
				"satellite", "semiconductor", "clinical", "banking", "trading", "risk", "fraud", "e-commerce",
				"marketplace", "logistics", "gaming", "media", "streaming", "video", "telecom", "5g", "edge", "iot", "sre",
				"terraform", "java", "python", "c++", "golang", "rust", "sap", "salesforce", "erp", "crm", "datacenter",
				"operating systems", "compilers", "quantum", "blockchain", "crypto", "llm", "generative ai",
				"computer vision", "recommendations", "analytics", "data warehouse", "etl");

		private static final List<String> FACETS = List.of("technical", "industries", "skills", "certifications",
				"methodologies", "degrees");

		private final Random random;

		AlertGenerator(long seed) {
			this.random = new Random(seed);
		}

		SavedAlert next() {
			double kind = this.random.nextDouble();
			AlertCriteria criteria;
			if (kind < 0.0002) {
				criteria = AlertCriteria.any();
			}
			else if (kind < 0.0004) {
				criteria = AlertCriteria.of(null, null, 80 + this.random.nextInt(20));
			}
			else if (kind < 0.001) {
				Location place = pick(Places.ALL);
				criteria = new AlertCriteria(null, roles(), null, null, null, null, null, null, null,
						List.of(place.country()), null, null, 60 + this.random.nextInt(30));
			}
			else {
				criteria = selective();
			}
			double frequency = this.random.nextDouble();
			return new SavedAlert(new UUID(this.random.nextLong(), this.random.nextLong()),
					new UUID(this.random.nextLong(), this.random.nextLong()), criteria,
					(frequency < 0.5) ? Frequency.INSTANT : (frequency < 0.9) ? Frequency.DAILY : Frequency.WEEKLY);
		}

		private List<String> roles() {
			double role = this.random.nextDouble();
			return (role < 0.65) ? List.of("technical-program-manager")
					: (role < 0.8) ? List.of("technical-program-manager", "program-manager")
							: (role < 0.9) ? List.of(pick(TaxonomyIds.ROLES)) : null;
		}

		private AlertCriteria selective() {
			List<String> locations = new ArrayList<>();
			List<Workplace> workplaces = null;
			int extras;
			double where = this.random.nextDouble();
			Location place = pick(Places.ALL);
			if (where < 0.85) {
				locations.add((place.city() != null && this.random.nextDouble() < 0.9) ? place.city()
						: (place.region() != null) ? place.region() : place.country());
				if (this.random.nextDouble() < 0.15) {
					Location other = pick(Places.ALL);
					locations.add((other.city() != null) ? other.city() : other.country());
				}
				extras = 1 + ((this.random.nextDouble() < 0.5) ? 1 : 0);
			}
			else {
				locations.add(place.country());
				if (where < 0.93) {
					workplaces = List.of(Workplace.REMOTE);
				}
				extras = 2;
			}
			List<String> keywords = new ArrayList<>();
			Map<String, List<String>> facets = new HashMap<>();
			for (int n = 0; n < extras; n++) {
				if (this.random.nextDouble() < 0.6) {
					keywords.add(pick(KEYWORDS));
				}
				else {
					String facet = pick(FACETS.subList(0, (this.random.nextDouble() < 0.7) ? 3 : FACETS.size()));
					facets.computeIfAbsent(facet, (key) -> new ArrayList<>()).add(pick(TaxonomyIds.FACETS.get(facet)));
				}
			}
			List<String> seniorities = (this.random.nextDouble() < 0.25)
					? List.of(pick(List.of("senior", "staff", "manager", "director", "mid"))) : null;
			if (workplaces == null && this.random.nextDouble() < 0.2) {
				workplaces = (this.random.nextBoolean()) ? List.of(Workplace.HYBRID, Workplace.ONSITE)
						: List.of(Workplace.REMOTE, Workplace.HYBRID);
			}
			MinimumSalary salary = (this.random.nextDouble() < 0.1)
					? new MinimumSalary(Places.pay(place.country(), this.random), Places.currency(place.country())) : null;
			Integer minScore = (this.random.nextDouble() < 0.5) ? 40 + this.random.nextInt(45) : null;
			return new AlertCriteria(keywords, roles(), seniorities, facets.get("certifications"), facets.get("degrees"),
					facets.get("methodologies"), facets.get("technical"), facets.get("industries"), facets.get("skills"),
					locations, workplaces, salary, minScore);
		}

		private <T> T pick(List<T> values) {
			return values.get(this.random.nextInt(values.size()));
		}

	}

	/** Postings in an Elasticsearch index and alerts as bool queries over them, through the plain REST API. */
	private static final class PlainElasticsearch {

		private static final String INDEX = "bench-alert-postings";

		private final HttpClient http = HttpClient.newHttpClient();

		private final String url;

		PlainElasticsearch(String url) {
			this.url = url;
		}

		void load(List<PostingMatched> batch, int maxWords) throws Exception {
			send("DELETE", "/" + INDEX + "?ignore_unavailable=true", "", "application/json");
			// Words as AlertCriteria.words splits them: runs of letters and digits (with a trailing + or #),
			// lower-cased.
			// No analysis module in the embedded node (its pattern tokenizer is missing), so the words are split here as
			// AlertCriteria.words splits them, and every run of up to maxWords words is indexed as one keyword: a
			// keyword phrase is then a term query, as cheap a search as Elasticsearch offers.
			send("PUT", "/" + INDEX, """
					{"settings": {"number_of_shards": 1, "number_of_replicas": 0},
					 "mappings": {"properties": {
					   "role": {"type": "keyword"}, "seniority": {"type": "keyword"}, "facet": {"type": "keyword"},
					   "location": {"type": "keyword"}, "workplace": {"type": "keyword"},
					   "grams": {"type": "keyword"}, "score": {"type": "integer"},
					   "salary_currency": {"type": "keyword"}, "salary_top": {"type": "double"}}}}""",
					"application/json");
			StringBuilder bulk = new StringBuilder();
			for (PostingMatched matched : batch) {
				Posting posting = matched.posting();
				ObjectNode document = JsonNodeFactory.instance.objectNode();
				document.put("role", matched.role());
				document.put("seniority", posting.seniority());
				ArrayNode facets = document.putArray("facet");
				for (Tag tag : matched.tags()) {
					facets.add(tag.facet() + "/" + tag.id());
				}
				ArrayNode locations = document.putArray("location");
				for (Location location : posting.locations()) {
					Stream.of(location.city(), location.region(), location.country())
						.filter((part) -> part != null)
						.forEach((part) -> locations.add(part.toLowerCase(Locale.ROOT)));
				}
				document.put("workplace", posting.workplace().name());
				List<String> words = new ArrayList<>(AlertCriteria.words(posting.title()));
				words.addAll(AlertCriteria.words(posting.descriptionText()));
				Set<String> grams = new LinkedHashSet<>();
				for (int from = 0; from < words.size(); from++) {
					for (int to = from + 1; to <= Math.min(words.size(), from + maxWords); to++) {
						grams.add(String.join(" ", words.subList(from, to)));
					}
				}
				ArrayNode gramField = document.putArray("grams");
				grams.forEach(gramField::add);
				document.put("score", matched.score());
				if (posting.salary() != null && posting.salary().currency() != null) {
					Double top = (posting.salary().annualMax() != null) ? posting.salary().annualMax()
							: posting.salary().annualMin();
					document.put("salary_currency", posting.salary().currency().toUpperCase(Locale.ROOT));
					if (top != null) {
						document.put("salary_top", top);
					}
				}
				bulk.append("{\"index\":{\"_id\":\"").append(matched.postingId()).append("\"}}\n")
					.append(Json.mapper().writeValueAsString(document))
					.append('\n');
			}
			JsonNode response = send("POST", "/" + INDEX + "/_bulk?refresh=true", bulk.toString(), "application/x-ndjson");
			if (response.path("errors").asBoolean()) {
				throw new IllegalStateException("The bulk load of the batch failed: " + response);
			}
		}

		/** Runs every alert as one search (100 a request); the posting ids each one found. */
		Map<UUID, Set<String>> searchAll(List<SavedAlert> alerts) throws Exception {
			Map<UUID, Set<String>> found = new HashMap<>();
			for (int from = 0; from < alerts.size(); from += 100) {
				List<SavedAlert> chunk = alerts.subList(from, Math.min(alerts.size(), from + 100));
				StringBuilder body = new StringBuilder();
				for (SavedAlert alert : chunk) {
					body.append("{}\n").append(Json.mapper().writeValueAsString(search(alert.criteria()))).append('\n');
				}
				JsonNode responses = send("POST", "/" + INDEX + "/_msearch", body.toString(), "application/x-ndjson")
					.path("responses");
				for (int i = 0; i < chunk.size(); i++) {
					JsonNode response = responses.get(i);
					if (response.has("error")) {
						throw new IllegalStateException("A search failed: " + response.get("error"));
					}
					Set<String> ids = new HashSet<>();
					for (JsonNode hit : response.path("hits").path("hits")) {
						ids.add(hit.path("_id").asString());
					}
					found.put(chunk.get(i).id(), ids);
				}
			}
			return found;
		}

		private static ObjectNode search(AlertCriteria criteria) {
			ObjectNode search = JsonNodeFactory.instance.objectNode();
			search.put("size", 10_000);
			search.put("_source", false);
			ArrayNode filter = search.putObject("query").putObject("bool").putArray("filter");
			terms(filter, "role", criteria.roles());
			terms(filter, "seniority", criteria.seniorities());
			criteria.facets().forEach((facet, ids) -> terms(filter, "facet",
					ids.stream().map((id) -> facet + "/" + id).toList()));
			terms(filter, "location", criteria.locations().stream().map((place) -> place.toLowerCase(Locale.ROOT)).toList());
			terms(filter, "workplace", criteria.workplaces().stream().map(Workplace::name).toList());
			for (String keyword : criteria.keywords()) {
				filter.addObject().putObject("term").put("grams", String.join(" ", AlertCriteria.words(keyword)));
			}
			if (criteria.minScore() != null) {
				filter.addObject().putObject("range").putObject("score").put("gte", criteria.minScore());
			}
			if (criteria.minSalary() != null) {
				filter.addObject().putObject("term").put("salary_currency", criteria.minSalary().currency());
				filter.addObject().putObject("range").putObject("salary_top").put("gte", criteria.minSalary().amount());
			}
			return search;
		}

		private static void terms(ArrayNode filter, String field, List<String> values) {
			if (!values.isEmpty()) {
				ArrayNode terms = filter.addObject().putObject("terms").putArray(field);
				values.forEach(terms::add);
			}
		}

		private JsonNode send(String method, String path, String body, String type) throws Exception {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.url + path))
				.header("Content-Type", type)
				.method(method, HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() >= 300 && !(method.equals("DELETE") && response.statusCode() == 404)) {
				throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
						+ response.body());
			}
			return Json.mapper().readTree(response.body());
		}

	}

}
