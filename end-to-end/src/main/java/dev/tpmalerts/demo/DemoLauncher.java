package dev.tpmalerts.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import dev.tpmalerts.demo.ApplicationStack.Database;
import dev.tpmalerts.demo.ApplicationStack.Servers;
import dev.tpmalerts.embedded.ElasticsearchNode;
import dev.tpmalerts.embedded.KafkaBroker;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.MailText;
import dev.tpmalerts.embedded.StartupListener;

/**
 * {@code ./tpm-alerts demo}: starts Kafka, Elasticsearch and an SMTP server on loopback, runs the three stages
 * on H2 file databases (or PostgreSQL when {@code TPM_DEMO_JDBC_URL} is set), subscribes a demo subscriber
 * through the real double opt-in, ingests the bundled samples and reports the alert emails sent. It keeps
 * running, so the search and the emails can be looked at, until Ctrl-C; {@code --exit} stops it right away.
 */
public final class DemoLauncher {

	private static final String SUBSCRIBER = "demo.subscriber@tpm-alerts.example";

	private static final Pattern CONFIRM_LINK = Pattern.compile("(http://\\S+/subscriptions/confirm\\?token=[A-Za-z0-9_%-]+)");

	private final long startNanos = System.nanoTime();

	public static void main(String[] args) throws Exception {
		boolean exitWhenDone = List.of(args).contains("--exit");
		Path home = Path.of(System.getProperty("tpm.demo.dir", ".tpm-alerts/demo")).toAbsolutePath();
		Path samples = Path.of(System.getProperty("tpm.samples.dir", "samples")).toAbsolutePath();
		try {
			new DemoLauncher().run(home, samples, exitWhenDone);
		}
		catch (Exception ex) {
			System.err.println("The demo failed: " + ex.getMessage());
			System.exit(1);
		}
		// The shutdown hook stops the applications and the servers.
		System.exit(0);
	}

