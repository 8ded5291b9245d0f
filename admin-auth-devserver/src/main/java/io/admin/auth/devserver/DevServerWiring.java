package io.admin.auth.devserver;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.federation.ClaimMapping;
import io.admin.auth.core.federation.TrustedIssuer;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.signin.ScopeDescriptions;
import io.admin.auth.core.signin.UserStorePersonDirectory;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.SignInPaths;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How the dev server wires the library, as an application would: the token service on the
 * chosen stores with the seeded demo client, API keys, Basic with the seeded demo user, signing
 * people in (the demo user on the default login page, the two seeded sign-in clients), trusted
 * issuers, and the access policy of the demo resources.
 */
final class DevServerWiring {

  private DevServerWiring() {}

  /** Everything admin-auth registers on the servlet context. */
  static AdminAuth adminAuth(DevServerConfig config, String issuer, String audience,
      DevStorage stores, DevCredentials credentials, SecureRandom random,
      ScheduledExecutorService maintenance, DemoSignIn demo) {
    // In memory nothing outlives the process, so a per-run pepper is enough.
    byte[] pepper = stores.secretPepper().orElseGet(() -> randomPepper(random));
    DefaultTokenService tokens = tokenService(config, issuer, audience, stores, pepper, random);
    tokens.registerClient(ClientRegistration.of(credentials.clientId(),
        credentials.clientSecret(), DevServer.DEMO_CLIENT_SCOPES));
    // Registered on every start, so a changed redirect URI or secret takes effect on restart.
    tokens.registerClient(demo.spa());
    tokens.registerClient(demo.partner());
    tokens.scheduleMaintenance(maintenance, Duration.ofMinutes(1));
    SecretHasher hasher = SecretHasher.withPepper(pepper);
    ApiKeyService apiKeys = ApiKeyService.builder().store(stores.apiKeys()).hasher(hasher)
        .random(random).build();
    PasswordHasher passwords = PasswordHasher.owasp(random);
    stores.users().save(new User(credentials.user(), passwords.hash(credentials.password()),
        DevServer.DEMO_USER_SCOPES, false));
    BasicAuthenticator basic = BasicAuthenticator.builder().users(stores.users())
        .hasher(passwords).cacheKeyHasher(hasher).random(random).build();
    AdminAuth.Builder wiring = AdminAuth.builder(tokens).accessPolicy(demoPolicy())
        .apiKeys(apiKeys).basic(basic)
        .rateLimits(config.rateLimits().toRateLimits(Clock.systemUTC()))
        .signIn(signIn(stores, basic, random));
    trustedIssuers(config, audience).forEach(wiring::trustedIssuer);
    DevBrowserSessions.wire(wiring, tokens, issuer, pepper);
    return wiring.build();
  }

  /**
   * The default login page on the Basic users (the seeded demo user), with sessions and consents
   * in the chosen store, so that a restart keeps people signed in and their consents given.
   */
  static SignIn signIn(DevStorage stores, BasicAuthenticator users, SecureRandom random) {
    return SignIn.builder().defaultLoginPage(users).random(random)
        .sessionStore(stores.signInSessions()).consentStore(stores.consents())
        .scopeDescriptions(ScopeDescriptions.defaults().with(Map.of(
            "users:read", "See the list of users of the demo API.")))
        .build();
  }

  private static byte[] randomPepper(SecureRandom random) {
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    return pepper;
  }

  private static DefaultTokenService tokenService(DevServerConfig config, String issuer,
      String audience, DevStorage stores, byte[] pepper, SecureRandom random) {
    DefaultTokenServiceBuilder b = DefaultTokenService.builder()
        .issuer(issuer)
        .audience(audience)
        .random(random)
        .keyStore(stores.keys())
        .clientStore(stores.clients())
        .refreshTokenStore(stores.refreshTokens())
        .revocationStore(stores.revocations())
        .authorizationCodeStore(stores.authorizationCodes())
        .personDirectory(new UserStorePersonDirectory(stores.users()))
        // OpenID Connect clients expect RS256 ID tokens, whatever --signing-alg chose.
        .keepRs256KeyForIdTokens(true)
        .accessTokenTtl(config.accessTokenTtl())
        .refreshTokenTtl(config.refreshTokenTtl());
    config.signingAlgorithm().map(SigningAlgorithm::parse).ifPresent(b::signingAlgorithm);
    return b.secretPepper(pepper).build();
  }

