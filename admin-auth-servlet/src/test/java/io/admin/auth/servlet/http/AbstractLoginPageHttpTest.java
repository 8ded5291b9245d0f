package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The default login page on a live container (docs/http-contract.md, "Signing people in", who
 * the person is): the form, its CSRF defence, one answer for an unknown user and a wrong
 * password, Basic's brute-force throttle, and a new session id at every login. Run against every
 * container by a subclass.
 */
abstract class AbstractLoginPageHttpTest extends AbstractSignInHttpTest {

  private HttpResponse<String> loginPage(Browser b) throws Exception {
    HttpResponse<String> start = b.get(authorize("spa", SPA_REDIRECT, "openid", "state=l"));
    HttpResponse<String> page = follow(b, start);
    assertHtml(page, 200);
    return page;
  }

  @Test
  void loginPageHasUsernamePasswordAndAHiddenCsrfTokenInAStrictHttpOnlyCookie() throws Exception {
    Browser b = browser();
    HttpResponse<String> page = loginPage(b);

    assertTrue(page.body().contains("name=\"username\""), page.body());
    assertTrue(page.body().contains("name=\"password\" type=\"password\""), page.body());
    assertFalse(Browser.field(page.body(), "csrf").isEmpty());
    String cookie = page.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("admin-auth-csrf=")).findFirst().orElseThrow();
    assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
  }

  @Test
  void postWithoutOrWithAWrongCsrfTokenThenForbiddenAndNoSession() throws Exception {
    Browser b = browser();
    HttpResponse<String> page = loginPage(b);
    String pending = enc(Browser.field(page.body(), "pending"));
    String credentials = "&username=" + ALICE + "&password=" + enc(ALICE_PASSWORD);

    HttpResponse<String> none = b.post(LOGIN, "pending=" + pending + credentials);
    HttpResponse<String> wrong = b.post(LOGIN, "pending=" + pending + "&csrf=AAAA" + credentials);
    Browser other = browser();
    loginPage(other); // another browser: another cookie, its token does not fit ours
    HttpResponse<String> foreign = other.post(LOGIN, "pending=" + pending + "&csrf="
        + enc(Browser.field(page.body(), "csrf")) + credentials);

    for (HttpResponse<String> r : java.util.List.of(none, wrong, foreign)) {
      assertHtml(r, 403);
      assertTrue(r.headers().allValues("Set-Cookie").stream()
          .noneMatch(c -> c.startsWith(SESSION_COOKIE)), r.headers().toString());
    }
    assertFalse(b.cookies.containsKey(SESSION_COOKIE));
  }

  @Test
  void csrfTokenOfAnotherPendingRequestThenForbidden() throws Exception {
    Browser b = browser();
    HttpResponse<String> first = loginPage(b);
    HttpResponse<String> second = loginPage(b);
    HttpResponse<String> r = b.post(LOGIN, "pending=" + enc(Browser.field(second.body(),
        "pending")) + "&csrf=" + enc(Browser.field(first.body(), "csrf")) + "&username=" + ALICE
        + "&password=" + enc(ALICE_PASSWORD));
    assertHtml(r, 403);
  }

  @Test
  void wrongPasswordAndUnknownUserThenTheSameAnswer() throws Exception {
    Browser b = browser();
    HttpResponse<String> page = loginPage(b);

    HttpResponse<String> wrong = submitLogin(b, page, ALICE, "not-the-password");
    HttpResponse<String> unknown = submitLogin(b, page, "nobody-at-all", "not-the-password");

    assertHtml(wrong, 400);
    assertHtml(unknown, 400);
    assertTrue(wrong.body().contains("The username or password is not right."), wrong.body());
    assertEquals(wrong.body().replace("value=\"" + ALICE + "\"", ""),
        unknown.body().replace("value=\"nobody-at-all\"", ""));
    assertFalse(b.cookies.containsKey(SESSION_COOKIE));
  }

  @Test
  void repeatedFailuresThenTooManyRequestsWithRetryAfter() throws Exception {
    Browser b = browser();
    HttpResponse<String> page = loginPage(b);
    for (int i = 0; i < 5; i++) {
      assertHtml(submitLogin(b, page, "mallory", "guess-" + i), 400);
    }

    HttpResponse<String> blocked = submitLogin(b, page, "mallory", "guess-5");

    assertHtml(blocked, 429);
    long retryAfter = Long.parseLong(blocked.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 0, blocked.headers().toString());
    // The same throttle as Basic: mallory is blocked there too.
    HttpResponse<String> basicToo = new Http(server.base()).get("/api/echo", "Authorization",
        AbstractEndToEndHttpTest.basic("mallory", "guess-6"));
    assertEquals(429, basicToo.statusCode(), basicToo.body());
  }

  @Test
  void loginGivesANewSessionIdNeverTheOneTheBrowserBrought() throws Exception {
    Browser b = browser();
    String planted = "A".repeat(43);
    b.cookies.put(SESSION_COOKIE, planted);
    HttpResponse<String> loggedIn = submitLogin(b, loginPage(b), ALICE, ALICE_PASSWORD);
    assertEquals(303, loggedIn.statusCode(), loggedIn.body());
    String first = b.cookies.get(SESSION_COOKIE);
    assertSessionCookieChanged(planted, first);
    String setCookie = loggedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
    assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Lax"), setCookie);

    // A second login in the same browser (prompt=login after a while) changes it again.
    clock.advance(java.time.Duration.ofSeconds(5));
    HttpResponse<String> again = b.get(authorize("spa", SPA_REDIRECT, "openid",
        "prompt=login"));
    HttpResponse<String> relogged = logIn(b, again, ALICE, ALICE_PASSWORD);
    assertEquals(303, relogged.statusCode(), relogged.body());
    assertSessionCookieChanged(first, b.cookies.get(SESSION_COOKIE));
    redirectedTo(SPA_REDIRECT, follow(b, relogged));
  }

  @Test
  void loginPageWithoutAPendingRequestThenErrorPage() throws Exception {
    assertHtml(browser().get(LOGIN), 400);
    assertHtml(browser().post(LOGIN, "username=alice&password=x"), 403);
  }
}
