package dev.sluice.core.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium through chromedriver, as Debian's {@code chromium} and {@code chromium-driver}
 * packages install them ({@code SLUICE_CHROMIUM} and {@code SLUICE_CHROMEDRIVER} point elsewhere).
 * Browser tests run when both are there and skip otherwise, unless {@code SLUICE_REQUIRE_BROWSER}
 * is set (as {@code .ci/run} does), when their absence fails the test.
 */
public final class TestingBrowser {
    private TestingBrowser() {
    }

    static Path chromium() {
        return Path.of(env("SLUICE_CHROMIUM", "/usr/bin/chromium"));
    }

    static Path chromedriver() {
        return Path.of(env("SLUICE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    public static boolean available() {
        return Files.isExecutable(chromium()) && Files.isExecutable(chromedriver());
    }

    public static boolean required() {
        String v = System.getenv("SLUICE_REQUIRE_BROWSER");
        return v != null && !v.isBlank() && !v.equals("0");
    }

    /** A new headless browser with a 1400x900 window; close it with {@code quit()}. */
    public static ChromeDriver start() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        // --no-sandbox: tests may run as root, where Chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,900", "--allow-file-access-from-files");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver().toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
