package io.admin.auth.devserver;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.signin.Pkce;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser signs the demo user in (docs/http-contract.md, "Signing people in"): headless
 * Chromium opens the third-party client's authorization URL on the dev server, logs in on the
 * default login page, allows on the consent page and lands on the client's loopback redirect
 * URI with a code, the state and the issuer; the client then redeems the code. What a browser
 * adds over the HTTP tests: cookies, the pages' Content-Security-Policy (a blocked form-action
 * or redirect shows up here only) and real form submission.
 *
 * <p>Fails, never skips, without Chromium; {@code ./test.sh} installs it.
 */
class SignInBrowserTest {

  private static final String PASSWORD = "browser-password-42";
  private static final String PARTNER_SECRET = "browser-partner-secret-0123";
  private static final Duration WAIT = Duration.ofSeconds(20);

  private DevServer server;
  private CallbackServer callback;
  private ChromeDriver browser;

  @BeforeEach
  void start() throws Exception {
    ConfigResult config = DevServerConfig.parse(List.of("--port", "0", "--store", "memory",
        "--demo-password", PASSWORD, "--demo-partner-secret", PARTNER_SECRET), Map.of());
    server = DevServer.start(assertInstanceOf(ConfigResult.Valid.class, config).config(),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    callback = CallbackServer.start();
    browser = Chromium.start();
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (callback != null) {
      callback.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void partnerSignInWhenUserLogsInAndAllowsThenCodeStateAndIssReachTheClientAndRedeem()
      throws Exception {
    // The default registration http://127.0.0.1:9999/callback matches any loopback port.
    String redirectUri = callback.redirectUri();
    String verifier = "browser-verifier-" + "x".repeat(Pkce.MIN_VERIFIER_LENGTH);
    String authorize = server.baseUri() + "/api/v3/auth/authorize?response_type=code"
        + "&client_id=demo-partner&redirect_uri=" + enc(redirectUri)
        + "&scope=" + enc("openid profile users:read") + "&state=" + enc("st-1 /&")
        + "&nonce=n-browser&code_challenge=" + Pkce.s256(verifier)
        + "&code_challenge_method=S256";

    browser.get(authorize);
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("username")));
    assertTrue(browser.getCurrentUrl().startsWith(server.baseUri() + "/api/v3/auth/login"),
        browser.getCurrentUrl());
    browser.findElement(By.name("username")).sendKeys("demo");
    browser.findElement(By.name("password")).sendKeys(PASSWORD);
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.elementToBeClickable(
        By.cssSelector("button[name=decision][value=allow]")));
    String consentPage = pageText(browser);
    assertTrue(consentPage.contains("Demo Partner"), consentPage);
    assertTrue(consentPage.contains("See the list of users of the demo API."), consentPage);
    browser.findElement(By.cssSelector("button[name=decision][value=allow]")).click();

    Map<String, String> answer = callback.await((int) WAIT.toSeconds());
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertTrue(browser.getCurrentUrl().startsWith(redirectUri + "?"), browser.getCurrentUrl());
    assertEquals("st-1 /&", answer.get("state"));
    assertEquals(server.issuer(), answer.get("iss"));
    assertFalse(answer.containsKey("error"), answer.toString());
    String code = answer.get("code");
    assertTrue(code != null && !code.isBlank(), answer.toString());

    HttpResponse<String> tokens = redeem(code, redirectUri, verifier);
    assertEquals(200, tokens.statusCode(), tokens.body());
    Map<String, Object> body = Json.parseObject(tokens.body()).orElseThrow();
    assertEquals("openid profile users:read", body.get("scope"));
    assertTrue(body.get("id_token") instanceof String, tokens.body());
    HttpResponse<String> users = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            server.baseUri().resolve("/api/v3/users"))
        .header("Authorization", "Bearer " + body.get("access_token")).build(), ofString());
    assertEquals(200, users.statusCode(), users.body());
  }

  /** The client's code exchange: client_secret_basic, as a confidential web client does. */
  private HttpResponse<String> redeem(String code, String redirectUri, String verifier)
      throws Exception {
    String basic = Base64.getEncoder().encodeToString(("demo-partner:" + PARTNER_SECRET)
        .getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            server.baseUri().resolve("/api/v3/auth/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Authorization", "Basic " + basic)
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code="
            + enc(code) + "&redirect_uri=" + enc(redirectUri) + "&code_verifier=" + verifier))
        .build(), ofString());
  }

  private static String pageText(WebDriver browser) {
    return browser.findElement(By.tagName("body")).getText();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
