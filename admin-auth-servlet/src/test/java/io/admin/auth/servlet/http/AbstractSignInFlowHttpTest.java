package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The interactive sign-in on a live container (docs/http-contract.md, "Signing people in"): the
 * authorization endpoint, the default login page, the consent page, the answer to the client
 * (query and form_post) and the code's exchange at the token endpoint. Run against every
 * container by a subclass.
 */
abstract class AbstractSignInFlowHttpTest extends AbstractSignInHttpTest {

  @Test
  void thirdPartyClientThenLoginConsentAndCodeWithStateAndIssThenTokens() throws Exception {
    Browser b = browser();
    HttpResponse<String> start = b.get(authorize("web", WEB_REDIRECT, "openid users:read",
        "state=" + enc("st 1/&=") + "&nonce=n-1"));

    HttpResponse<String> loggedIn = logIn(b, start, ALICE, ALICE_PASSWORD);
    assertEquals(303, loggedIn.statusCode(), loggedIn.body());
    assertTrue(b.relative(Browser.location(loggedIn)).startsWith(AUTHORIZE + "?pending="));
    HttpResponse<String> toConsent = follow(b, loggedIn);
    assertEquals(302, toConsent.statusCode(), toConsent.body());
    assertTrue(b.relative(Browser.location(toConsent)).startsWith(CONSENT + "?pending="));
    HttpResponse<String> page = follow(b, toConsent);
    assertHtml(page, 200);
    assertTrue(page.body().contains("Web &lt;App&gt;"), page.body());
    assertTrue(page.body().contains("Confirm who you are to the application."), page.body());
    assertTrue(page.body().contains("name=\"decision\" value=\"allow\""), page.body());
    assertTrue(page.body().contains("name=\"decision\" value=\"deny\""), page.body());
    HttpResponse<String> allowed = consent(b, toConsent, "allow");
    HttpResponse<String> answer = follow(b, allowed);

    Map<String, String> q = redirectedTo(WEB_REDIRECT, answer);
    assertEquals("st 1/&=", q.get("state"));
    HttpResponse<String> t = exchange("web", q.get("code"), WEB_REDIRECT, VERIFIER);
    assertEquals(200, t.statusCode(), t.body());
    assertTrue(Http.body(t).get("id_token") instanceof String);
    assertEquals("openid users:read", Http.body(t).get("scope"));
  }

  @Test
  void formPostThenAnAutoSubmittingFormToTheRedirectUriWithCodeStateAndIss() throws Exception {
    Browser b = browser();
    HttpResponse<String> start = b.get(authorize("spa", SPA_REDIRECT, "openid",
        "state=s%22%3C&response_mode=form_post"));
    HttpResponse<String> answer = follow(b, logIn(b, start, ALICE, ALICE_PASSWORD));

    assertHtml(answer, 200);
    assertTrue(answer.body().contains("action=\"" + SPA_REDIRECT + "\""), answer.body());
    assertEquals("s\"<", Browser.field(answer.body(), "state"));
    assertEquals(CoreFixture.ISSUER, Browser.field(answer.body(), "iss"));
    String csp = answer.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertTrue(csp.contains("form-action 'self' http://127.0.0.1:9999"), csp);
    assertTrue(csp.contains("script-src 'sha256-"), csp);
    HttpResponse<String> t = exchange("spa", Browser.field(answer.body(), "code"), SPA_REDIRECT,
        VERIFIER);
    assertEquals(200, t.statusCode(), t.body());
  }

  /** A browser signed in as alice through the default login page (first-party spa). */
  private Browser signedIn() throws Exception {
    Browser b = browser();
    HttpResponse<String> start = b.get(authorize("spa", SPA_REDIRECT, "openid", null));
    redirectedTo(SPA_REDIRECT, follow(b, logIn(b, start, ALICE, ALICE_PASSWORD)));
    return b;
  }

