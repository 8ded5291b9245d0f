package io.admin.auth.servlet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.issue.TokenResult;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.core.store.memory.InMemoryAuthorizationCodeStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryConsentStore;
import io.admin.auth.core.ratelimit.InMemoryFailureCountStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySignInSessionStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.endpoint.internal.MetadataServlet;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.scheme.BasicScheme;
import io.admin.auth.servlet.signin.internal.AuthorizeServlet;
import io.admin.auth.servlet.signin.internal.LoginPageServlet;
import io.admin.auth.servlet.signin.internal.LogoutServlet;
import io.admin.auth.servlet.signin.internal.UserInfoServlet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Signing people in from the properties file: sign-in clients under {@code admin.auth.client.*}
 * and the settings under {@code admin.auth.sign-in.*}, with every bad value named.
 */
class SignInPropertiesTest {

  private static final String SPA = "admin.auth.client.spa.";
  private static final String WEB = "admin.auth.client.web.";
  private static final String HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

  private static Properties props(String... kv) {
    Properties p = new Properties();
    p.setProperty("admin.auth.issuer", "https://issuer.test");
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  private static Properties signingIn(String... more) {
    Properties p = props("admin.auth.sign-in.enabled", "true",
        SPA + "public", "true", SPA + "scopes", "openid profile users:read",
        SPA + "redirect-uris", "https://spa.example/cb, http://127.0.0.1/cb",
        SPA + "post-logout-redirect-uris", "https://spa.example/bye",
        SPA + "first-party", "true",
        WEB + "secret", "web-secret-0123456789", WEB + "scopes", "openid email",
        WEB + "redirect-uris", "https://web.example/cb", WEB + "display-name", "Web Reports");
    for (int i = 0; i < more.length; i += 2) {
      p.setProperty(more[i], more[i + 1]);
    }
    return p;
  }

  @Test
  void createWhenSignInClientsThenRegisteredWithTheirSettings() {
    TokenService tokens = new DefaultTokenServiceFactory().create(signingIn());

    OAuthClient spa = tokens.findClient("spa").orElseThrow();
    assertTrue(spa.isPublic());
    assertEquals("", spa.secretHash());
    assertEquals(Set.of("authorization_code", "refresh_token"), spa.grantTypes());
    assertEquals(new SignInSettings(true, List.of("https://spa.example/cb",
        "http://127.0.0.1/cb"), List.of("https://spa.example/bye"), true, null), spa.signIn());
    assertInstanceOf(ClientAuthentication.Succeeded.class, tokens.authenticatePublicClient("spa"));

    OAuthClient web = tokens.findClient("web").orElseThrow();
    assertFalse(web.isPublic());
    assertFalse(web.signIn().firstParty(), "third party unless said otherwise");
    assertEquals("Web Reports", web.signIn().displayName());
    assertInstanceOf(ClientAuthentication.Succeeded.class,
        tokens.authenticateClient("web", "web-secret-0123456789"));
  }

  @Test
  void createWhenOpenidClientAndAnotherAlgorithmThenRs256KeptForIdTokens() {
    TokenService tokens = new DefaultTokenServiceFactory()
        .create(signingIn("admin.auth.token.signing-alg", "ES256"));
    assertTrue(tokens.signingAlgorithms().contains("ES256"), tokens.signingAlgorithms()::toString);
    assertEquals(List.of("RS256"), tokens.idTokenSigningAlgorithms());
  }

  @Test
  void createWhenGivenTheUserStoreThenUserInfoNamesItsUsers() {
    InMemoryUserStore users = new InMemoryUserStore();
    users.save(new User("alice", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
        Set.of(), false));
    TokenService tokens = new DefaultTokenServiceFactory()
        .create(signingIn(), Optional.empty(), users, AuthObserver.noop());
    String verifier = "v".repeat(43);
    String code = tokens.issueAuthorizationCode(new ApprovedAuthorization("spa",
        "https://spa.example/cb", Pkce.s256(verifier), "alice", Set.of("openid", "profile"),
        null, Instant.now(), null)).code();
    String access = ((TokenResult.Issued) tokens.authorizationCode(
        tokens.findClient("spa").orElseThrow(), code, "https://spa.example/cb", verifier))
        .response().accessToken();
    AuthPrincipal alice = ((AuthOutcome.Authenticated) tokens.verify(access)).principal();

    assertEquals(Map.of("sub", "alice", "preferred_username", "alice"),
        ((UserInfoResult.Claims) tokens.userInfo(alice)).claims());
  }

  @Test
  void createWhenMachineClientOnlyThenGrantsAsBefore() {
    TokenService tokens = new DefaultTokenServiceFactory()
        .create(props(WEB + "secret", "web-secret-0123456789"));
    OAuthClient web = tokens.findClient("web").orElseThrow();
    assertEquals(Set.of("client_credentials", "refresh_token"), web.grantTypes());
    assertEquals(SignInSettings.NONE, web.signIn());
  }

  @Test
  void loadWhenSignInEnabledThenUserInfoLogoutAndMetadataMembers() {
    AdminAuth auth = AdminAuthProperties.load(signingIn(
        "admin.auth.sign-in.logout-path", "/bye"));

    assertInstanceOf(UserInfoServlet.class, auth.servlets().get("/api/v3/auth/userinfo"));
    assertInstanceOf(LogoutServlet.class, auth.servlets().get("/bye"));
    Map<String, Object> doc = ((MetadataServlet) auth.servlets()
        .get("/.well-known/openid-configuration")).document();
    assertEquals("https://issuer.test/bye", doc.get("end_session_endpoint"));
    assertEquals(List.of("code"), doc.get("response_types_supported"));
  }

  @Test
  void loadWhenLoginPageOnUsersThenPageServedAndUsersNeedNoBasic() {
    AdminAuth auth = AdminAuthProperties.load(signingIn(
        "admin.auth.user.alice.password-hash", HASH));

    assertInstanceOf(LoginPageServlet.class, auth.servlets().get("/api/v3/auth/login"));
    assertFalse(auth.filter().schemes().stream().anyMatch(BasicScheme.class::isInstance),
        "the login page does not switch Basic on");
  }

  @Test
  void loadWhenLoginPageOffThenNoPage() {
    AdminAuth auth = AdminAuthProperties.load(signingIn("admin.auth.sign-in.login-page", "off"));
    assertFalse(auth.servlets().containsKey("/api/v3/auth/login"));
    assertInstanceOf(AuthorizeServlet.class, auth.servlets().get("/api/v3/auth/authorize"));
  }

  @Test
  void loadWhenUsersDeclaredWithoutBasicOrLoginPageThenStillRefused() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(signingIn("admin.auth.sign-in.login-page", "off",
            "admin.auth.user.alice.password-hash", HASH)));
    assertEquals("admin.auth.user.alice.password-hash", e.property());
  }

  @Test
  void loadWhenSignInNotEnabledThenNoSignInServlets() {
    AdminAuth auth = AdminAuthProperties.load(signingIn("admin.auth.sign-in.enabled", "false"));
    assertFalse(auth.servlets().containsKey("/api/v3/auth/userinfo"));
    assertFalse(((MetadataServlet) auth.servlets().get("/.well-known/openid-configuration"))
        .document().containsKey("authorization_endpoint"));
  }

  @Test
  void readWhenStoresGivenThenSessionsAndConsentsLiveThereAndTtlApplies() {
    InMemorySignInSessionStore sessions = new InMemorySignInSessionStore();
    InMemoryConsentStore consents = new InMemoryConsentStore();
    PersistentStores stores = new PersistentStores(new InMemorySigningKeyStore(),
        new InMemoryClientStore(), new InMemoryRefreshTokenStore(), new InMemoryRevocationStore(),
        new InMemoryApiKeyStore(), new InMemoryUserStore(), new InMemoryFailureCountStore(10),
        new InMemoryAuthorizationCodeStore(), sessions, consents, () -> { });
    SignIn signIn = SignInProperties.read(AdminAuthProperties.reader(signingIn(
        "admin.auth.sign-in.session-ttl", "PT1H", "admin.auth.sign-in.login-page", "off")),
        Optional.of(stores), Optional.empty()).orElseThrow();

    assertEquals(sessions, signIn.sessions());
    assertEquals(consents, signIn.consents());
    assertEquals(Duration.ofHours(1), signIn.sessionTtl());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "admin.auth.sign-in.enable|true|admin.auth.sign-in.enable",
      "admin.auth.sign-in.enabled|yes|admin.auth.sign-in.enabled",
      "admin.auth.sign-in.login-page|basic|admin.auth.sign-in.login-page",
      "admin.auth.sign-in.session-ttl|PT10S|admin.auth.sign-in.session-ttl",
      "admin.auth.sign-in.session-ttl|eight hours|admin.auth.sign-in.session-ttl",
      "admin.auth.sign-in.logout-path|bye|admin.auth.sign-in.logout-path",
      "admin.auth.sign-in.login-path|/api/v3/auth/authorize|admin.auth.sign-in.login-path",
      "admin.auth.endpoints.enabled|false|admin.auth.sign-in.enabled",
      "admin.auth.client.spa.secret|spa-secret-0123456789|admin.auth.client.spa.secret",
      "admin.auth.client.spa.grants|client_credentials|admin.auth.client.spa.grants",
      "admin.auth.client.spa.first-party|maybe|admin.auth.client.spa.first-party",
      "admin.auth.client.web.redirect-uris|http://web.example/cb|admin.auth.client.web.redirect-uris",
      "admin.auth.client.web.redirect-uris|javascript:alert(1)|admin.auth.client.web.redirect-uris",
      "admin.auth.client.web.post-logout-redirect-uris|//evil.example|"
          + "admin.auth.client.web.post-logout-redirect-uris",
      "admin.auth.client.web.grants|client_credentials|admin.auth.client.web.redirect-uris",
      "admin.auth.client.m.grants|authorization_code|admin.auth.client.m.grants",
      "admin.auth.client.m.post-logout-redirect-uris|https://m.example/|"
          + "admin.auth.client.m.post-logout-redirect-uris",
      "admin.auth.client.m.display-name|M|admin.auth.client.m.display-name",
      "admin.auth.client.m.public|true|admin.auth.client.m.public",
      "admin.auth.client.m.redirect-ur1s|https://m.example/cb|admin.auth.client.m.redirect-ur1s"})
  void loadWhenBadSignInSettingThenErrorNamesIt(String key, String value, String named) {
    Properties p = signingIn(key, value);
    if (key.startsWith("admin.auth.client.m.") && !key.endsWith(".public")) {
      p.setProperty("admin.auth.client.m.secret", "m-secret-0123456789ab");
    }
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals(named, e.property(), e.getMessage());
  }

  @Test
  void loadWhenSignInKeysWithoutEnabledThenRefused() {
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(props("admin.auth.sign-in.session-ttl", "PT1H")));
    assertEquals("admin.auth.sign-in.session-ttl", e.property());
  }

  @Test
  void loadWhenResourceServerThenSignInRefused() {
    Properties p = new Properties();
    p.setProperty("admin.auth.resource-server.issuer", "https://issuer.test");
    p.setProperty("admin.auth.resource-server.jwks-uri", "https://issuer.test/jwks.json");
    p.setProperty("admin.auth.sign-in.enabled", "true");
    AdminAuthConfigException e = assertThrows(AdminAuthConfigException.class,
        () -> AdminAuthProperties.load(p));
    assertEquals("admin.auth.sign-in.enabled", e.property());
  }
}
