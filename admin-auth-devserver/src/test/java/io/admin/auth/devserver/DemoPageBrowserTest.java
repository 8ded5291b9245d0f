package io.admin.auth.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo page in a real browser (docs/http-contract.md, "Browser apps"): headless Chromium
 * opens {@code /demo/}, signs in on the login page, sees {@code /api/v3/me}, creates a user with
 * the CSRF header, finds no token in {@code document.cookie}, and signs out. A page on another
 * origin then tries a cross-site form POST and a credentialed fetch against the API, and both
 * are refused. A screenshot of the signed-in page is left in {@code target/}.
 *
 * <p>Fails, never skips, without Chromium; {@code ./test.sh} installs it.
 */
class DemoPageBrowserTest {

  private static final String PASSWORD = "demo-page-password-42";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private DevServer server;
  private HttpServer evil;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    ConfigResult config = DevServerConfig.parse(List.of("--port", "0", "--store", "memory",
        "--demo-password", PASSWORD), Map.of());
    server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, config).config(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    browser = Chromium.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (evil != null) {
      evil.stop(0);
    }
    if (server != null) {
      server.close();
    }
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private long usersOnServer() {
    Object n = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/api/v3/users', {credentials: 'same-origin'}).then(r => r.json())"
        + ".then(b => done(b.users.length)).catch(e => done(-1));");
    return ((Number) n).longValue();
  }

  @Test
  void signInSeeMePostSignOutAndAnotherOriginIsRefused() throws Exception {
    // The issuer's origin (localhost): the session callback is registered there.
    String origin = server.issuer();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(origin + "/demo/");
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Not signed in."));

    // A page that fetched an API path while signed out got a Basic challenge, and Chromium's
    // login dialog then swallowed this click: the page no longer asks while signed out.
    browser.findElement(By.id("sign-in")).click();
    try {
      wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    } catch (org.openqa.selenium.TimeoutException e) {
      throw new AssertionError("no login page at " + browser.getCurrentUrl() + ": "
          + browser.getPageSource(), e);
    }
    browser.findElement(By.name("username")).sendKeys("demo");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.textToBe(By.id("status"), "Signed in."));
    assertEquals(origin + "/demo/", browser.getCurrentUrl());
    wait.until(ExpectedConditions.textMatches(By.id("me"), java.util.regex.Pattern.compile("^200 .*")));
    String me = text("me");
    assertTrue(me.contains("\"subject\":\"demo\""), me);
    assertTrue(me.contains("\"auth_method\":\"bearer\""), me);
    assertTrue(me.contains("\"client_id\":\"demo-bff\""), me);

    long before = usersOnServer();
    browser.findElement(By.id("create-user")).click();
    wait.until(ExpectedConditions.textMatches(By.id("result"),
        java.util.regex.Pattern.compile("POST /api/v3/users: \\d+.*")));
    assertTrue(text("result").startsWith("POST /api/v3/users: 201"), text("result"));
    assertEquals(before + 1, usersOnServer());

    String cookies = (String) browser.executeScript("return document.cookie;");
    assertTrue(cookies.contains("admin-auth-csrf="), cookies);
    assertFalse(cookies.contains("admin-auth-access") || cookies.contains("admin-auth-refresh")
        || cookies.contains("admin-auth-signin") || cookies.contains("eyJ"), cookies);

    Path shot = Path.of("target", "demo-page-signed-in.png");
    Files.createDirectories(shot.getParent());
    Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

    // Another origin (127.0.0.1 is another site than localhost) tries both kinds of request.
    String api = origin + "/api/v3/users";
    evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String page = "<!DOCTYPE html><html><body>"
        + "<form id=f method=POST action='" + api + "' enctype='text/plain' target=sink>"
        + "<input name='{\"name\":\"evil\",\"x\":\"' value='\"}'></form>"
        + "<iframe name=sink></iframe><p id=fetch>pending</p><script>"
        + "fetch('" + api + "', {method: 'POST', credentials: 'include', mode: 'no-cors',"
        + " headers: {'Content-Type': 'text/plain'}, body: '{\"name\":\"evil-fetch\"}'})"
        + ".then(r => document.getElementById('fetch').textContent = 'sent ' + r.type)"
        + ".catch(e => document.getElementById('fetch').textContent = 'failed');"
        + "document.getElementById('f').submit();</script></body></html>";
    evil.createContext("/", exchange -> {
      byte[] b = page.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
      exchange.sendResponseHeaders(200, b.length);
      exchange.getResponseBody().write(b);
      exchange.close();
    });
    evil.start();
    browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
    wait.until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("fetch"), "pending")));
    Thread.sleep(500); // let the form's POST land in its frame

    browser.get(origin + "/demo/");
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Signed in."));
    assertEquals(before + 1, usersOnServer(), "a request from another origin created a user");

    // WebDriver reads HttpOnly cookies, which no page script can: the token after sign-out.
    String access = browser.manage().getCookieNamed("admin-auth-access").getValue();
    browser.findElement(By.id("sign-out")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "Not signed in."));
    assertTrue(text("result").startsWith("sign out: 204"), text("result"));
    assertEquals("(not signed in)", text("me"));
    assertTrue(browser.manage().getCookies().isEmpty(), browser.manage().getCookies().toString());
    Object session = browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "fetch('/api/v3/auth/session').then(r => done(r.status)).catch(e => done(-1));");
    assertEquals(401L, ((Number) session).longValue());
    java.net.http.HttpResponse<String> replay = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(origin + "/api/v3/me"))
            .header("Cookie", "admin-auth-access=" + access).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(401, replay.statusCode(), replay.body());
    assertTrue(replay.body().contains("AUTH_TOKEN_REVOKED"), replay.body());
  }
}