  /** A code for spa (openid offline_access) from a signed-in browser. */
  private String spaCode(Browser b) throws Exception {
    return redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT,
        "openid offline_access", null))).get("code");
  }

  @Test
  void consentDeniedThenAccessDeniedWithStateAndIss() throws Exception {
    Browser b = signedIn();
    HttpResponse<String> toConsent = b.get(authorize("web", WEB_REDIRECT, "openid",
        "state=d1"));

    Map<String, String> q = redirectedTo(WEB_REDIRECT, consent(b, toConsent, "deny"));

    assertEquals("access_denied", q.get("error"));
    assertEquals("d1", q.get("state"));
    assertFalse(q.containsKey("code"));
  }

  @Test
  void consentRememberedThenTheNextRequestGetsACodeWithoutThePage() throws Exception {
    Browser b = signedIn();
    HttpResponse<String> toConsent = b.get(authorize("web", WEB_REDIRECT, "openid profile",
        null));
    redirectedTo(WEB_REDIRECT, follow(b, consent(b, toConsent, "allow")));

    Map<String, String> second = redirectedTo(WEB_REDIRECT, b.get(authorize("web", WEB_REDIRECT,
        "openid", "state=again")));
    assertTrue(second.containsKey("code"), second.toString());
    assertEquals("again", second.get("state"));

    // A scope not consented yet asks again, and prompt=consent always asks.
    HttpResponse<String> more = b.get(authorize("web", WEB_REDIRECT, "openid users:read", null));
    assertTrue(b.relative(Browser.location(more)).startsWith(CONSENT), Browser.location(more));
    HttpResponse<String> forced = b.get(authorize("web", WEB_REDIRECT, "openid",
        "prompt=consent"));
    assertTrue(b.relative(Browser.location(forced)).startsWith(CONSENT),
        Browser.location(forced));
  }

  @Test
  void promptNoneWithSessionButNoConsentThenConsentRequiredAndWithSessionThenCode()
      throws Exception {
    Browser b = signedIn();
    Map<String, String> web = redirectedTo(WEB_REDIRECT, b.get(authorize("web", WEB_REDIRECT,
        "openid", "prompt=none&state=pn")));
    assertEquals("consent_required", web.get("error"));
    assertEquals("pn", web.get("state"));

    Map<String, String> spa = redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT,
        "openid", "prompt=none")));
    assertTrue(spa.containsKey("code"), spa.toString());
  }

  @Test
  void maxAgeShorterThanTheSessionThenLoginAgain() throws Exception {
    Browser b = signedIn();
    clock.advance(java.time.Duration.ofSeconds(120));

    HttpResponse<String> r = b.get(authorize("spa", SPA_REDIRECT, "openid", "max_age=60"));
    HttpResponse<String> relogged = logIn(b, r, ALICE, ALICE_PASSWORD);
    redirectedTo(SPA_REDIRECT, follow(b, relogged));
    Map<String, String> recent = redirectedTo(SPA_REDIRECT, b.get(authorize("spa",
        SPA_REDIRECT, "openid", "max_age=60")));
    assertTrue(recent.containsKey("code"), recent.toString());
  }

  @Test
  void wrongVerifierThenInvalidGrantAndTheCodeIsSpent() throws Exception {
    Browser b = signedIn();
    String code = spaCode(b);

    HttpResponse<String> wrong = exchange("spa", code, SPA_REDIRECT, VERIFIER.replace('d', 'e'));
    AbstractFilterHttpTest.assertError(wrong, 400, "invalid_grant",
        "AUTH_AUTHORIZATION_CODE_INVALID");
    AbstractFilterHttpTest.assertError(exchange("spa", code, SPA_REDIRECT, VERIFIER), 400,
        "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");
  }

  @Test
  void replayedCodeThenInvalidGrantAndTheFirstAccessTokenNoLongerPassesTheFilter()
      throws Exception {
    String code = spaCode(signedIn());
    HttpResponse<String> first = exchange("spa", code, SPA_REDIRECT, VERIFIER);
    assertEquals(200, first.statusCode(), first.body());
    String access = (String) Http.body(first).get("access_token");
    Http http = new Http(server.base());
    assertEquals(200, http.get("/api/echo", "Authorization", "Bearer " + access).statusCode());

    AbstractFilterHttpTest.assertError(exchange("spa", code, SPA_REDIRECT, VERIFIER), 400,
        "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");

    HttpResponse<String> after = http.get("/api/echo", "Authorization", "Bearer " + access);
    assertEquals(401, after.statusCode(), after.body());
  }

  @Test
  void codeOfAnotherClientThenInvalidGrant() throws Exception {
    String code = spaCode(signedIn());
    AbstractFilterHttpTest.assertError(exchange("native", code, SPA_REDIRECT, VERIFIER), 400,
        "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");
  }

  @Test
  void codeOlderThanItsLifetimeThenInvalidGrant() throws Exception {
    String code = spaCode(signedIn());
    clock.advance(java.time.Duration.ofSeconds(61));
    AbstractFilterHttpTest.assertError(exchange("spa", code, SPA_REDIRECT, VERIFIER), 400,
        "invalid_grant", "AUTH_AUTHORIZATION_CODE_INVALID");
  }
}
