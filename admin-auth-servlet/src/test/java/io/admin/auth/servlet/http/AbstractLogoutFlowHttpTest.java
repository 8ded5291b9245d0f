package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logout after a real sign-in through the login page (docs/http-contract.md, "Signing people
 * in"): the session the login page started is the one logout ends, in the store and not only in
 * the browser, so a copy of the old cookie signs nobody in. Run against every container by a
 * subclass.
 */
abstract class AbstractLogoutFlowHttpTest extends AbstractSignInHttpTest {

  private static final String LOGOUT = "/api/v3/auth/logout";

  @Test
  void logoutAfterLoginThenPromptNoneNeedsLoginEvenWithTheOldCookie() throws Exception {
    Browser b = browser();
    HttpResponse<String> loggedIn = logIn(b, b.get(authorize("spa", SPA_REDIRECT, "openid",
        null)), ALICE, ALICE_PASSWORD);
    String cookie = loggedIn.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith(SESSION_COOKIE + "=")).findFirst().orElseThrow();
    String oldCookie = cookie.substring(0, cookie.indexOf(';'));
    redirectedTo(SPA_REDIRECT, follow(b, loggedIn));
    assertTrue(redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT, "openid",
        "prompt=none"))).containsKey("code"), "signed in before the logout");

    HttpResponse<String> out = b.get(LOGOUT + "?client_id=spa");

    assertEquals(200, out.statusCode(), out.body());
    assertTrue(out.body().contains("You are signed out."), out.body());
    Map<String, String> after = redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT,
        "openid", "prompt=none")));
    assertEquals("login_required", after.get("error"));
    Map<String, String> replayed = redirectedTo(SPA_REDIRECT, browser().get(authorize("spa",
        SPA_REDIRECT, "openid", "prompt=none"), "Cookie", oldCookie));
    assertEquals("login_required", replayed.get("error"));
  }
}
