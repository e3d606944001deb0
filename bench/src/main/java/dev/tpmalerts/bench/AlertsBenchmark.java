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
import dev.tpmalerts.notifier.alert.Frequency;
import dev.tpmalerts.notifier.alert.SavedAlert;
import dev.tpmalerts.notifier.match.MonitorAlertMatcher;
import dev.tpmalerts.shared.Json;
import dev.tpmalerts.shared.Location;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingMatched;
import dev.tpmalerts.shared.Tag;
import dev.tpmalerts.shared.TaxonomyIds;
import dev.tpmalerts.shared.Workplace;

import org.springframework.util.FileSystemUtils;

/**
 * {@code ./tpm-alerts bench alerts}: (1) the alert index (lucene-monitor) holding 1,000,000 generated alerts: its
 * build time, the heap it takes, and postings matched per second on one thread (goal ≥ 1,000); (2) in the same run,
 * the plain alternative, every alert run as an Elasticsearch search over a batch of new postings, measured on a
 * sample of 10,000 alerts (msearch requests of 100 searches) and scaled linearly to the full count (goal: the index
 * ≥ 20 times faster), with the agreement of both on the sample; (3) the time to compose the daily digests.
 */
final class AlertsBenchmark {

	private final Path samples;

	private final int alertCount = Integer.getInteger("bench.alerts.count", 1_000_000);

	private final int sampleCount = Integer.getInteger("bench.alerts.sample", 10_000);

	private final int batchSize = Integer.getInteger("bench.alerts.batch", 1_000);

	private final int rounds = Integer.getInteger("bench.alerts.rounds", 5);

	AlertsBenchmark(Path samples) {
		this.samples = samples;
	}

