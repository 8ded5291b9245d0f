package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.signin.SignIn;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A sign-in whose every hop lands on another node (one Jetty, one Tomcat), each with its own
 * token service and servlets over shared stores, as behind a load balancer without sticky
 * sessions: the pending request, the CSRF token, the sign-in session and the consent hold no
 * per-process state.
 */
class TwoNodeSignInHttpTest {

  private static final String REDIRECT = "https://web.example/cb";
  private static final String SECRET = "secret-web-0123456789abcdef";
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

  @Test
  void authorizeOnOneNodeLoginOnTheOtherConsentBackAndTheCodeRedeemedAnywhere()
      throws Exception {
    SecureRandom random = new SecureRandom();
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    InMemorySigningKeyStore keys = new InMemorySigningKeyStore();
    InMemoryClientStore clients = new InMemoryClientStore();
    InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    InMemoryRefreshTokenStore refresh = new InMemoryRefreshTokenStore();
    InMemoryRevocationStore revocations = new InMemoryRevocationStore();
    InMemorySignInSessionStore sessions = new InMemorySignInSessionStore();
    InMemoryConsentStore consents = new InMemoryConsentStore();
    PasswordHasher hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User("alice", hasher.hash("alice-password"), Set.of(), false));

    TestServer[] nodes = new TestServer[2];
    TestServer.Factory[] containers = {JettyTestServer::start, TomcatTestServer::start};
    for (int i = 0; i < 2; i++) {
      DefaultTokenService tokens = DefaultTokenService.builder().issuer(CoreFixture.ISSUER)
          .signingAlgorithm(SigningAlgorithm.ES256).keepRs256KeyForIdTokens(true)
          .secretPepper(pepper).keyStore(keys).clientStore(clients)
          .authorizationCodeStore(codes).refreshTokenStore(refresh)
          .revocationStore(revocations).build();
      if (i == 0) {
        tokens.registerClient(ClientRegistration.signingIn("web", SECRET, Set.of("openid"),
            new SignInSettings(false, List.of(REDIRECT), List.of(), false, "Web")));
      }
      BasicAuthenticator basic = BasicAuthenticator.builder().users(users).hasher(hasher)
          .cacheKeyHasher(SecretHasher.withPepper(pepper)).random(random).build();
      AdminAuth auth = AdminAuth.builder(tokens).baseUrl(CoreFixture.ISSUER)
          .signIn(SignIn.builder().sessionStore(sessions).consentStore(consents)
              .defaultLoginPage(basic).build())
          .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").build()).build();
      nodes[i] = containers[i].start("", (classes, ctx) -> auth.register(ctx));
    }
    try {
      Browser a = new Browser(nodes[0].base());
      Browser b = new Browser(nodes[1].base());
      HttpResponse<String> start = a.get("/api/v3/auth/authorize?response_type=code"
          + "&client_id=web&redirect_uri=" + enc(REDIRECT) + "&scope=openid&state=two"
          + "&code_challenge=" + Pkce.s256(VERIFIER) + "&code_challenge_method=S256");
      HttpResponse<String> page = b.get(Browser.location(start));
      assertEquals(200, page.statusCode(), page.body());
      b.cookies.putAll(a.cookies);
      HttpResponse<String> loggedIn = b.post("/api/v3/auth/login", "pending="
          + enc(Browser.field(page.body(), "pending")) + "&csrf="
          + enc(Browser.field(page.body(), "csrf")) + "&username=alice&password=alice-password");
      assertEquals(303, loggedIn.statusCode(), loggedIn.body());
      a.cookies.putAll(b.cookies);
      HttpResponse<String> toConsent = a.get(Browser.location(loggedIn));
      HttpResponse<String> consentPage = b.get(Browser.location(toConsent));
      assertEquals(200, consentPage.statusCode(), consentPage.body());
      HttpResponse<String> allowed = a.post("/api/v3/auth/consent", "pending="
          + enc(Browser.field(consentPage.body(), "pending")) + "&csrf="
          + enc(Browser.field(consentPage.body(), "csrf")) + "&decision=allow");
      assertEquals(303, allowed.statusCode(), allowed.body());
      HttpResponse<String> answer = b.get(Browser.location(allowed));

      assertEquals(302, answer.statusCode(), answer.body());
      Map<String, String> q = Browser.query(Browser.location(answer));
      assertEquals("two", q.get("state"));
      HttpResponse<String> t = new Http(nodes[0].base()).form("/api/v3/auth/token",
          "grant_type=authorization_code&code=" + enc(q.get("code")) + "&redirect_uri="
              + enc(REDIRECT) + "&code_verifier=" + VERIFIER, "Authorization",
          basic("web", SECRET));
      assertEquals(200, t.statusCode(), t.body());
      assertTrue(Http.body(t).containsKey("id_token"));
    } finally {
      nodes[0].close();
      nodes[1].close();
    }
  }
}
