package dev.tpmalerts.matcher.index;

import java.io.IOException;
import java.time.Clock;
import java.util.Locale;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tpmalerts.matcher.classify.PostingClassifier;
import dev.tpmalerts.matcher.taxonomy.Taxonomy;

/**
 * {@code ./tpm-alerts reindex [--elasticsearch URL]}: rescores every indexed posting with the current taxonomy
 * into a new index and moves the {@code postings} alias to it while the matcher keeps running.
 */
public final class ReindexCommand {

	private ReindexCommand() {
	}

	public static void main(String[] args) {
		// Without Spring Boot's logging set-up Logback would print the HTTP client's debug lines over the progress.
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
			root.setLevel(ch.qos.logback.classic.Level.WARN);
		}
		String url = "http://localhost:9200";
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--elasticsearch") && i + 1 < args.length) {
				url = args[++i];
			}
			else if (arg.startsWith("--elasticsearch=")) {
				url = arg.substring("--elasticsearch=".length());
			}
			else {
				System.err.println("Unknown argument '" + arg + "'. Usage: ./tpm-alerts reindex [--elasticsearch URL]"
						+ " (default http://localhost:9200)");
				System.exit(2);
			}
		}
		System.exit(run(url));
	}

	static int run(String url) {
		String target = url;
		ElasticsearchClient client = ElasticsearchClient
			.of((config) -> config.host(target).jsonMapper(new Jackson3JsonpMapper()));
		try {
			PostingClassifier classifier = new PostingClassifier(Taxonomy.load());
			System.out.println("Reindexing the postings at " + url + " with taxonomy " + classifier.taxonomy().version());
			PostingReindexer.Result result = new PostingReindexer(client, classifier, Clock.systemUTC(),
					System.out::println)
				.reindex();
			double seconds = result.took().toMillis() / 1000.0;
			System.out.printf(Locale.ROOT,
					"Done in %.1f s: %d documents copied from %s to %s (%d rescored with taxonomy %s, %d without a"
							+ " stored posting copied as they were, %.0f documents/s); %d caught up and %d deleted from"
							+ " writes made during the reindex.%n",
					seconds, result.copied(), result.from(), result.to(), result.rescored(), result.taxonomyVersion(),
					result.keptUnscored(), result.copied() / Math.max(seconds, 0.001), result.caughtUp(),
					result.deleted());
			System.out.println("The alias " + PostingIndex.ALIAS + " now points at " + result.to() + " only. "
					+ result.from() + " is kept for a rollback; delete it with DELETE /" + result.from()
					+ " once the new index is trusted.");
			return 0;
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("The reindex failed: " + ex.getMessage());
			return 1;
		}
		finally {
			try {
				client._transport().close();
			}
			catch (IOException ex) {
				System.err.println("Could not close the connection to Elasticsearch: " + ex.getMessage());
			}
		}
	}

}