	private void run(Path home, Path samples, boolean exitWhenDone) throws Exception {
		deleteRecursively(home);
		Files.createDirectories(home);
		StartupListener progress = (server, message) -> say(server + ": " + message);
		say("tpm-alerts demo: starting the servers (work folder " + home + ")");
		CompletableFuture<KafkaBroker> kafka = async(() -> KafkaBroker.start(home.resolve("kafka"), progress));
		CompletableFuture<ElasticsearchNode> elasticsearch = async(
				() -> ElasticsearchNode.start(home.resolve("elasticsearch"), progress));
		MailServer mail = MailServer.start(home.resolve("mail"));
		say("smtp: GreenMail SMTP on 127.0.0.1:" + mail.smtpPort() + ", IMAP on 127.0.0.1:" + mail.imapPort());
		StaticSite site = StaticSite.serve(samples);
		say("samples: serving " + samples + " at " + site.baseUrl());
		Servers servers = new Servers(kafka.join().bootstrapServers(), elasticsearch.join().httpUrl(), mail.smtpPort());
		ApplicationStack stack = new ApplicationStack(ApplicationStack.defaultAppsDir(), home.resolve("apps"));
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			say("stopping everything");
			stack.close();
			site.close();
			mail.close();
			elasticsearch.join().close();
			kafka.join().close();
		}, "demo-shutdown"));

		say("starting the matcher and the notifier");
		AppProcess matcher = stack.startMatcher(servers);
		AppProcess notifier = stack.startNotifier(servers, database(home, "notifier"));
		matcher.awaitHealthy(Duration.ofSeconds(120));
		notifier.awaitHealthy(Duration.ofSeconds(120));
		say("matcher and notifier are up");

		subscribeDemoSubscriber(notifier, mail);
		int before = mail.messageCount();

		say("ingesting the " + countSources(samples) + " bundled sample sources");
		AppProcess ingest = stack.startIngest(servers, database(home, "ingest"), samples.resolve("sources.yml"),
				site.baseUrl());
		String summary = ingest.awaitLogLine(Pattern.compile("Scrape run finished:"), Duration.ofSeconds(300));
		say(summary.substring(summary.indexOf("Scrape run")));
		double firstEmail = awaitFirstAlert(mail, before, Duration.ofSeconds(120));
		int alerts = settle(mail, before);

		System.out.println();
		System.out.printf(Locale.ROOT, "%d alert emails sent%n", alerts);
		System.out.println("  (instant alerts stop at the per-account daily cap, tpm.notifier.delivery.instant-daily-cap,"
				+ " 10 by default; later matches wait for the subscriber's next daily digest)");
		System.out.printf(Locale.ROOT, "  first alert email %.1f s after start, all done in %.1f s%n", firstEmail, elapsed());
		String recruiterLogin = "demo login " + ApplicationStack.DEMO_RECRUITER + " / "
				+ ApplicationStack.DEMO_RECRUITER_PASSWORD;
		System.out.println("  recruiter search:  " + matcher.baseUrl() + "/search?role=technical-program-manager"
				+ "  (sign-in page, " + recruiterLogin + ")");
		System.out.println("  search API:        " + matcher.baseUrl() + "/api/postings?role=technical-program-manager"
				+ "  (HTTP basic, same login)");
		System.out.println("  API docs:          " + matcher.baseUrl() + "/swagger-ui.html  (OpenAPI: "
				+ matcher.baseUrl() + "/v3/api-docs)");
		System.out.println("  subscribe page:    " + notifier.baseUrl() + "/subscribe  (the confirmation email lands in the"
				+ " mail folder below; its link opens the manage page)");
		System.out.println("  demand insight:    " + notifier.baseUrl() + "/api/insight/demand  (HTTP basic, same login)");
		System.out.println("  Elasticsearch:     " + servers.elasticsearchUrl() + "/postings/_search?pretty");
		System.out.println("  sent emails:       " + home.resolve("mail") + " (.eml files), or IMAP 127.0.0.1:"
				+ mail.imapPort() + " user " + SUBSCRIBER + " password " + SUBSCRIBER);
		System.out.println("  application logs:  " + home.resolve("apps"));
		if (exitWhenDone) {
			return;
		}
		System.out.println("Press Ctrl-C to stop.");
		new CountDownLatch(1).await();
	}

	/** The real double opt-in: subscribe over the API, then open the link of the confirmation email. */
	private void subscribeDemoSubscriber(AppProcess notifier, MailServer mail) throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		String body = """
				{"email": "%s", "frequency": "INSTANT",
				 "criteria": {"roles": ["technical-program-manager"], "minScore": 40},
				 "consent": {"privacyPolicy": true, "termsOfService": true}}""".formatted(SUBSCRIBER);
		HttpResponse<String> subscribed = http.send(HttpRequest.newBuilder(URI.create(notifier.baseUrl() + "/api/subscriptions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (subscribed.statusCode() != 202) {
			throw new IllegalStateException("Subscribing the demo subscriber failed: HTTP " + subscribed.statusCode()
					+ " " + subscribed.body());
		}
		if (!mail.waitForMessages(1, Duration.ofSeconds(30))) {
			throw new IllegalStateException("No confirmation email arrived within 30 s");
		}
		String link = confirmationLink(mail.receivedMessages().get(0));
		HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(URI.create(link)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (confirmed.statusCode() != 200) {
			throw new IllegalStateException("Confirming the demo subscriber failed: HTTP " + confirmed.statusCode());
		}
		say("subscribed " + SUBSCRIBER + " to instant TPM alerts and confirmed it through the emailed link");
	}

	static String confirmationLink(MimeMessage message) throws IOException, MessagingException {
		String content = MailText.plainText(message);
		Matcher matcher = CONFIRM_LINK.matcher(content);
		if (!matcher.find()) {
			throw new IllegalStateException("The confirmation email has no confirmation link");
		}
		return matcher.group(1);
	}

	private double awaitFirstAlert(MailServer mail, int before, Duration timeout) throws InterruptedException {
		if (!mail.waitForMessages(before + 1, timeout)) {
			throw new IllegalStateException("No alert email arrived within " + timeout.toSeconds() + " s");
		}
		return elapsed();
	}

	/** Waits until no new email has arrived for three seconds, then counts the alerts. */
	private static int settle(MailServer mail, int before) throws InterruptedException {
		int count = mail.messageCount();
		long quietSince = System.nanoTime();
		while (System.nanoTime() - quietSince < Duration.ofSeconds(3).toNanos()) {
			Thread.sleep(200);
			int now = mail.messageCount();
			if (now != count) {
				count = now;
				quietSince = System.nanoTime();
			}
		}
		return count - before;
	}

	private static Database database(Path home, String name) {
		String url = System.getenv("TPM_DEMO_JDBC_URL_" + name.toUpperCase(Locale.ROOT));
		if (url != null) {
			return new Database(url, System.getenv().getOrDefault("TPM_DEMO_JDBC_USER", "postgres"),
					System.getenv().getOrDefault("TPM_DEMO_JDBC_PASSWORD", ""));
		}
		return new Database("jdbc:h2:file:" + home.resolve("data").resolve(name) + ";AUTO_SERVER=TRUE", "sa", "");
	}

	private static long countSources(Path samples) throws IOException {
		return Files.readAllLines(samples.resolve("sources.yml")).stream().filter((line) -> line.strip().startsWith("- name:")).count();
	}

	private double elapsed() {
		return (System.nanoTime() - this.startNanos) / 1e9;
	}

	private void say(String message) {
		System.out.printf(Locale.ROOT, "[%6.1f s] %s%n", elapsed(), message);
	}

	private static <T> CompletableFuture<T> async(IoSupplier<T> supplier) {
		return CompletableFuture.supplyAsync(() -> {
			try {
				return supplier.get();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex.getMessage(), ex);
			}
		});
	}

	@FunctionalInterface
	private interface IoSupplier<T> {

		T get() throws IOException;

	}

	private static void deleteRecursively(Path path) throws IOException {
		if (!Files.exists(path)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(path)) {
			for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(each);
			}
		}
	}

}
