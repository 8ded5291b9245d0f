package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checks of the authorization request at the endpoint (docs/http-contract.md, "Signing
 * people in", authorization request): while the client or the redirect URI is in doubt an HTML
 * error page and never a {@code Location}; after that, errors go to the redirect URI with {@code
 * state} and {@code iss}. Run against every container by a subclass.
 */
abstract class AbstractAuthorizeRequestHttpTest extends AbstractSignInHttpTest {

  private void assertErrorPage(HttpResponse<String> r) {
    assertHtml(r, 400);
    assertTrue(r.body().contains("Cannot sign you in"), r.body());
    assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().toString());
  }

  @Test
  void redirectUriNotExactlyRegisteredThenErrorPageAndNoRedirect() throws Exception {
    for (String uri : new String[] {WEB_REDIRECT + "/extra", WEB_REDIRECT + "/",
        "https://web.example:8443/cb", "http://web.example/cb", WEB_REDIRECT + "#frag",
        "HTTPS://web.example/cb", WEB_REDIRECT + "?x=1", "https://evil.example/cb"}) {
      assertErrorPage(browser().get(authorize("web", uri, "openid", "state=s")));
    }
  }

  @Test
  void unknownClientOrRepeatedClientOrRedirectThenErrorPage() throws Exception {
    assertErrorPage(browser().get(authorize("nobody", WEB_REDIRECT, "openid", null)));
    assertErrorPage(browser().get(authorize("web", WEB_REDIRECT, "openid", "client_id=web")));
    assertErrorPage(browser().get(authorize("web", WEB_REDIRECT, "openid",
        "redirect_uri=" + enc(WEB_REDIRECT))));
    assertErrorPage(browser().get(AUTHORIZE));
  }

  @Test
  void errorPageEscapesAndNeverReflectsInput() throws Exception {
    HttpResponse<String> r = browser().get(authorize("<script>alert(1)</script>", WEB_REDIRECT,
        "openid", "state=%3Cimg%20src%3Dx%3E"));
    assertErrorPage(r);
    assertFalse(r.body().contains("<script>alert"), r.body());
    assertFalse(r.body().contains("<img"), r.body());
  }

  @Test
  void loopbackRedirectWithAnyPortThenAccepted() throws Exception {
    HttpResponse<String> r = browser().get(authorize("spa", "http://127.0.0.1:51234/callback",
        "openid", "state=s"));
    assertEquals(302, r.statusCode(), r.body());
    assertTrue(Browser.location(r).contains(LOGIN + "?pending="), Browser.location(r));
  }

  @Test
  void privateUseSchemeThenCodeSentToIt() throws Exception {
    Browser b = browser();
    HttpResponse<String> answer = follow(b, logIn(b,
        b.get(authorize("native", NATIVE_REDIRECT, "openid", "state=n")), ALICE,
        ALICE_PASSWORD));
    Map<String, String> q = redirectedTo(NATIVE_REDIRECT, answer);
    assertEquals("n", q.get("state"));
    assertTrue(q.get("code").length() >= 22, q.toString());
  }

  @Test
  void pkceMissingOrPlainThenInvalidRequestAtTheRedirectUriWithStateAndIss() throws Exception {
    String noPkce = AUTHORIZE + "?response_type=code&client_id=web&redirect_uri="
        + enc(WEB_REDIRECT) + "&scope=openid&state=st";
    Map<String, String> missing = redirectedTo(WEB_REDIRECT, browser().get(noPkce));
    assertEquals("invalid_request", missing.get("error"));
    assertEquals("st", missing.get("state"));
    assertTrue(missing.containsKey("error_description"));

    Map<String, String> plain = redirectedTo(WEB_REDIRECT, browser().get(noPkce
        + "&code_challenge=" + CHALLENGE + "&code_challenge_method=plain"));
    assertEquals("invalid_request", plain.get("error"));
    assertEquals("st", plain.get("state"));
  }

  @Test
  void promptNoneWithoutSessionThenLoginRequired() throws Exception {
    Map<String, String> q = redirectedTo(WEB_REDIRECT, browser().get(authorize("web",
        WEB_REDIRECT, "openid", "state=p&prompt=none")));
    assertEquals("login_required", q.get("error"));
    assertEquals("p", q.get("state"));
  }

  @Test
  void oversizedOrRepeatedParametersThenInvalidRequestAtTheRedirectUri() throws Exception {
    Map<String, String> longState = redirectedTo(WEB_REDIRECT, browser().get(authorize("web",
        WEB_REDIRECT, "openid", "state=" + "s".repeat(600))));
    assertEquals("invalid_request", longState.get("error"));
    assertFalse(longState.containsKey("state"), longState.toString());

    Map<String, String> repeated = redirectedTo(WEB_REDIRECT, browser().get(authorize("web",
        WEB_REDIRECT, "openid", "state=a&state=b")));
    assertEquals("invalid_request", repeated.get("error"));

    Map<String, String> repeatedScope = redirectedTo(WEB_REDIRECT, browser().get(authorize("web",
        WEB_REDIRECT, "openid", "state=c&scope=openid")));
    assertEquals("invalid_request", repeatedScope.get("error"));
    assertEquals("c", repeatedScope.get("state"));

    StringBuilder many = new StringBuilder("state=d");
    for (int i = 0; i < 70; i++) {
      many.append("&x").append(i).append("=1");
    }
    Map<String, String> tooMany = redirectedTo(WEB_REDIRECT, browser().get(authorize("web",
        WEB_REDIRECT, "openid", many.toString())));
    assertEquals("invalid_request", tooMany.get("error"));

    // Too long for a request line: the form POST of OpenID Connect Core 3.1.2.1.
    String query = authorize("web", WEB_REDIRECT, "openid", "state=e&junk=" + "j".repeat(17_000));
    Map<String, String> huge = redirectedTo(WEB_REDIRECT,
        browser().post(AUTHORIZE, query.substring(query.indexOf('?') + 1)));
    assertEquals("invalid_request", huge.get("error"));
  }

  @Test
  void postFormOfTheRequestThenTheSameAsGet() throws Exception {
    String query = authorize("web", WEB_REDIRECT, "openid", "state=f&prompt=none");
    HttpResponse<String> r = browser().post(AUTHORIZE, query.substring(query.indexOf('?') + 1));
    assertEquals("login_required", redirectedTo(WEB_REDIRECT, r).get("error"));
  }

  @Test
  void forgedOrUnknownPendingHandleThenErrorPage() throws Exception {
    assertErrorPage(browser().get(AUTHORIZE + "?pending=abc.def.ghi"));
    assertErrorPage(browser().get(LOGIN + "?pending=abc.def.ghi"));
    assertErrorPage(browser().get(CONSENT + "?pending=abc.def.ghi"));
  }

  @Test
  void pendingHandleWithOtherParametersThenErrorPage() throws Exception {
    HttpResponse<String> start = browser().get(authorize("web", WEB_REDIRECT, "openid", null));
    String handle = Browser.query(Browser.location(start)).get("pending");
    assertErrorPage(browser().get(AUTHORIZE + "?pending=" + enc(handle) + "&prompt=none"));
  }

  @Test
  void pendingHandleOlderThanTenMinutesThenErrorPage() throws Exception {
    HttpResponse<String> start = browser().get(authorize("web", WEB_REDIRECT, "openid", null));
    String location = Browser.location(start);
    clock.advance(java.time.Duration.ofMinutes(10));

    assertErrorPage(browser().get(location));
  }

  @Test
  void pendingHandleAsABearerTokenThenRefusedByTheFilter() throws Exception {
    HttpResponse<String> start = browser().get(authorize("web", WEB_REDIRECT, "openid", null));
    String handle = Browser.query(Browser.location(start)).get("pending");
    HttpResponse<String> r = new Http(server.base()).get("/api/echo",
        "Authorization", "Bearer " + handle);
    assertEquals(401, r.statusCode(), r.body());
    assertFalse(r.body().contains(EchoServlet.MARKER));
  }
}
