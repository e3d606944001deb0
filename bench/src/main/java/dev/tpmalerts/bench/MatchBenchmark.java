package dev.tpmalerts.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkIngester;
import co.elastic.clients.elasticsearch._helpers.bulk.BulkListener;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import com.sun.management.OperatingSystemMXBean;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.nodes.Entities;

import dev.tpmalerts.bench.Rounds.Comparison;
import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.KafkaBroker;
import dev.tpmalerts.embedded.StartupListener;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.matcher.MatcherApplication;
import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.index.BulkProperties;
import dev.tpmalerts.matcher.index.PostingDocument;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingScraped;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./tpm-alerts bench match}: (1) postings scored per second on one thread by the PostingClassifier on ~5 KB
 * descriptions built from the saved career pages (goal ≥ 5,000 per core); (2) postings per second from Kafka into
 * Elasticsearch by the matcher itself (its Spring context, listener, classifier and PostingIndex; from the start of
 * its consumer until every offset is committed, which happens only after Elasticsearch acknowledged) against a
 * plain BulkIngester load of the same documents, already built, into a fresh index of the same node (goal ≥ 0.8).
 */
final class MatchBenchmark {

	private static final int DESCRIPTION_BYTES = 5 * 1024;

	private final Path samples;

	private final int records = Integer.getInteger("bench.match.records", 20_000);

	private final int rounds = Integer.getInteger("bench.match.rounds", 5);

	MatchBenchmark(Path samples) {
		this.samples = samples;
	}

