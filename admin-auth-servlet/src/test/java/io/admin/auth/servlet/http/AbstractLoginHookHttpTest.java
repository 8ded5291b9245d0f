package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.servlet.signin.ContainerLoginHook;
import io.admin.auth.servlet.signin.LoginAnswer;
import io.admin.auth.servlet.signin.LoginHook;
import io.admin.auth.servlet.signin.SignIn;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The login hook on a live container (docs/http-contract.md, "Signing people in", who the person
 * is), without the default login page: the container adapter reads the principal a realm (here a
 * test filter reading {@code X-Test-User}) put on the request; a test hook sends the browser to
 * the application's own login with a return URL that continues the request. Run against every
 * container by a subclass.
 */
abstract class AbstractLoginHookHttpTest extends AbstractSignInHttpTest {

  private static final LoginHook HOOK = (request, prompt) -> {
    if (request.getHeader("X-Test-App-Login") != null) {
      return LoginAnswer.redirect("/app/login?next=" + enc(prompt.returnUrl()));
    }
    if (request.getHeader("X-Test-Hook-Fails") != null) {
      throw new IllegalStateException("a bug in the host's hook");
    }
    if (request.getHeader("X-Test-Old-Login") != null) {
      return LoginAnswer.signedIn("olga", Instant.EPOCH);
    }
    return new ContainerLoginHook().identify(request, prompt);
  };

  @Override
  SignIn.Builder signIn(BasicAuthenticator basic) {
    return SignIn.builder().loginHook(HOOK);
  }

  /** A stand-in for the container's realm: the principal named by {@code X-Test-User}. */
  @Override
  void customize(ServletContext ctx) {
    Filter realm = (request, response, chain) -> {
      HttpServletRequest http = (HttpServletRequest) request;
      String user = http.getHeader("X-Test-User");
      chain.doFilter(user == null ? request : new HttpServletRequestWrapper(http) {
        @Override
        public Principal getUserPrincipal() {
          return () -> user;
        }
      }, response);
    };
    ctx.addFilter("realm", realm).addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST),
        false, "/*");
  }

  @Test
  void containerPrincipalThenACodeForThemAndASessionOfTheLibrary() throws Exception {
    Browser b = browser();
    Map<String, String> q = redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT,
        "openid", "state=c"), "X-Test-User", "bob"));
    assertEquals("c", q.get("state"));
    assertTrue(b.cookies.containsKey(SESSION_COOKIE), b.cookies.toString());
    HttpResponse<String> t = exchange("spa", q.get("code"), SPA_REDIRECT, VERIFIER);
    assertEquals(200, t.statusCode(), t.body());
    AuthOutcome.Authenticated bob = (AuthOutcome.Authenticated) tokens.verify(
        (String) Http.body(t).get("access_token"));
    assertEquals("bob", bob.principal().subject());

    // The library's own session now answers prompt=none without the realm.
    Map<String, String> silent = redirectedTo(SPA_REDIRECT, b.get(authorize("spa", SPA_REDIRECT,
        "openid", "prompt=none")));
    assertTrue(silent.containsKey("code"), silent.toString());
  }

  @Test
  void nobodySignedInAndNoLoginPageThenAnErrorPageSayingSignInIsNotSetUp() throws Exception {
    HttpResponse<String> r = browser().get(authorize("spa", SPA_REDIRECT, "openid", null));
    assertHtml(r, 400);
    assertTrue(r.body().contains("not set up"), r.body());
  }

  @Test
  void hookRedirectsToTheAppLoginWhoseReturnUrlContinuesTheRequest() throws Exception {
    Browser b = browser();
    HttpResponse<String> toApp = b.get(authorize("spa", SPA_REDIRECT, "openid", "state=r&nonce=n"),
        "X-Test-App-Login", "yes");
    assertEquals(302, toApp.statusCode(), toApp.body());
    String location = Browser.location(toApp);
    assertTrue(location.startsWith("/app/login?next="), location);
    String returnUrl = Browser.query(location).get("next");
    assertTrue(returnUrl.startsWith(AUTHORIZE + "?pending="), returnUrl);

    Map<String, String> q = redirectedTo(SPA_REDIRECT, b.get(returnUrl, "X-Test-User", "carol"));
    assertEquals("r", q.get("state"));
    HttpResponse<String> t = exchange("spa", q.get("code"), SPA_REDIRECT, VERIFIER);
    assertEquals(200, t.statusCode(), t.body());
  }

  @Test
  void freshLoginRequiredThenTheContainerAdapterSaysNotSignedIn() throws Exception {
    HttpResponse<String> r = browser().get(authorize("spa", SPA_REDIRECT, "openid",
        "prompt=login"), "X-Test-User", "bob");
    assertHtml(r, 400);
  }

  @Test
  void hookVouchesForALoginOlderThanTheRequestThenLoginRequiredNotALoop() throws Exception {
    Map<String, String> q = redirectedTo(SPA_REDIRECT, browser().get(authorize("spa",
        SPA_REDIRECT, "openid", "prompt=login&state=o"), "X-Test-Old-Login", "yes"));
    assertEquals("login_required", q.get("error"));
    assertEquals("o", q.get("state"));
  }

  @Test
  void hookThrowsThenAnErrorPageWithoutAStackTrace() throws Exception {
    HttpResponse<String> r = browser().get(authorize("spa", SPA_REDIRECT, "openid", null),
        "X-Test-Hook-Fails", "yes");
    assertHtml(r, 500);
    assertFalse(r.body().contains("IllegalStateException"), r.body());
    assertFalse(r.body().contains("at io.admin"), r.body());
  }
}
