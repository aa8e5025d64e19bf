package com.example.ats.refhost.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium driven by Selenium. Outside CI a machine without chromium and
 * chromium-driver skips browser tests with a message; in CI (CI=true) their absence fails.
 */
public final class Browsers {
    private static final String CHROMIUM = System.getProperty("test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("test.chromedriver", "/usr/bin/chromedriver");

    private Browsers() {
    }

    public static WebDriver headlessChromium() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!present) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                        + " in CI (.ci/run installs Debian's chromium and chromium-driver)");
            }
            assumeTrue(false, "Skipped: no " + CHROMIUM + " / " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1280,800", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        return driver;
    }

    /** Saves a screenshot under target/screenshots (build output), returning its path. */
    public static Path screenshot(WebDriver driver, String name) throws IOException {
        Path dir = Path.of(System.getProperty("refhost.screenshots.dir", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