	void run() throws Exception {
		List<Posting> postings = fiveKilobytePostings();
		double averageBytes = postings.stream().mapToInt((posting) -> posting.descriptionText().length()).average().orElse(0);
		System.out.printf(Locale.ROOT, "tpm-alerts bench match: %d distinct postings built from the saved career pages,"
				+ " descriptions of %.0f characters on average, %d cores, Java %s%n", postings.size(), averageBytes,
				Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		if (!"index".equals(System.getProperty("bench.only"))) {
			scoring(postings);
		}
		if (!"score".equals(System.getProperty("bench.only"))) {
			// Open to others: when this JVM is root the node runs as nobody, who must be able to enter it.
			Path work = Files.createTempDirectory("tpm-bench-match",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			try {
				indexing(postings, work);
			}
			finally {
				FileSystemUtils.deleteRecursively(work);
			}
		}
	}

	private void scoring(List<Posting> postings) {
		PostingClassifier classifier = new PostingClassifier(Taxonomy.load());
		int perRound = 10_000;
		List<Double> rates = new ArrayList<>();
		for (int round = 0; round < 3 + 7; round++) {
			long start = System.nanoTime();
			long sink = 0;
			for (int i = 0; i < perRound; i++) {
				Posting posting = postings.get(i % postings.size());
				sink += classifier.classify(posting).score();
			}
			double rate = perRound / ((System.nanoTime() - start) / 1e9);
			if (round >= 3 && sink >= 0) {
				rates.add(rate);
			}
		}
		rates.sort(Double::compare);
		double median = rates.get(rates.size() / 2);
		System.out.println("Scoring on one thread (PostingClassifier.classify on ~5 KB descriptions):");
		System.out.printf(Locale.ROOT, "  %-46s %10.0f postings/s (median of %d rounds; %.0f–%.0f)%n",
				"classify, one thread", median, rates.size(), rates.get(0), rates.get(rates.size() - 1));
		System.out.printf(Locale.ROOT, "  goal >= 5000 postings/s per core: %s%n", (median >= 5000) ? "met" : "NOT met");
	}

	private void indexing(List<Posting> postings, Path work) throws Exception {
		StartupListener quiet = (server, message) -> { };
		try (KafkaBroker broker = KafkaBroker.start(work.resolve("kafka"), quiet);
				ElasticsearchNode node = ElasticsearchNode.start(work.resolve("elasticsearch"), quiet)) {
			String bootstrap = broker.bootstrapServers();
			ElasticsearchClient client = ElasticsearchClient
				.of((config) -> config.host(node.httpUrl()).jsonMapper(new Jackson3JsonpMapper()));
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				PostingClassifier classifier = new PostingClassifier(Taxonomy.load());
				List<Posting> events = new ArrayList<>();
				List<byte[]> payloads = new ArrayList<>();
				List<PostingDocument> documents = new ArrayList<>();
				for (int i = 0; i < this.records; i++) {
					Posting posting = postings.get(i % postings.size()).withId("bench-" + i);
					events.add(posting);
					payloads.add(JsonSerde.serializer().serialize("postings", PostingScraped.of(posting)));
					documents.add(PostingDocument.of(posting,
							classifier.classify(posting),
							classifier.taxonomy().version(), Instant.now()));
				}
				int warmups = 1;
				List<NewTopic> topics = new ArrayList<>();
				for (int round = 1; round <= warmups + this.rounds; round++) {
					topics.add(new NewTopic("bench.postings." + round, 3, (short) 1));
				}
				// All up front: a topic created just before it is written to answers NOT_LEADER for a while.
				admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
				MatcherRound matcher = new MatcherRound(admin, bootstrap, node.httpUrl(), client, events, payloads);
				PlainRound plain = new PlainRound(client, documents);
				CpuMeter cpu = new CpuMeter(node.pid(), broker.pid());
				System.out.printf(Locale.ROOT, "Indexing %d posting events (%d KB each on the wire) into Elasticsearch %s:%n",
						this.records, payloads.stream().mapToInt((bytes) -> bytes.length).sum() / payloads.size() / 1024,
						node.version());
				try {
					Comparison comparison = Rounds.compareWithSetup("matcher: Kafka -> classify -> ES (postings/s)",
							cpu.measured("matcher", matcher::prepare), "plain BulkIngester, built documents (docs/s)",
							cpu.measured("plain  ", plain::prepare), warmups,
							this.rounds);
					Rounds.print("per second", comparison, 0.8);
				}
				finally {
					matcher.stop();
				}
			}
			finally {
				client._transport().close();
			}
		}
	}

	/**
	 * Prints each round's rate and where its CPU went, per posting: this JVM (the matcher, or the plain load's
	 * client), the Elasticsearch node and the Kafka broker. On two shared cores the matcher's own CPU is what
	 * Elasticsearch loses, so these figures say which side a change helped.
	 */
	private static final class CpuMeter {

		private static final long TICKS_PER_SECOND = 100;

		private final long elasticsearch;

		private final long kafka;

		CpuMeter(long elasticsearch, long kafka) {
			this.elasticsearch = elasticsearch;
			this.kafka = kafka;
		}

		Rounds.Setup measured(String name, Rounds.Setup setup) {
			return () -> {
				Rounds.Work work = setup.prepare();
				return () -> {
					long[] before = snapshot();
					long start = System.nanoTime();
					long units = work.run();
					double seconds = (System.nanoTime() - start) / 1e9;
					long[] after = snapshot();
					System.out.printf(Locale.ROOT, "    %s %6.0f /s; CPU ms per posting: this JVM %.2f (GC %.2f, JIT %.2f),"
							+ " Elasticsearch %.2f, Kafka %.2f; host load %.1f%n", name, units / seconds,
							(after[0] - before[0]) / 1e6 / units, (after[3] - before[3]) / 1e6 / units,
							(after[4] - before[4]) / 1e6 / units,
							(after[1] - before[1]) / 1e6 / units, (after[2] - before[2]) / 1e6 / units,
							ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
					return units;
				};
			};
		}

		/** CPU nanoseconds of this JVM, the node (with its server JVM, a child of the launcher) and the broker. */
		private long[] snapshot() throws IOException {
			long self = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			return new long[] { self, treeCpu(this.elasticsearch), treeCpu(this.kafka), threadsCpu("GC Thread", "G1 "),
					threadsCpu("C1 CompilerThre", "C2 CompilerThre") };
		}

		/**
		 * CPU of this JVM's threads whose names start so: the garbage collector's ("GC Thread#0", "G1 Conc#0",
		 * "G1 Refine#0"...) or the JIT compilers' ("C2 CompilerThre", as Linux cuts names to 15 characters).
		 */
		private static long threadsCpu(String... prefixes) throws IOException {
			long ticks = 0;
			try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
				for (Path task : tasks.toList()) {
					try {
						String name = Files.readString(task.resolve("comm")).strip();
						for (String prefix : prefixes) {
							if (name.startsWith(prefix)) {
								ticks += ticks(Files.readString(task.resolve("stat")));
								break;
							}
						}
					}
					catch (IOException ex) {
						// the thread ended meanwhile
					}
				}
			}
			return ticks * (1_000_000_000L / TICKS_PER_SECOND);
		}

		private static long treeCpu(long pid) throws IOException {
			long ticks = ticks(pid);
			for (ProcessHandle child : ProcessHandle.of(pid).map((handle) -> handle.descendants().toList())
				.orElse(List.of())) {
				ticks += ticks(child.pid());
			}
			return ticks * (1_000_000_000L / TICKS_PER_SECOND);
		}

		private static long ticks(long pid) throws IOException {
			Path stat = Path.of("/proc", Long.toString(pid), "stat");
			if (!Files.exists(stat)) {
				return 0;
			}
			return ticks(Files.readString(stat));
		}

		private static long ticks(String line) {
			// Fields after the command, which is in parentheses and may hold spaces: utime and stime are 14 and 15.
			String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}

	}

	/** One round of the matcher: a fresh topic holding the events, a fresh index, a matcher whose consumer waits. */
	private static final class MatcherRound {

		private final Admin admin;

		private final String bootstrap;

		private final String elasticsearch;

		private final ElasticsearchClient client;

		private final List<Posting> events;

		private final List<byte[]> payloads;

		private int round;

		private ConfigurableApplicationContext context;

		private String topic;

		MatcherRound(Admin admin, String bootstrap, String elasticsearch, ElasticsearchClient client,
				List<Posting> events, List<byte[]> payloads) {
			this.admin = admin;
			this.bootstrap = bootstrap;
			this.elasticsearch = elasticsearch;
			this.client = client;
			this.events = events;
			this.payloads = payloads;
		}

		Rounds.Work prepare() throws Exception {
			stop();
			this.round++;
			this.topic = "bench.postings." + this.round;
			String group = "bench-matcher-" + this.round;
			awaitLeaders(this.topic);
			Map<String, Object> config = new HashMap<>();
			config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
			config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
			config.put(ProducerConfig.ACKS_CONFIG, "all");
			// Setup only, not timed: an idempotent producer on a topic created a moment ago can loop on
			// OUT_OF_ORDER_SEQUENCE_NUMBER after a first NOT_LEADER_OR_FOLLOWER, as a first run here did.
			config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
			config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
			try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
					new ByteArraySerializer())) {
				for (int i = 0; i < this.payloads.size(); i++) {
					producer.send(new ProducerRecord<>(this.topic, this.events.get(i).id(), this.payloads.get(i)));
				}
				producer.flush();
			}
			this.client.indices().delete((request) -> request.index("postings-v1").ignoreUnavailable(true));
			// As arguments, which win over the matcher's application.yml (default properties would not).
			this.context = new SpringApplicationBuilder(MatcherApplication.class).web(WebApplicationType.NONE)
				.run("--spring.main.banner-mode=off", "--logging.level.root=WARN",
						"--spring.kafka.bootstrap-servers=" + this.bootstrap,
						"--spring.elasticsearch.uris=" + this.elasticsearch, "--tpm.matcher.topic=" + this.topic,
						"--spring.kafka.consumer.group-id=" + group, "--spring.kafka.listener.auto-startup=false");
			KafkaListenerEndpointRegistry registry = this.context.getBean(KafkaListenerEndpointRegistry.class);
			long expected = this.payloads.size();
			return () -> {
				registry.getListenerContainer("matcher").start();
				while (committed(group) < expected) {
					TimeUnit.MILLISECONDS.sleep(20);
				}
				this.client.indices().refresh((request) -> request.index("postings"));
				long count = this.client.count((request) -> request.index("postings")).count();
				if (count != expected) {
					throw new IllegalStateException("The matcher committed every offset but indexed " + count
							+ " of " + expected + " postings");
				}
				return count;
			};
		}

