package dev.tpmalerts.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser the web-page tests use really renders and runs a page served on loopback. */
class HeadlessChromiumIT {

	@Test
	void shouldRenderAPageRunItsScriptAndSaveAScreenshot() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] page = "<!doctype html><title>probe</title><h1 id=h>before</h1><script>document.getElementById('h').textContent='after'</script>"
			.getBytes(StandardCharsets.UTF_8);
		server.createContext("/", (exchange) -> {
			exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
		try (HeadlessChromium browser = HeadlessChromium.start()) {
			browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
			assertThat(browser.driver().getTitle()).isEqualTo("probe");
			assertThat(browser.driver().findElement(By.id("h")).getText()).isEqualTo("after");
			Path shot = browser.screenshot("headless-chromium-probe");
			assertThat(Files.size(shot)).isGreaterThan(1_000);
			assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G');
		}
		finally {
			server.stop(0);
		}
	}

}
