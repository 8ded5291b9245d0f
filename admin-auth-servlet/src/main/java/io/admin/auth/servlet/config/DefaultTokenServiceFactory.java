package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.UserStorePersonDirectory;
import io.admin.auth.core.spi.UserStore;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The built-in {@link TokenServiceFactory}: a core {@link DefaultTokenService} with the clients
 * listed in the properties, on the persistent stores of {@value
 * AdminAuthProperties#STORE_DATASOURCE} when {@link AdminAuthProperties#load} opened them, else
 * in memory (keys, clients, refresh tokens and revocations then die with the process). Clients
 * are written to the store at every start, so the properties stay the truth about them.
 *
 * <p>Properties (besides {@code admin.auth.issuer}):
 *
 * <ul>
 *   <li>{@code admin.auth.token.audience}, {@code .signing-alg} (RS256, PS256, ES256, EdDSA),
 *       {@code .access-ttl}, {@code .refresh-ttl}, {@code .clock-skew} (ISO-8601 durations),
 *       {@code .pepper} (base64, at least 32 bytes; required with a persistent store), {@code
 *       .typ} (the access tokens' {@code typ} header: {@code at+jwt}, the default, or {@code JWT}
 *       for relying parties that accept nothing else, such as Spring Security's default JWT
 *       validators; see {@link AccessTokenType}; resource servers then need {@code
 *       admin.auth.resource-server.typ=JWT});
 *   <li>per client {@code admin.auth.client.<id>.secret} (at least 16 characters) or, so that
 *       the plain secret is nowhere in the configuration, {@code .secret-hash} (what the {@code
 *       hash-secret} command prints under the same {@code admin.auth.token.pepper}, which must
 *       then be set); exactly one of the two, or neither for a public client;
 *       {@code .scopes} (space or comma separated), {@code .grants} (default {@code
 *       client_credentials refresh_token}, or {@code authorization_code refresh_token} with
 *       {@code .redirect-uris}), {@code .refresh-for-client-credentials} (default true), {@code
 *       .access-ttl}, {@code .refresh-ttl};
 *   <li>for a client that signs people in (docs/http-contract.md, "Signing people in"): {@code
 *       .redirect-uris} and {@code .post-logout-redirect-uris} (space or comma separated, each
 *       matched as an exact string), {@code .public} ({@code true} for a native or browser app
 *       without a secret; default false), {@code .first-party} ({@code true}: no consent screen;
 *       default false, consent asked), {@code .display-name} (shown on the consent page). A
 *       client with {@code openid} among its scopes turns on an RS256 key for ID tokens.
 * </ul>
 *
 * <p>Through {@link AdminAuthProperties#load} the people of UserInfo and ID tokens are the users
 * of the user store ({@link UserStorePersonDirectory}).
 */
public final class DefaultTokenServiceFactory implements TokenServiceFactory {

  static final String TOKEN = AdminAuthProperties.PREFIX + "token.";
  private static final Set<String> TOKEN_KEYS =
      Set.of("audience", "signing-alg", "access-ttl", "refresh-ttl", "clock-skew", "pepper", "typ");

  /** Creates the factory; it keeps no state between {@link #create} calls. */
  public DefaultTokenServiceFactory() {}

  /**
   * {@inheritDoc}
   *
   * <p>Each setting is checked on its own before the service is built, so every error names the
   * one property at fault.
   *
   * @throws AdminAuthConfigException naming the first property that cannot be used
   */
  @Override
  public TokenService create(Properties p) {
    return create(p, b -> { });
  }

  /**
   * The service on {@code stores}, or, when empty, on in-memory stores given explicitly, since
   * the caller warns about in-memory mode once for everything (the builder would warn again).
   */
  TokenService create(Properties p, Optional<PersistentStores> stores) {
    return create(p, stores, null, AuthObserver.noop());
  }

  /**
   * {@link #create(Properties, Optional)} observed by {@code observer}, whose people are the users
   * of {@code users} (when not {@code null}), so that UserInfo and ID tokens name them.
   */
  TokenService create(Properties p, Optional<PersistentStores> stores, UserStore users,
      AuthObserver observer) {
    return create(p, b -> {
      b.observer(observer);
      if (users != null) {
        b.personDirectory(new UserStorePersonDirectory(users));
      }
      if (stores.isPresent()) {
        PersistentStores s = stores.get();
        b.keyStore(s.keyStore()).clientStore(s.clientStore())
            .refreshTokenStore(s.refreshTokenStore()).revocationStore(s.revocationStore())
            .authorizationCodeStore(s.authorizationCodeStore());
      } else {
        b.keyStore(new InMemorySigningKeyStore()).clientStore(new InMemoryClientStore())
            .refreshTokenStore(new InMemoryRefreshTokenStore())
            .revocationStore(new InMemoryRevocationStore());
      }
    });
  }

  private TokenService create(Properties p, Consumer<DefaultTokenServiceBuilder> storeChoice) {
    ConfigReader config = AdminAuthProperties.reader(p);
    String issuer = config.requiredString(AdminAuthProperties.ISSUER);
    DefaultTokenServiceBuilder b = tokenSettings(config.under(TOKEN), issuer);
    storeChoice.accept(b);
    boolean pepperSet = config.under(TOKEN).string("pepper").isPresent();
    List<ClientProperties.Configured> clients = ClientProperties.read(config, pepperSet);
    if (clients.stream().anyMatch(ClientProperties.Configured::wantsIdTokens)) {
      // OpenID Connect clients expect RS256 ID tokens whatever signs the access tokens.
      b.keepRs256KeyForIdTokens(true);
    }
    DefaultTokenService service;
    try {
      service = b.build();
    } catch (IllegalArgumentException e) {
      // Every token.* setting was checked on its own above; what is left is the issuer.
      throw new AdminAuthConfigException(AdminAuthProperties.ISSUER, e.getMessage(), e);
    }
    for (ClientProperties.Configured c : clients) {
      if (c.hashed().isPresent()) {
        service.registerClient(c.hashed().get());
      } else {
        service.registerClient(c.registration());
      }
    }
    return service;
  }

  private static DefaultTokenServiceBuilder tokenSettings(ConfigReader t, String issuer) {
    for (String name : t.names()) {
      if (!TOKEN_KEYS.contains(name)) {
        throw t.error(name, "unknown property");
      }
    }
    DefaultTokenServiceBuilder b = DefaultTokenService.builder().issuer(issuer);
    t.string("audience").ifPresent(b::audience);
    t.value("signing-alg", "one of RS256, PS256, ES256, EdDSA",
        DefaultTokenServiceFactory::algorithm).ifPresent(b::signingAlgorithm);
    t.duration("access-ttl").ifPresent(ttl -> {
      if (!positive(ttl) || ttl.compareTo(DefaultTokenService.MAX_ACCESS_TOKEN_TTL) > 0) {
        throw t.error("access-ttl", "must be positive and at most "
            + DefaultTokenService.MAX_ACCESS_TOKEN_TTL + ", was " + ttl);
      }
      b.accessTokenTtl(ttl);
    });
    t.duration("refresh-ttl").ifPresent(ttl -> {
      if (!positive(ttl)) {
        throw t.error("refresh-ttl", "must be positive, was " + ttl);
      }
      b.refreshTokenTtl(ttl);
    });
    t.duration("clock-skew").ifPresent(skew -> {
      if (skew.isNegative() || skew.compareTo(AccessTokenVerifierBuilder.MAX_SKEW) > 0) {
        throw t.error("clock-skew", "must be between PT0S and "
            + AccessTokenVerifierBuilder.MAX_SKEW + ", was " + skew);
      }
      b.clockSkew(skew);
    });
    t.value("pepper", "base64 of at least 32 bytes", DefaultTokenServiceFactory::pepper)
        .ifPresent(b::secretPepper);
    t.value("typ", "at+jwt or JWT", AccessTokenType::parse).ifPresent(b::accessTokenType);
    return b;
  }

  private static SigningAlgorithm algorithm(String v) {
    SigningAlgorithm alg = SigningAlgorithm.fromJwsName(v)
        .orElseThrow(() -> new IllegalArgumentException("unknown algorithm"));
    if (alg.isSymmetric()) {
      // A symmetric key cannot be published in the JWK Set.
      throw new IllegalArgumentException("symmetric");
    }
    return alg;
  }

  private static byte[] pepper(String v) {
    byte[] bytes = Base64.getDecoder().decode(v);
    if (bytes.length < 32) {
      throw new IllegalArgumentException("too short");
    }
    return bytes;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }
}