		private void awaitLeaders(String topic) throws Exception {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (true) {
				try {
					if (this.admin.describeTopics(List.of(topic))
						.allTopicNames()
						.get(10, TimeUnit.SECONDS)
						.get(topic)
						.partitions()
						.stream()
						.allMatch((partition) -> partition.leader() != null)) {
						return;
					}
				}
				catch (java.util.concurrent.ExecutionException ex) {
					// the topic's metadata has not reached the broker's cache yet
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The partitions of " + topic + " have no leader after 30 s");
				}
				TimeUnit.MILLISECONDS.sleep(100);
			}
		}

		private long committed(String group) throws Exception {
			Map<TopicPartition, OffsetAndMetadata> offsets = this.admin.listConsumerGroupOffsets(group)
				.partitionsToOffsetAndMetadata()
				.get(10, TimeUnit.SECONDS);
			return offsets.values().stream().filter((offset) -> offset != null).mapToLong(OffsetAndMetadata::offset).sum();
		}

		void stop() throws Exception {
			if (this.context != null) {
				this.context.close();
				this.context = null;
				this.admin.deleteTopics(List.of(this.topic)).all().get(30, TimeUnit.SECONDS);
			}
		}

	}

	/** One round of the baseline: the same documents, already built, bulk-loaded into a fresh index. */
	private static final class PlainRound {

		private static final String INDEX = "bench-plain";

		private final ElasticsearchClient client;

		private final List<PostingDocument> documents;

		PlainRound(ElasticsearchClient client, List<PostingDocument> documents) {
			this.client = client;
			this.documents = documents;
		}

		Rounds.Work prepare() throws Exception {
			this.client.indices().delete((request) -> request.index(INDEX).ignoreUnavailable(true));
			try (InputStream mapping = MatcherApplication.class.getClassLoader()
				.getResourceAsStream("elasticsearch/postings-mapping.json")) {
				this.client.indices().create((request) -> request.index(INDEX).withJson(mapping));
			}
			BulkProperties bulk = BulkProperties.defaults();
			return () -> {
				AtomicReference<String> failure = new AtomicReference<>();
				try (BulkIngester<Void> ingester = BulkIngester.of((builder) -> builder.client(this.client)
					.maxOperations(bulk.maxOperations())
					.maxSize(bulk.maxBytes())
					.maxConcurrentRequests(bulk.maxConcurrentRequests())
					.listener(new BulkListener<Void>() {

						@Override
						public void beforeBulk(long id, BulkRequest request, List<Void> contexts) {
						}

						@Override
						public void afterBulk(long id, BulkRequest request, List<Void> contexts, BulkResponse response) {
							for (BulkResponseItem item : response.items()) {
								if (item.error() != null) {
									failure.compareAndSet(null, item.id() + ": " + item.error().reason());
								}
							}
						}

						@Override
						public void afterBulk(long id, BulkRequest request, List<Void> contexts, Throwable ex) {
							failure.compareAndSet(null, ex.toString());
						}

					}))) {
					for (PostingDocument document : this.documents) {
						ingester.add((op) -> op.index((index) -> index.index(INDEX).id(document.id()).document(document)));
					}
				}
				if (failure.get() != null) {
					throw new IllegalStateException("The plain bulk load failed: " + failure.get());
				}
				this.client.indices().refresh((request) -> request.index(INDEX));
				return this.client.count((request) -> request.index(INDEX)).count();
			};
		}

	}

	/**
	 * The career pages' postings, each description grown to about 5 KB with paragraphs of the following postings
	 * (so every description differs and reads like a real one), cut at a word boundary.
	 */
	private List<Posting> fiveKilobytePostings() throws IOException {
		JsonLdPageParser parser = new JsonLdPageParser();
		PostingNormalizer normalizer = new PostingNormalizer(Clock.systemUTC());
		SourceDefinition source = SourceDefinition.of("bench", SourceType.JSON_LD_PAGE, URI.create("https://bench.example/"));
		List<Posting> originals = new ArrayList<>();
		Path root = this.samples.resolve("career");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
				FetchedDocument page = new FetchedDocument(URI.create("https://careers.example/" + root.relativize(file)),
						200, "text/html", Files.readAllBytes(file));
				for (RawPosting raw : parser.parse(source, page)) {
					Posting posting = normalizer.normalize(raw);
					if (posting.descriptionText() != null && !posting.descriptionText().isBlank()) {
						originals.add(posting);
					}
				}
			}
		}
		if (originals.isEmpty()) {
			throw new IOException("No postings with a description under " + root + "; run from the repository root");
		}
		List<Posting> grown = new ArrayList<>();
		for (int variant = 0; variant < 4; variant++) {
			for (int i = 0; i < originals.size(); i++) {
				StringBuilder text = new StringBuilder(originals.get(i).descriptionText());
				for (int next = 1; text.length() < DESCRIPTION_BYTES; next++) {
					String other = originals.get((i + next * (variant + 1)) % originals.size()).descriptionText();
					int from = other.indexOf('\n', other.length() / 3);
					text.append("\n").append(other, Math.max(0, from), other.length());
				}
				int cut = text.lastIndexOf(" ", DESCRIPTION_BYTES);
				String description = text.substring(0, (cut > 0) ? cut : DESCRIPTION_BYTES);
				Posting original = originals.get(i);
				StringBuilder html = new StringBuilder();
				for (String line : description.split("\n")) {
					html.append("<p>").append(Entities.escape(line)).append("</p>");
				}
				grown.add(new Posting(original.id() + "-" + variant, original.title(), original.seniority(),
						original.company(), original.locations(), original.workplace(), original.workplaceEvidence(),
						original.salary(), original.employmentType(), original.datePosted(), original.validThrough(),
						original.canonicalUrl(), html.toString(), description, original.sources(), original.fetchedAt()));
			}
		}
		return grown;
	}

}