  /**
   * Trusted issuers as docs/http-contract.md has them for the dev server: discovery + JWKS,
   * {@code typ} {@code JWT} accepted, scopes from {@code scope} or {@code scp}, the server's
   * audience required, plain http for loopback only (the parser already refused it elsewhere).
   */
  static List<TrustedIssuer> trustedIssuers(DevServerConfig config, String audience) {
    List<TrustedIssuer> out = new ArrayList<>();
    for (URI uri : config.trustedIssuers()) {
      out.add(TrustedIssuer.builder(uri.toString())
          .audience(audience)
          .acceptJwtTyp(true)
          .claims(ClaimMapping.defaults())
          .allowInsecureLoopback("http".equals(uri.getScheme()))
          // A development tool: a testkit mock server may be its trusted issuer.
          .acceptTestKeys(true)
          .build());
    }
    return out;
  }

  /** The demo resources' scopes (docs/http-contract.md); everything else under /api is denied. */
  static AccessPolicy demoPolicy() {
    return AccessPolicy.builder()
        .protectedPrefix("/api")
        .rule("GET", "/api/v3/users", "users:read")
        .rule("POST", "/api/v3/users", "users:write")
        .rule("GET", "/api/v3/me")
        .build();
  }

  static List<DevServerBanner.Endpoint> endpoints(EndpointPaths p) {
    List<DevServerBanner.Endpoint> e = new ArrayList<>();
    e.add(new DevServerBanner.Endpoint("POST", p.token(), "token endpoint (client_credentials, refresh_token, authorization_code)"));
    e.add(new DevServerBanner.Endpoint("POST", p.revocation(), "revocation (RFC 7009)"));
    e.add(new DevServerBanner.Endpoint("POST", p.introspection(), "introspection (RFC 7662)"));
    e.add(new DevServerBanner.Endpoint("GET", p.jwks(), "public signing keys (JWK Set)"));
    e.add(new DevServerBanner.Endpoint("GET", p.authorizationServerMetadata(), "metadata (RFC 8414)"));
    e.add(new DevServerBanner.Endpoint("GET", p.openidConfiguration(), "metadata (OIDC discovery)"));
    String keys = AdminAuth.DEFAULT_API_KEYS_PATH;
    e.add(new DevServerBanner.Endpoint("POST", keys, "create an API key (scope api-keys:manage)"));
    e.add(new DevServerBanner.Endpoint("GET", keys, "list API keys (scope api-keys:manage)"));
    e.add(new DevServerBanner.Endpoint("GET", keys + "/{id}", "one API key's metadata"));
    e.add(new DevServerBanner.Endpoint("POST", keys + "/{id}/rotate", "rotate an API key"));
    e.add(new DevServerBanner.Endpoint("DELETE", keys + "/{id}", "revoke an API key"));
    e.add(new DevServerBanner.Endpoint("GET", "/api/v3/users", "demo resource, scope users:read"));
    e.add(new DevServerBanner.Endpoint("POST", "/api/v3/users", "demo resource, scope users:write"));
    e.add(new DevServerBanner.Endpoint("GET", "/api/v3/me", "who you are, any authenticated caller"));
    e.add(new DevServerBanner.Endpoint("GET", "/api/v3/auth/session/login",
        "browser session: sign in (?return_to=/local/path)"));
    e.add(new DevServerBanner.Endpoint("GET", "/api/v3/auth/session",
        "browser session: who is signed in, CSRF token"));
    e.add(new DevServerBanner.Endpoint("POST", "/api/v3/auth/session/refresh",
        "browser session: rotate the cookies (X-CSRF-Token)"));
    e.add(new DevServerBanner.Endpoint("POST", "/api/v3/auth/session/logout",
        "browser session: sign out (X-CSRF-Token)"));
    e.add(new DevServerBanner.Endpoint("GET", "/demo/", "demo page signing in with a browser session"));
    return e;
  }

  static List<DevServerBanner.Endpoint> signInEndpoints(SignInPaths p) {
    return List.of(
        new DevServerBanner.Endpoint("GET", p.authorize(), "authorization endpoint (code + PKCE)"),
        new DevServerBanner.Endpoint("GET POST", p.login(), "login page of the demo user"),
        new DevServerBanner.Endpoint("GET POST", p.consent(), "consent page (third-party clients)"),
        new DevServerBanner.Endpoint("GET POST", p.userInfo(), "OpenID Connect UserInfo (scope openid)"),
        new DevServerBanner.Endpoint("GET", p.logout(), "RP-initiated logout"));
  }
}
