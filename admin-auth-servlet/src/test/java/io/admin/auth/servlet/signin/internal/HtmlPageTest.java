package io.admin.auth.servlet.signin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * The escaping of the sign-in pages and the CSP source of a redirect target: nothing a client
 * registered or a request sent can break out of an attribute or add a CSP directive.
 */
class HtmlPageTest {

  @Test
  void escapeCoversEveryCharacterThatEndsTextOrAnAttribute() {
    assertEquals("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
        HtmlPage.escape("<a href=\"x\" title='y'>&amp;</a>"));
    assertEquals("", HtmlPage.escape(null));
  }

  @Test
  void cspSourceIsTheOriginOfHttpTargetsAndTheSchemeOfPrivateUseOnes() {
    assertEquals("https://web.example", HtmlPage.cspSource("https://web.example/cb?a=1"));
    assertEquals("http://127.0.0.1:9999", HtmlPage.cspSource("http://127.0.0.1:9999/callback"));
    assertEquals("http://[::1]:8080", HtmlPage.cspSource("http://[::1]:8080/cb"));
    assertEquals("com.example.app:", HtmlPage.cspSource("com.example.app:/cb"));
  }

  @Test
  void cspSourceOfATargetThatCouldInjectADirectiveIsNone() {
    assertNull(HtmlPage.cspSource("https://web.example;script-src *"));
    assertNull(HtmlPage.cspSource("https://we b.example/cb"));
    assertNull(HtmlPage.cspSource("not a uri"));
    assertNull(HtmlPage.cspSource("/relative"));
  }
}
