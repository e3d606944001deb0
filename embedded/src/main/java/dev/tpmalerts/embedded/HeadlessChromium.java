package dev.tpmalerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium driven by Selenium for the browser tests: Debian's {@code chromium} and
 * {@code chromium-driver} ({@code .ci/run} installs them when missing), or the binaries named by
 * {@code TPM_CHROMIUM} and {@code TPM_CHROMEDRIVER}. Screenshots go under the module's {@code target/screenshots}.
 */
public final class HeadlessChromium implements AutoCloseable {

	private static final Path CHROMIUM = Path.of(env("TPM_CHROMIUM", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path.of(env("TPM_CHROMEDRIVER", "/usr/bin/chromedriver"));

	private static final Duration NEXT_PAGE_TIMEOUT = Duration.ofSeconds(30);

	private final ChromeDriver driver;

	private final Path screenshots;

	private HeadlessChromium(ChromeDriver driver, Path screenshots) {
		this.driver = driver;
		this.screenshots = screenshots;
	}

	/** Whether this machine has the browser and its driver (the tests fail with the reason when it does not). */
	public static boolean installed() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	/** Starts a fresh browser profile: no cookies, no cache, a 1280×900 window. */
	public static HeadlessChromium start() {
		if (!installed()) {
			throw new IllegalStateException("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
					+ " (apt-get install chromium chromium-driver; .ci/run does it), or TPM_CHROMIUM and TPM_CHROMEDRIVER");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// --no-sandbox: the tests may run as root, which Chromium's sandbox refuses.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new HeadlessChromium(driver, Path.of("target", "screenshots"));
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Saves what the page looks like now as {@code target/screenshots/NAME.png} and returns the file. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(this.screenshots);
			Path file = this.screenshots.resolve(name + ".png");
			Files.write(file, this.driver.getScreenshotAs(OutputType.BYTES));
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not save the screenshot " + name, ex);
		}
	}

	/**
	 * Clicks what leaves the page (a link, a form's button) and waits until the browser shows the next one: a click
	 * does not wait for it, and an element found too early belongs to the page being left.
	 */
	public static void clickToNextPage(WebDriver driver, WebElement element) {
		toNextPage(driver, element::click);
	}

	/** Does what leaves the page (Enter in a form's field, say) and waits until the browser shows the next one. */
	public static void toNextPage(WebDriver driver, Runnable action) {
		WebElement before = driver.findElement(By.tagName("html"));
		action.run();
		long deadline = System.nanoTime() + NEXT_PAGE_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				before.isEnabled();
			}
			catch (StaleElementReferenceException gone) {
				return;
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
		throw new IllegalStateException("The browser was still on " + driver.getCurrentUrl() + " "
				+ NEXT_PAGE_TIMEOUT.toSeconds() + " s later");
	}

	@Override
	public void close() {
		this.driver.quit();
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
