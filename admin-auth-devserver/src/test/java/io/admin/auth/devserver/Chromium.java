package io.admin.auth.devserver;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium driven through the system's chromedriver. Both come from the operating
 * system (Debian's {@code chromium} and {@code chromium-driver}, which {@code ./test.sh}
 * installs); their paths are given to Selenium explicitly, so Selenium Manager never looks for,
 * or downloads, a browser or a driver.
 */
final class Chromium {

  /** What a developer without Chromium is told: the test fails rather than silently skipping. */
  static final String MISSING = "the browser test needs Chromium and chromedriver on the PATH:"
      + " run ./test.sh (it installs them as root on Debian), or apt-get install chromium"
      + " chromium-driver";

  private Chromium() {}

  /**
   * A new headless browser.
   *
   * @throws AssertionError with {@link #MISSING} when either program is not installed
   */
  static ChromeDriver start() {
    Path browser = onPath(List.of("chromium", "chromium-browser", "google-chrome"))
        .orElseThrow(() -> new AssertionError(MISSING + " (no chromium found)"));
    Path driver = onPath(List.of("chromedriver"))
        .orElseThrow(() -> new AssertionError(MISSING + " (no chromedriver found)"));
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser.toFile());
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--no-first-run", "--disable-extensions", "--window-size=1024,768");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.toFile())
        .usingAnyFreePort()
        .withTimeout(Duration.ofSeconds(30))
        .build();
    return new ChromeDriver(service, options);
  }

  /** The first of {@code names} found as an executable on the PATH. */
  static Optional<Path> onPath(List<String> names) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : names) {
      for (String dir : path.split(File.pathSeparator)) {
        if (dir.isEmpty()) {
          continue;
        }
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toAbsolutePath());
        }
      }
    }
    return Optional.empty();
  }
}
