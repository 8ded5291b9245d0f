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
}
