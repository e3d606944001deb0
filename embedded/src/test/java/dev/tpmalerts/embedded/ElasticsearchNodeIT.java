package dev.tpmalerts.embedded;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnabledOnOs(OS.LINUX)
class ElasticsearchNodeIT {

	private final HttpClient http = HttpClient.newHttpClient();

	private Path dir;

	@BeforeEach
	void createFolder() throws IOException {
		// Under /tmp and open to others: as root the node runs as nobody, who must be able to enter it.
		this.dir = Files.createTempDirectory("tpm-embedded-es-it-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
	}

	@AfterEach
	void deleteFolder() throws IOException {
		EmbeddedFiles.deleteRecursively(this.dir);
	}

	@Test
	void shouldIndexAndGetDocumentThenStopCompletely() throws Exception {
		List<String> events = new CopyOnWriteArrayList<>();
		ElasticsearchNode node = ElasticsearchNode.start(this.dir.resolve("node"),
				(server, message) -> events.add(server + ": " + message));
		List<Long> processes;
		try {
			processes = ProcessChecks.tree(node.pid());
			assertThat(processes).as("the launcher and the server JVM").hasSizeGreaterThanOrEqualTo(2);
			assertThat(node.httpUrl()).isEqualTo("http://127.0.0.1:" + node.httpPort());

			HttpResponse<String> indexed = send(HttpRequest
				.newBuilder(URI.create(node.httpUrl() + "/embedded-it/_doc/posting-1?refresh=true"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Senior Technical Program Manager\"}")));
			assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);

			HttpResponse<String> fetched = send(
					HttpRequest.newBuilder(URI.create(node.httpUrl() + "/embedded-it/_doc/posting-1")).GET());
			assertThat(fetched.statusCode()).isEqualTo(200);
			assertThat(fetched.body()).contains("\"found\":true").contains("Senior Technical Program Manager");
		}
		finally {
			node.close();
		}

		assertThat(node.isAlive()).isFalse();
		await("every Elasticsearch process to exit").atMost(Duration.ofSeconds(10))
			.until(() -> ProcessChecks.allGone(processes));
		// The first start on a machine also reports unpacking the distribution.
		assertThat(events.subList(Math.max(0, events.size() - 2), events.size())).satisfiesExactly(
				(starting) -> assertThat(starting)
					.isEqualTo("elasticsearch: starting " + node.version() + " on port " + node.httpPort()),
				(ready) -> assertThat(ready).matches("elasticsearch: ready in \\d+\\.\\d s"));
	}

	@Test
	void shouldStopWhenTheJvmThatStartedItIsKilledHard() throws IOException {
		try (ParentJvm parent = ParentJvm.start(ElasticsearchNodeParent.class, this.dir.resolve("parent.out"),
				List.of(this.dir.resolve("node").toString()))) {
			long launcher = parent.awaitChildPid(Duration.ofSeconds(180));
			List<Long> processes = new ArrayList<>(ProcessChecks.tree(launcher));
			assertThat(processes).as("the launcher and the server JVM").hasSizeGreaterThanOrEqualTo(2);

			parent.killHard();

			await("every Elasticsearch process to exit after kill -9 of its parent").atMost(Duration.ofSeconds(30))
				.until(() -> ProcessChecks.allGone(processes));
		}
	}

	@Test
	void shouldReuseSharedNodeWithinOneJvm() {
		ElasticsearchNode first = ElasticsearchNode.shared();

		assertThat(ElasticsearchNode.shared()).isSameAs(first);
		assertThat(first.isAlive()).isTrue();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
