package dev.tpmalerts.notifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import dev.tpmalerts.embedded.FreePorts;
import dev.tpmalerts.embedded.HeadlessChromium;
import dev.tpmalerts.embedded.MailServer;
import dev.tpmalerts.embedded.MailText;
import dev.tpmalerts.embedded.PostgresDatabases;
import dev.tpmalerts.notifier.delivery.DeliveryFixtures;
import dev.tpmalerts.shared.Posting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.assertj.core.api.InstanceOfAssertFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The subscriber's pages in a real headless Chromium against the real notifier (real PostgreSQL, a real SMTP server
 * whose mails give the links, a real Kafka broker for the alert): subscribe, confirm, manage, unsubscribe, each step
 * saved as a screenshot under {@code target/screenshots}; and a form without consent sent back with its error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PagesBrowserIT {

	private static final int PORT = FreePorts.next();

	private static final String BASE = "http://127.0.0.1:" + PORT;

	private static final MailServer mail = MailServer.start(null);

	private static final PostgresDatabases.Database database = PostgresDatabases.create("pages_browser_it");

	private static final Pattern LINK = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+/[a-z/]+\\?token=[A-Za-z0-9_%-]+)");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	KafkaListenerEndpointRegistry listeners;

	private HeadlessChromium browser;

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		DeliveryFixtures.createTopic();
		registry.add("server.port", () -> PORT);
		registry.add("tpm.notifier.base-url", () -> BASE);
		TestServers.register(registry, database, mail);
		// A group of its own that starts at the end: other test classes' postings are not this class's business.
		registry.add("spring.kafka.consumer.group-id", () -> "pages-browser-it-" + UUID.randomUUID());
		registry.add("spring.kafka.consumer.auto-offset-reset", () -> "latest");
	}

	@AfterAll
	static void stop() {
		mail.close();
		PostgresDatabases.drop(database);
	}

	@BeforeEach
	void start() {
		this.jdbc.sql("delete from account").update();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> !this.listeners.getListenerContainer("notifier").getAssignedPartitions().isEmpty());
		this.browser = HeadlessChromium.start();
	}

	@AfterEach
	void quit() {
		this.browser.close();
	}

	@Test
	void shouldSubscribeConfirmManageAndUnsubscribeInABrowser() throws Exception {
		String email = "browser.subscriber@example.org";
		WebDriver page = this.browser.driver();

		// 1. Subscribe through the form.
		page.get(BASE + "/");
		assertThat(page.getTitle()).isEqualTo("Subscribe · TPM Alerts");
		assertAccessibleAndSelfContained(page);
		assertThat(page.findElement(By.id("consent")).isSelected()).as("consent is never ticked in advance").isFalse();
		page.findElement(By.id("email")).sendKeys(email);
		page.findElement(By.id("keywords")).sendKeys("payments");
		page.findElement(By.id("roles-technical-program-manager")).click();
		page.findElement(By.id("workplaces-hybrid")).click();
		page.findElement(By.id("frequency-INSTANT")).click();
		WebElement zone = page.findElement(By.id("timeZone"));
		zone.clear();
		zone.sendKeys("Europe/Berlin");
		page.findElement(By.id("consent")).sendKeys(Keys.SPACE);
		this.browser.screenshot("pages-1-subscribe-form");
		HeadlessChromium.clickToNextPage(page, button(page, "Subscribe"));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Check your email");
		this.browser.screenshot("pages-2-check-your-email");

		// 2. The confirmation link, as the SMTP server received it.
		MimeMessage confirmation = nextTo(email, 0);
		assertThat(confirmation.getSubject()).isEqualTo("Confirm your TPM job alerts");
		page.get(MailText.link(LINK, MailText.plainText(confirmation), "/subscriptions/confirm"));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Subscription confirmed");
		this.browser.screenshot("pages-3-confirmed");
		assertThat(this.jdbc.sql("select status || ' ' || time_zone from account").query(String.class).single())
			.isEqualTo("ACTIVE Europe/Berlin");

		// An alert arrives at once, with its unsubscribe link.
		Posting posting = DeliveryFixtures.posting("Senior Technical Program Manager, Payments");
		DeliveryFixtures.publish(DeliveryFixtures.matched(posting, 85, Instant.now()));
		MimeMessage alert = nextTo(email, 1);
		assertThat(alert.getSubject()).contains("Senior Technical Program Manager, Payments");
		String unsubscribe = MailText.link(LINK, MailText.plainText(alert), "/unsubscribe");

		// 3. Manage: the alert in words, then edit it, pause it, change the frequency.
		HeadlessChromium.clickToNextPage(page, page.findElement(By.id("manage-link")));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Your TPM job alerts");
		assertAccessibleAndSelfContained(page);
		assertThat(page.findElement(By.cssSelector("li[data-alert] .description")).getText())
			.isEqualTo("roles technical program manager, keywords \"payments\", hybrid work");
		this.browser.screenshot("pages-4-manage");

		HeadlessChromium.clickToNextPage(page, page.findElement(By.cssSelector("li[data-alert] a.button")));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Edit alert");
		assertThat(page.findElement(By.id("keywords")).getAttribute("value")).isEqualTo("payments");
		assertThat(page.findElement(By.id("roles-technical-program-manager")).isSelected()).isTrue();
		assertAccessibleAndSelfContained(page);
		WebElement keywords = page.findElement(By.id("keywords"));
		keywords.clear();
		keywords.sendKeys("payments, fintech");
		page.findElement(By.id("seniorities-senior")).click();
		this.browser.screenshot("pages-5-edit-alert");
		HeadlessChromium.clickToNextPage(page, button(page, "Save alert"));
		assertThat(page.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Alert saved.");
		assertThat(page.findElement(By.cssSelector("li[data-alert] .description")).getText())
			.isEqualTo("roles technical program manager, seniority senior, keywords \"payments\", \"fintech\", hybrid work");

		HeadlessChromium.clickToNextPage(page, button(page, "Pause"));
		assertThat(page.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Alert paused");
		assertThat(page.findElement(By.cssSelector("li[data-alert] .badge")).getText()).isEqualTo("paused");
		this.browser.screenshot("pages-6-paused");

		page.findElement(By.cssSelector("#frequency option[value=WEEKLY]")).click();
		HeadlessChromium.clickToNextPage(page, button(page, "Save settings"));
		assertThat(page.findElement(By.cssSelector("[role=status]")).getText()).isEqualTo("Settings saved.");
		assertThat(page.findElement(By.cssSelector("li[data-alert] .frequency")).getText()).isEqualTo("weekly digest");
		this.browser.screenshot("pages-7-weekly");
		assertThat(this.jdbc.sql("select frequency || ' ' || paused from alert").query(String.class).single())
			.isEqualTo("WEEKLY true");

		// 4. Unsubscribe from the alert email's link: a button, then the confirmation.
		page.get(unsubscribe);
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Unsubscribe");
		this.browser.screenshot("pages-8-unsubscribe");
		HeadlessChromium.clickToNextPage(page, button(page, "Unsubscribe"));
		assertThat(page.findElement(By.tagName("h1")).getText()).isEqualTo("Unsubscribed");
		assertThat(page.findElement(By.tagName("main")).getText()).contains("You will receive no more job alerts");
		this.browser.screenshot("pages-9-unsubscribed");
		assertThat(this.jdbc.sql("select status from account").query(String.class).single()).isEqualTo("UNSUBSCRIBED");
	}

	@Test
	void shouldSendTheFormBackWithItsErrorWhenConsentIsNotGiven() throws Exception {
		WebDriver page = this.browser.driver();
		page.get(BASE + "/subscribe");
		page.findElement(By.id("keywords")).sendKeys("platform");
		page.findElement(By.id("roles-program-manager")).click();
		page.findElement(By.id("minScore")).sendKeys("150");
		// Keyboard only: Enter in a text field sends the form.
		HeadlessChromium.toNextPage(page,
				() -> page.findElement(By.id("email")).sendKeys("no.consent@example.org", Keys.ENTER));

		assertThat(page.getTitle()).isEqualTo("Error: Subscribe · TPM Alerts");
		List<String> summary = page.findElements(By.cssSelector("#error-summary a"))
			.stream()
			.map((link) -> link.getAttribute("href").replaceAll(".*#", "#") + " " + link.getText())
			.toList();
		assertThat(summary).anyMatch((line) -> line.startsWith("#consent consent: tick the box"))
			.anyMatch((line) -> line.startsWith("#minScore minScore must be between 0 and 100, was 150"));
		assertThat(page.findElement(By.id("consent-error")).getText()).contains("tick the box");
		assertThat(page.findElement(By.id("consent")).getAttribute("aria-describedby")).contains("consent-error");
		assertThat(page.findElement(By.id("email")).getAttribute("value")).as("what was entered is kept")
			.isEqualTo("no.consent@example.org");
		assertThat(page.findElement(By.id("keywords")).getAttribute("value")).isEqualTo("platform");
		assertThat(page.findElement(By.id("roles-program-manager")).isSelected()).isTrue();
		assertThat(page.findElement(By.id("minScore")).getAttribute("value")).isEqualTo("150");
		assertAccessibleAndSelfContained(page);
		this.browser.screenshot("pages-subscribe-without-consent");

		// The summary's link takes the keyboard to the box.
		page.findElement(By.cssSelector("#error-summary a[href='#consent']")).sendKeys(Keys.ENTER);
		assertThat(page.getCurrentUrl()).endsWith("#consent");
		assertThat(this.jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
		assertThat(Inbox.of(mail, "no.consent@example.org")).isEmpty();
	}

	/** Every visible input and select has a label, the page has a language and loads nothing from elsewhere. */
	private static void assertAccessibleAndSelfContained(WebDriver page) {
		JavascriptExecutor js = (JavascriptExecutor) page;
		assertThat(js.executeScript("return document.documentElement.lang")).isEqualTo("en");
		assertThat(js.executeScript("""
				return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
				  .filter((field) => field.labels.length === 0).map((field) => field.name)"""))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isEmpty();
		assertThat(js.executeScript("""
				return [...document.querySelectorAll('fieldset')].filter((set) => !set.querySelector('legend')).length"""))
			.isEqualTo(0L);
		assertThat(js.executeScript("return [...document.querySelectorAll('h1')].length")).isEqualTo(1L);
		assertThat(js.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.isNotEmpty()
			.allSatisfy((url) -> assertThat(url.toString()).startsWith(BASE + "/"));
	}

	private static WebElement button(WebDriver page, String text) {
		return page.findElement(By.xpath("//button[starts-with(normalize-space(), '" + text + "')]"));
	}

	private static MimeMessage nextTo(String email, int previous) {
		return Inbox.nextTo(mail, email, previous);
	}

}
