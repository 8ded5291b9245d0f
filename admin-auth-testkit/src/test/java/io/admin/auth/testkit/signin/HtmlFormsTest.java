package io.admin.auth.testkit.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.testkit.signin.HtmlForms.Form;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The driver's tolerant reading of forms and cookies. */
class HtmlFormsTest {

  @Test
  void scanWhenLoginFormThenActionMethodAndHiddenCsrfWithEntitiesDecoded() {
    String html = "<!doctype html><html><body><h1>Sign in</h1>\n"
        + "<FORM method=post action=\"/api/v3/auth/login?x=1&amp;y=2\">\n"
        + "  <input type='hidden' name='csrf' value='a&#x2B;b&#47;c'>\n"
        + "  <label>User <input name=\"username\" autocomplete=\"username\"></label>\n"
        + "  <input type=\"password\" name=\"password\" required>\n"
        + "  <button type=\"submit\">Sign in</button>\n"
        + "</form></body></html>";

    List<Form> forms = HtmlForms.scan(html);

    assertEquals(1, forms.size());
    Form form = forms.get(0);
    assertEquals("/api/v3/auth/login?x=1&y=2", form.action());
    assertEquals("POST", form.method());
    assertTrue(form.has("password"));
    assertEquals(Map.of("csrf", "a+b/c", "username", "", "password", ""), form.defaults());
  }

  @Test
  void scanWhenConsentFormWithTwoButtonsThenButtonsAreNotDefaults() {
    String html = "<form method=\"post\" action=\"consent\"><input type=hidden name=t value=1>"
        + "<button name=\"decision\" value=\"allow\">Allow</button>"
        + "<button name=\"decision\" value=\"deny\">Deny</button></form>"
        + "<form action=\"/other\"><input name=q></form>";

    List<Form> forms = HtmlForms.scan(html);

    assertEquals(2, forms.size());
    assertTrue(forms.get(0).has("decision"));
    assertEquals(Map.of("t", "1"), forms.get(0).defaults());
    assertEquals("GET", forms.get(1).method());
    assertFalse(forms.get(1).has("decision"));
  }

  @Test
  void scanWhenFormPostPageThenEveryHiddenParameter() {
    String html = "<body onload=\"document.forms[0].submit()\"><form method=\"post\" "
        + "action=\"https://app.example/cb\"><input type=\"hidden\" name=\"code\" value=\"c1\"/>"
        + "<input type=\"hidden\" name=\"state\" value=\"s&quot;1\"/>"
        + "<input type=\"hidden\" name=\"iss\" value=\"https://auth.example\"/>"
        + "<noscript><input type=\"submit\" value=\"Continue\"></noscript>";

    Form form = HtmlForms.scan(html).get(0);

    assertEquals("https://app.example/cb", form.action());
    assertEquals(Map.of("code", "c1", "state", "s\"1", "iss", "https://auth.example"),
        form.defaults());
  }

  @Test
  void cookieJarWhenSetThenSentAndWhenExpiredThenDropped() {
    CookieJar jar = new CookieJar();
    jar.receive(HttpHeaders.of(Map.of("Set-Cookie", List.of(
        "admin-auth-signin=abc; Path=/; HttpOnly; SameSite=Lax", "csrf=x1; Path=/")),
        (a, b) -> true));
    assertEquals("admin-auth-signin=abc; csrf=x1", jar.header().orElseThrow());

    jar.receive(HttpHeaders.of(Map.of("Set-Cookie", List.of("csrf=; Max-Age=0; Path=/")),
        (a, b) -> true));
    assertEquals("admin-auth-signin=abc", jar.header().orElseThrow());
    assertEquals("admin-auth-signin", jar.names());
  }
}
