package io.admin.auth.servlet.config;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.store.memory.InMemoryRefreshTokenStore;
import io.admin.auth.core.store.memory.InMemoryRevocationStore;
import io.admin.auth.core.store.memory.InMemorySigningKeyStore;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
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
 *       then be set); exactly one of the two;
 *       {@code .scopes} (space or comma separated), {@code .grants} (default both), {@code
 *       .refresh-for-client-credentials} (default true), {@code .access-ttl}, {@code
 *       .refresh-ttl}.
 * </ul>
 */
public final class DefaultTokenServiceFactory implements TokenServiceFactory {

  static final String TOKEN = AdminAuthProperties.PREFIX + "token.";
  static final String CLIENT = AdminAuthProperties.PREFIX + "client.";
  private static final Set<String> TOKEN_KEYS =
      Set.of("audience", "signing-alg", "access-ttl", "refresh-ttl", "clock-skew", "pepper", "typ");
  private static final Set<String> CLIENT_KEYS = Set.of("secret", "secret-hash", "scopes", "grants",
      "refresh-for-client-credentials", "access-ttl", "refresh-ttl");

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
    return create(p, stores, AuthObserver.noop());
  }

  /** As {@link #create(Properties, Optional)}, the service observed by {@code observer}. */
  TokenService create(Properties p, Optional<PersistentStores> stores, AuthObserver observer) {
    return create(p, b -> {
      b.observer(observer);
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
    List<ClientRegistration> clients = new ArrayList<>();
    List<OAuthClient> hashedClients = new ArrayList<>();
    ConfigReader clientKeys = config.under(CLIENT);
    boolean pepperSet = config.under(TOKEN).string("pepper").isPresent();
    for (String id : clientIds(clientKeys)) {
      ConfigReader c = clientKeys.under(id + ".");
      ClientRegistration settings = registration(c, id);
      Optional<String> hash = secretHash(c, pepperSet);
      if (hash.isPresent()) {
        hashedClients.add(new OAuthClient(id, hash.get(), settings.allowedScopes(),
            settings.grantTypes(), settings.refreshTokenForClientCredentials(),
            settings.accessTokenTtl(), settings.refreshTokenTtl()));
      } else {
        clients.add(settings);
      }
    }
    DefaultTokenService service;
    try {
      service = b.build();
    } catch (IllegalArgumentException e) {
      // Every token.* setting was checked on its own above; what is left is the issuer.
      throw new AdminAuthConfigException(AdminAuthProperties.ISSUER, e.getMessage(), e);
    }
    clients.forEach(service::registerClient);
    hashedClients.forEach(service::registerClient);
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

  /** The ids of {@code admin.auth.client.<id>.<setting>} keys; any other key there is an error. */
  private static Set<String> clientIds(ConfigReader c) {
    Set<String> ids = new TreeSet<>();
    for (String rest : c.names()) {
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || !CLIENT_KEYS.contains(rest.substring(dot + 1))) {
        throw c.error(rest, "expected " + CLIENT + "<id>.<"
            + String.join("|", new TreeSet<>(CLIENT_KEYS)) + ">");
      }
      ids.add(rest.substring(0, dot));
    }
    return ids;
  }

  /**
   * The client's registration. Settings are added one at a time to a registration that is valid
   * without them, so whatever {@link ClientRegistration} refuses is the setting just added.
   */
  private static ClientRegistration registration(ConfigReader c, String id) {
    if (c.isSet("secret-hash") && c.isSet("secret")) {
      throw c.error("secret-hash", "set either secret or secret-hash, not both");
    }
    // With a secret hash, the registration only carries the other settings; its secret is a
    // stand-in that is never hashed or stored.
    String secret = c.isSet("secret-hash")
        ? "x".repeat(ClientRegistration.MIN_SECRET_LENGTH) : c.requiredString("secret");
    if (secret.length() < ClientRegistration.MIN_SECRET_LENGTH) {
      throw c.error("secret", "must have at least " + ClientRegistration.MIN_SECRET_LENGTH
          + " characters");
    }
    try {
      ClientRegistration.of(id, secret, Set.of());
    } catch (IllegalArgumentException e) {
      // The secret's length was checked above, so what is refused is the id taken from the key.
      throw new AdminAuthConfigException(c.key("secret"), e.getMessage(), e);
    }
    Set<String> scopes = words(c.string("scopes", ""));
    c.check("scopes", () -> ClientRegistration.of(id, secret, scopes));
    // Present but blank is an empty set of grants (refused), not the default.
    Set<String> grants = c.isSet("grants")
        ? words(c.string("grants", "")) : ClientRegistration.MACHINE_GRANTS;
    c.check("grants", () -> new ClientRegistration(id, secret, scopes, grants, true, null, null));
    boolean refreshForCc = c.bool("refresh-for-client-credentials", true);
    Duration access = c.duration("access-ttl").orElse(null);
    c.check("access-ttl",
        () -> new ClientRegistration(id, secret, scopes, grants, refreshForCc, access, null));
    Duration refresh = c.duration("refresh-ttl").orElse(null);
    c.check("refresh-ttl",
        () -> new ClientRegistration(id, secret, scopes, grants, refreshForCc, access, refresh));
    return new ClientRegistration(id, secret, scopes, grants, refreshForCc, access, refresh);
  }

  /** The client's {@code secret-hash}, checked for form; it needs an explicit pepper. */
  private static Optional<String> secretHash(ConfigReader c, boolean pepperSet) {
    Optional<String> hash = c.value("secret-hash",
        SecretHasher.PREFIX + "<43 base64url characters>, as the hash-secret command prints it",
        v -> {
          if (!SecretHasher.isWellFormed(v)) {
            throw new IllegalArgumentException("malformed");
          }
          return v;
        });
    if (hash.isPresent() && !pepperSet) {
      throw c.error("secret-hash", "needs " + TOKEN + "pepper: a hash made under one pepper never"
          + " matches under the random pepper used when none is set");
    }
    return hash;
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

  private static Set<String> words(String v) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