	void run() throws Exception {
		List<PostingMatched> postings = matchedPostings();
		System.out.printf(Locale.ROOT, "tpm-alerts bench alerts: %d matched postings from the saved career pages "
				+ "(classified by the matcher), %d cores, Java %s, max heap %d MB%n", postings.size(),
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
				Runtime.getRuntime().maxMemory() >> 20);
		AlertGenerator generator = new AlertGenerator(postings, 20261126);
		List<SavedAlert> sample = new ArrayList<>();

		long heapBefore = usedHeapAfterGc();
		long started = System.nanoTime();
		MonitorAlertMatcher index = new MonitorAlertMatcher();
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
		System.out.printf(Locale.ROOT, "Alert index (lucene-monitor, 2-pass term presearcher) of %,d generated alerts, "
				+ "%,d of them without a term criterion and checked on every posting:%n", index.size(),
				index.unconditionalCount());
		System.out.printf(Locale.ROOT, "  %-46s %10.1f s (generating the alerts included)%n", "build", buildSeconds);
		System.out.printf(Locale.ROOT, "  %-46s %10d MB (used heap after GC, before and after building)%n",
				"heap taken by the index", (heapAfter - heapBefore) >> 20);

		Matching matching = matching(index, postings);
		System.out.printf(Locale.ROOT, "  %-46s %10.0f postings/s (median of %d rounds; %.0f–%.0f)%n",
				"matched on one thread", matching.median(), matching.rates().size(), matching.min(), matching.max());
		System.out.printf(Locale.ROOT, "  %-46s %10.0f alerts per posting on average%n", "matches", matching.perPosting());
		System.out.printf(Locale.ROOT, "  goal >= 1000 postings/s: %s%n", (matching.median() >= 1000) ? "met" : "NOT met");

		Path work = Files.createTempDirectory("tpm-bench-alerts",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
		try {
			elasticsearchBaseline(index, sample, postings, matching.median(), work);
		}
		finally {
			FileSystemUtils.deleteRecursively(work);
		}

		// TODO(digests): print the time to compose the daily digests of 100,000 subscribers here, with
		// dev.tpmalerts.notifier.delivery.DigestComposer once it exists (another engineer is writing it).
		System.out.println("Daily digests for 100,000 subscribers: not measured yet (DigestComposer to be wired in)");
		index.close();
	}

	private record Matching(List<Double> rates, double perPosting) {

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

	private Matching matching(MonitorAlertMatcher index, List<PostingMatched> postings) {
		int perRound = Math.max(postings.size(), 2_000);
		List<Double> rates = new ArrayList<>();
		long matches = 0;
		long matched = 0;
		for (int round = 0; round < 1 + this.rounds; round++) {
			long start = System.nanoTime();
			long deadline = start + 20_000_000_000L;
			long found = 0;
			int done = 0;
			// At most 20 s a round, so that a slow index still gives a figure in minutes, not hours.
			while (done < perRound && (done == 0 || System.nanoTime() < deadline)) {
				found += index.matching(postings.get(done % postings.size())).size();
				done++;
			}
			double rate = done / ((System.nanoTime() - start) / 1e9);
			if (round > 0) {
				rates.add(rate);
				matches += found;
				matched += done;
			}
		}
		return new Matching(rates, (double) matches / matched);
	}

	/**
	 * The plain way: the postings of a batch indexed into a fresh Elasticsearch index, then every alert run as one
	 * bool query over it (msearch, 100 searches a request), on a sample, scaled linearly to every alert.
	 */
	private void elasticsearchBaseline(MonitorAlertMatcher index, List<SavedAlert> sample,
			List<PostingMatched> postings, double indexRate, Path work) throws Exception {
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
			es.load(batch);
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
			System.out.printf(Locale.ROOT, "  %-46s %10.2f s (median of 3)%n", "10,000 alerts over the batch", sampleSeconds);
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

	/**
	 * Alerts as people would save them on a TPM job site: most name a role, a place and one to three facet values,
	 * many a keyword or two, some a workplace, a seniority, a minimum salary or score; a small share has nothing
	 * but a frequency. Places and keywords come partly from the postings themselves, so alerts do match.
	 */
	static final class AlertGenerator {

		private static final List<String> KEYWORDS = List.of("kubernetes", "payments", "program manager", "cloud",
				"machine learning", "infrastructure", "security", "data platform", "hardware", "supply chain", "aws",
				"api", "mobile", "networking", "storage", "compliance", "fintech", "healthcare", "ai", "developer tools",
				"observability", "reliability", "launch", "silicon", "gpu", "ads", "search", "identity", "privacy",
				"billing", "platform", "migration", "agile", "roadmap", "cross-functional", "stakeholders", "release",
				"devops", "ci/cd", "embedded", "firmware", "robotics", "autonomous", "satellite", "semiconductor",
				"biotech", "clinical", "banking", "trading", "risk", "fraud", "e-commerce", "marketplace", "logistics",
				"gaming", "media", "streaming", "video", "audio", "telecom", "5g", "edge", "iot", "sre", "terraform",
				"java", "python", "c++", "golang", "rust", "react", "sap", "salesforce", "erp", "crm", "datacenter",
				"network", "operating system", "compiler", "chip", "quantum", "blockchain", "crypto", "web3", "llm",
				"generative ai", "nlp", "computer vision", "recommendation", "analytics", "bi", "etl", "warehouse");

		private static final List<String> CITIES = List.of("Austin", "London", "Seattle", "San Francisco",
				"New York", "Boston", "Chicago", "Denver", "Atlanta", "Dallas", "Los Angeles", "San Jose", "Toronto",
				"Vancouver", "Berlin", "Munich", "Paris", "Amsterdam", "Dublin", "Zurich", "Bangalore", "Hyderabad",
				"Singapore", "Sydney", "Tokyo", "Tel Aviv", "Washington", "Portland", "Raleigh", "Pittsburgh",
				"Phoenix", "Salt Lake City", "Minneapolis", "Detroit", "Miami", "Houston", "San Diego", "Madrid",
				"Barcelona", "Stockholm", "Copenhagen", "Warsaw", "Prague", "Lisbon", "Manchester", "Edinburgh",
				"Cambridge", "Oxford", "Montreal", "Ottawa");

		private static final List<String> REGIONS = List.of("CA", "TX", "WA", "NY", "MA", "CO", "IL", "GA", "NC",
				"VA", "OR", "Ontario", "British Columbia", "Bavaria", "England", "Scotland", "Karnataka");

		private static final List<String> COUNTRIES = List.of("US", "GB", "CA", "DE", "FR", "NL", "IE", "IN", "SG",
				"AU", "JP", "IL", "ES", "CH", "SE", "PL");

		private static final List<String> FACETS = List.of("technical", "industries", "skills", "certifications",
				"methodologies", "degrees");

		private final Random random;

		private final List<String> postingPlaces = new ArrayList<>();

		private final List<String> postingWords = new ArrayList<>();

		AlertGenerator(List<PostingMatched> postings, long seed) {
			this.random = new Random(seed);
			Set<String> places = new LinkedHashSet<>();
			Set<String> words = new LinkedHashSet<>();
			for (PostingMatched matched : postings) {
				for (Location location : matched.posting().locations()) {
					Stream.of(location.city(), location.region(), location.country())
						.filter((part) -> part != null)
						.forEach(places::add);
				}
				AlertCriteria.words(matched.posting().title()).stream().filter((word) -> word.length() > 3)
					.forEach(words::add);
			}
			this.postingPlaces.addAll(places);
			this.postingWords.addAll(words);
		}

		SavedAlert next() {
			double kind = this.random.nextDouble();
			AlertCriteria criteria;
			if (kind < 0.003) {
				criteria = AlertCriteria.any();
			}
			else if (kind < 0.005) {
				criteria = AlertCriteria.of(null, null, 50 + this.random.nextInt(40));
			}
			else {
				criteria = realistic();
			}
			double frequency = this.random.nextDouble();
			return new SavedAlert(new UUID(this.random.nextLong(), this.random.nextLong()),
					new UUID(this.random.nextLong(), this.random.nextLong()), criteria,
					(frequency < 0.5) ? Frequency.INSTANT : (frequency < 0.9) ? Frequency.DAILY : Frequency.WEEKLY);
		}

		private AlertCriteria realistic() {
			List<String> roles = null;
			double role = this.random.nextDouble();
			if (role < 0.6) {
				roles = List.of("technical-program-manager");
			}
			else if (role < 0.75) {
				roles = List.of("technical-program-manager", "program-manager");
			}
			else if (role < 0.85) {
				roles = List.of(pick(TaxonomyIds.ROLES));
			}
			List<String> keywords = null;
			if (this.random.nextDouble() < 0.5) {
				keywords = new ArrayList<>();
				for (int n = (this.random.nextDouble() < 0.8) ? 1 : 2; n > 0; n--) {
					keywords.add((this.random.nextDouble() < 0.7 || this.postingWords.isEmpty()) ? pick(KEYWORDS)
							: pick(this.postingWords));
				}
			}
			List<String> locations = null;
			if (this.random.nextDouble() < 0.7) {
				locations = new ArrayList<>();
				for (int n = (this.random.nextDouble() < 0.7) ? 1 : 2; n > 0; n--) {
					double where = this.random.nextDouble();
					locations.add((where < 0.3 && !this.postingPlaces.isEmpty()) ? pick(this.postingPlaces)
							: (where < 0.75) ? pick(CITIES) : (where < 0.9) ? pick(REGIONS) : pick(COUNTRIES));
				}
			}
			Map<String, List<String>> facets = new HashMap<>();
			if (this.random.nextDouble() < 0.7) {
				for (int values = 1 + this.random.nextInt(3); values > 0; values--) {
					String facet = pick(FACETS.subList(0, (this.random.nextDouble() < 0.7) ? 3 : FACETS.size()));
					facets.computeIfAbsent(facet, (key) -> new ArrayList<>()).add(pick(TaxonomyIds.FACETS.get(facet)));
				}
			}
			List<String> seniorities = (this.random.nextDouble() < 0.25)
					? List.of(pick(List.of("senior", "staff", "manager", "director", "mid"))) : null;
			List<Workplace> workplaces = null;
			double workplace = this.random.nextDouble();
			if (workplace < 0.2) {
				workplaces = List.of(Workplace.REMOTE);
			}
			else if (workplace < 0.3) {
				workplaces = List.of(Workplace.REMOTE, Workplace.HYBRID);
			}
			MinimumSalary salary = (this.random.nextDouble() < 0.15)
					? new MinimumSalary((double) (120 + this.random.nextInt(130)) * 1000, "USD") : null;
			Integer minScore = (this.random.nextDouble() < 0.6) ? 40 + this.random.nextInt(45) : null;
			return new AlertCriteria(keywords, roles, seniorities, facets.get("certifications"), facets.get("degrees"),
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

		void load(List<PostingMatched> batch) throws Exception {
			send("DELETE", "/" + INDEX + "?ignore_unavailable=true", "", "application/json");
			// Words as AlertCriteria.words splits them: runs of letters and digits (with a trailing + or #),
			// lower-cased.
			send("PUT", "/" + INDEX, """
					{"settings": {"number_of_shards": 1, "number_of_replicas": 0,
					  "analysis": {"tokenizer": {"words": {"type": "pattern",
					     "pattern": "[\\\\p{L}\\\\p{Nd}]+[+#]*", "group": 0}},
					   "analyzer": {"words": {"type": "custom", "tokenizer": "words", "filter": ["lowercase"]}}}},
					 "mappings": {"properties": {
					   "role": {"type": "keyword"}, "seniority": {"type": "keyword"}, "facet": {"type": "keyword"},
					   "location": {"type": "keyword"}, "workplace": {"type": "keyword"},
					   "text": {"type": "text", "analyzer": "words"}, "score": {"type": "integer"},
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
				document.put("text", ((posting.title() != null) ? posting.title() : "") + " "
						+ ((posting.descriptionText() != null) ? posting.descriptionText() : ""));
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
				filter.addObject().putObject("match_phrase").put("text", keyword);
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
