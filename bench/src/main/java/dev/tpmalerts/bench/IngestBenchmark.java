package dev.tpmalerts.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;

import dev.tpmalerts.bench.Rounds.Comparison;
import dev.tpmalerts.embedded.KafkaBroker;
import dev.tpmalerts.ingest.fetch.FetchedDocument;
import dev.tpmalerts.ingest.job.IngestProperties;
import dev.tpmalerts.ingest.normalize.PostingNormalizer;
import dev.tpmalerts.ingest.publish.PostingPublisher;
import dev.tpmalerts.ingest.source.RawPosting;
import dev.tpmalerts.ingest.source.SourceDefinition;
import dev.tpmalerts.ingest.source.SourceType;
import dev.tpmalerts.ingest.source.jsonld.JsonLdPageParser;
import dev.tpmalerts.shared.JsonSerde;
import dev.tpmalerts.shared.Posting;
import dev.tpmalerts.shared.PostingEvent;
import dev.tpmalerts.shared.PostingScraped;
import dev.tpmalerts.shared.Topics;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * {@code ./tpm-alerts bench ingest}: (1) postings normalised per second from the saved career pages (JSON-LD
 * parsing, normalisation) against jsoup parsing the same pages alone (goal ratio ≥ 0.5); (2) posting events
 * published per second by ingest's writer (JSON serde, acks=all, idempotent producer, a chunk waits for its
 * acknowledgements) against Kafka's own producer sending the same payloads already serialised (goal ≥ 0.8).
 */
final class IngestBenchmark {

	private final Path samples;

	private final int chunkSize = Integer.getInteger("bench.chunk-size",
			Integer.parseInt(IngestProperties.DEFAULT_CHUNK_SIZE));

	private final int records = Integer.getInteger("bench.records", 20_000);

	IngestBenchmark(Path samples) {
		this.samples = samples;
	}

	private record Page(URI url, byte[] bytes) {

	}

	void run() throws Exception {
		List<Page> pages = careerPages();
		System.out.printf(Locale.ROOT, "tpm-alerts bench ingest: %d saved career pages, %d cores, Java %s%n",
				pages.size(), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
		List<Posting> postings = normalising(pages);
		if (!"normalise".equals(System.getProperty("bench.only"))) {
			publishing(postings);
		}
	}

	private List<Posting> normalising(List<Page> pages) throws Exception {
		JsonLdPageParser parser = new JsonLdPageParser();
		PostingNormalizer normalizer = new PostingNormalizer(Clock.systemUTC());
		SourceDefinition source = SourceDefinition.of("bench", SourceType.JSON_LD_PAGE, URI.create("https://bench.example/"));
		int repeat = Integer.getInteger("bench.repeat", 100);
		List<Posting> postings = new ArrayList<>();
		for (Page page : pages) {
			for (RawPosting raw : parser.parse(source, document(page))) {
				postings.add(normalizer.normalize(raw));
			}
		}
		Rounds.Work ours = () -> {
			long count = 0;
			for (int i = 0; i < repeat; i++) {
				for (Page page : pages) {
					for (RawPosting raw : parser.parse(source, document(page))) {
						normalizer.normalize(raw);
						count++;
					}
				}
			}
			return count;
		};
		Rounds.Work jsoupAlone = () -> {
			long count = 0;
			for (int i = 0; i < repeat; i++) {
				for (Page page : pages) {
					Jsoup.parse(new ByteArrayInputStream(page.bytes()), null, page.url().toString());
					count++;
				}
			}
			return count;
		};
		System.out.println("Normalising saved pages (one posting per page):");
		Comparison comparison = Rounds.compare("parse JSON-LD + normalise (postings/s)", ours, "jsoup parse alone (pages/s)",
				jsoupAlone, 3, 9);
		Rounds.print("per second", comparison, 0.5);
		return postings;
	}

	private void publishing(List<Posting> postings) throws Exception {
		Path work = Files.createTempDirectory("tpm-bench-kafka");
		try {
			publishing(postings, work);
		}
		finally {
			// Every round writes a copy of the payloads: a run leaves over 2 GB of broker logs behind otherwise.
			FileSystemUtils.deleteRecursively(work);
		}
	}

	private void publishing(List<Posting> postings, Path work) throws Exception {
		try (KafkaBroker broker = KafkaBroker.start(work, (server, message) -> { })) {
			String bootstrap = broker.bootstrapServers();
			try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
				admin.createTopics(List.of(new NewTopic(Topics.POSTINGS, 3, (short) 1), new NewTopic("bench.baseline", 3, (short) 1)))
					.all()
					.get();
			}
			List<PostingEvent> events = new ArrayList<>();
			List<byte[]> payloads = new ArrayList<>();
			for (int i = 0; i < this.records; i++) {
				Posting template = postings.get(i % postings.size());
				PostingEvent event = PostingScraped.of(template.withId("bench-" + i));
				events.add(event);
				payloads.add(JsonSerde.serializer().serialize(Topics.POSTINGS, event));
			}
			Map<String, Object> common = new HashMap<>();
			common.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
			common.put(ProducerConfig.ACKS_CONFIG, "all");
			common.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
			common.put(ProducerConfig.LINGER_MS_CONFIG, 5);
			Map<String, Object> ours = new HashMap<>(common);
			ours.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
			ours.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonSerde.EventSerializer.class);
			DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(ours);
			PostingPublisher publisher = new PostingPublisher(new KafkaTemplate<>(factory));
			try (KafkaProducer<String, byte[]> plain = new KafkaProducer<>(common, new StringSerializer(),
					new ByteArraySerializer())) {
				Rounds.Work writer = () -> {
					for (int start = 0; start < events.size(); start += this.chunkSize) {
						publisher.write(new Chunk<>(events.subList(start, Math.min(events.size(), start + this.chunkSize))));
					}
					return events.size();
				};
				Rounds.Work baseline = () -> {
					for (int i = 0; i < payloads.size(); i++) {
						plain.send(new ProducerRecord<>("bench.baseline", events.get(i).postingId(), payloads.get(i)));
					}
					plain.flush();
					return payloads.size();
				};
				System.out.printf(Locale.ROOT, "Publishing %d posting events (%d KB each on average), chunks of %d:%n",
						this.records, payloads.stream().mapToInt((bytes) -> bytes.length).sum() / payloads.size() / 1024,
						this.chunkSize);
				Comparison comparison = Rounds.compare("ingest's writer (records/s)", writer,
						"Kafka producer, same payloads (records/s)", baseline, 2, 9);
				Rounds.print("per second", comparison, 0.8);
			}
			finally {
				factory.destroy();
			}
		}
	}


	private static FetchedDocument document(Page page) {
		return new FetchedDocument(page.url(), 200, "text/html", page.bytes());
	}

	private List<Page> careerPages() throws IOException {
		Path root = this.samples.resolve("career");
		try (Stream<Path> files = Files.walk(root)) {
			List<Page> pages = new ArrayList<>();
			for (Path file : files.filter((path) -> path.toString().endsWith(".html")).sorted().toList()) {
				pages.add(new Page(URI.create("https://careers.example/" + root.relativize(file)), Files.readAllBytes(file)));
			}
			if (pages.isEmpty()) {
				throw new IOException("No career pages under " + root + "; run from the repository root");
			}
			return pages;
		}
	}

}
