package io.admin.auth.core.issue;

import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.AccessTokenVerifierBuilder;
import io.admin.auth.core.internal.keyring.KeyRingCache;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.TokenClaims;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.audit.Slf4jAuditListener;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.key.JwkSets;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.key.KeyRotator;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.RefreshTokenRecord;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token service: client authentication, {@code client_credentials} and {@code refresh_token}
 * grants, revocation (RFC 7009), introspection (RFC 7662), verification (RFC 9068) and the JWK Set,
 * over the store SPIs. Build with {@link #builder()}. Thread-safe.
 *
 * <p>Keys rotate on use: the cached {@link KeyRing} is re-read (and due rotation steps run) at most
 * every {@code keyRingRefresh}; {@link #runMaintenance()} or {@link #scheduleMaintenance} also do it
 * and purge expired revocations and refresh tokens.
 */
public final class DefaultTokenService implements TokenService {

  /** The {@code client_credentials} grant type (RFC 6749 4.4). */
  public static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
  /** The {@code refresh_token} grant type (RFC 6749 6). */
  public static final String GRANT_REFRESH_TOKEN = "refresh_token";
  /** The longest access-token lifetime (product guide: at most one hour). */
  public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenService.class);
  private static final String BEARER = "Bearer";

  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final Duration accessTokenTtl;
  private final Duration refreshTokenTtl;
  private final Duration clockSkew;
  private final ClientStore clients;
  private final RefreshTokenStore refreshTokens;
  private final RevocationStore revocations;
  private final AuditListener auditListener;
  private final KeyRingCache keys;
  private final AccessTokenIssuer tokenIssuer;
  private final AccessTokenVerifier verifier;
  private final RefreshGrants refreshGrants;
  private final ClientSecretVerifier clientAuthenticator;
  private final String configuredAlgorithm;

  DefaultTokenService(DefaultTokenServiceBuilder b) {
    this.issuer = b.issuer;
    this.audience = b.audience == null ? b.issuer : b.audience;
    this.clock = b.clock;
    this.accessTokenTtl = b.accessTokenTtl;
    this.refreshTokenTtl = b.refreshTokenTtl;
    this.clockSkew = b.clockSkew;
    this.clients = b.clientStoreOrDefault();
    this.refreshTokens = b.refreshTokenStoreOrDefault();
    this.revocations = b.revocationStoreOrDefault();
    this.auditListener = b.auditListener == null ? new Slf4jAuditListener() : b.auditListener;
    this.configuredAlgorithm = b.signingAlgorithm.jwsName();
    SecureRandom random = b.randomOrDefault();
    RandomTokens tokens = new RandomTokens(random);
    byte[] pepper = b.secretPepper;
    if (pepper == null) {
      pepper = new byte[32];
      random.nextBytes(pepper);
    }
    SecretHasher hasher = SecretHasher.withPepper(pepper);
    Duration horizon = MAX_ACCESS_TOKEN_TTL.plus(clockSkew);
    KeyRotator rotator = new KeyRotator(b.keyStoreOrDefault(), b.keyRotationPolicy,
        b.signingAlgorithm, clock, new SigningKeys(random), horizon);
    this.keys = new KeyRingCache(rotator, clock, b.keyRingRefresh);
    this.tokenIssuer = new AccessTokenIssuer(issuer, audience, clock, tokens, b.crypto);
    this.verifier = AccessTokenVerifier.builder().issuer(issuer).audience(audience).clock(clock)
        .clockSkew(clockSkew).keys(keys::find).revocationStore(revocations)
        .auditListener(auditListener).crypto(b.crypto).cacheEnabled(b.verifiedTokenCache)
        .cacheMaxEntries(b.verifiedTokenCacheMaxEntries)
        .cacheMaxBytes(b.verifiedTokenCacheMaxBytes).build();
    keys.onRingChange(verifier::evictUntrustedKeys);
    this.refreshGrants = new RefreshGrants(refreshTokens, revocations, hasher, tokens, clock,
        horizon, this::emit);
    this.clientAuthenticator = new ClientSecretVerifier(clients, hasher, tokens);
  }

  /** A builder; only {@code issuer} is required. */
  public static DefaultTokenServiceBuilder builder() {
    return new DefaultTokenServiceBuilder();
  }

  /**
   * Registers (or replaces) a client: hashes the plain secret with this service's pepper and saves
   * the client in the client store.
   *
   * @return the stored client (holding only the secret hash)
   */
  public OAuthClient registerClient(ClientRegistration registration) {
    return clientAuthenticator.register(Objects.requireNonNull(registration, "registration"));
  }

  @Override
  public ClientAuthentication authenticateClient(String clientId, String clientSecret) {
    return clientAuthenticator.authenticate(clientId, clientSecret);
  }

  @Override
  public TokenResult clientCredentials(OAuthClient client, Optional<String> scope) {
    Objects.requireNonNull(client, "client");
    if (!client.grantTypes().contains(GRANT_CLIENT_CREDENTIALS)) {
      return failed(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
          "The client is not allowed to use this grant type.");
    }
    Optional<Set<String>> requested = Scopes.parse(scope.orElse(null));
    if (requested.isEmpty() || !client.allowedScopes().containsAll(requested.get())) {
      return failed(AuthErrorCode.AUTH_SCOPE_INVALID,
          "The requested scope is invalid or exceeds the client's scope.");
    }
    Set<String> granted = requested.get().isEmpty() ? client.allowedScopes() : requested.get();
    boolean withRefresh = client.refreshTokenForClientCredentials()
        && client.grantTypes().contains(GRANT_REFRESH_TOKEN);
    String family = withRefresh ? refreshGrants.newFamilyId() : null;
    Duration ttl = accessTtl(client);
    AccessTokenIssuer.IssuedAccessToken access = tokenIssuer.issue(ring().active(),
        client.clientId(), client.clientId(), granted, ttl, family);
    String refresh = withRefresh
        ? refreshGrants.issue(family, client, client.clientId(), granted, refreshTtl(client))
        : null;
    emit(new AuditEvent.TokenIssued(clock.instant(), GRANT_CLIENT_CREDENTIALS, client.clientId(),
        client.clientId(), access.claims().jwtId(), granted, family));
    return new TokenResult.Issued(
        new TokenResponse(access.token(), BEARER, ttl.toSeconds(), refresh, granted));
  }

  @Override
  public TokenResult refresh(OAuthClient client, String refreshToken, Optional<String> scope) {
    Objects.requireNonNull(client, "client");
    if (!client.grantTypes().contains(GRANT_REFRESH_TOKEN)) {
      return failed(AuthErrorCode.AUTH_GRANT_UNSUPPORTED,
          "The client is not allowed to use this grant type.");
    }
    Optional<Set<String>> requested = Scopes.parse(scope.orElse(null));
    if (requested.isEmpty()) {
      return failed(AuthErrorCode.AUTH_SCOPE_INVALID, "The requested scope is invalid.");
    }
    RefreshGrants.Exchange exchange = refreshGrants.exchange(client, refreshToken, requested.get());
    if (exchange.error() != null) {
      return new TokenResult.Failed(exchange.error());
    }
    RefreshTokenRecord used = exchange.consumed();
    Set<String> grantScopes = new TreeSet<>(used.scopes());
    grantScopes.retainAll(client.allowedScopes());
    Set<String> accessScopes = requested.get().isEmpty() ? grantScopes : requested.get();
    Duration ttl = accessTtl(client);
    AccessTokenIssuer.IssuedAccessToken access = tokenIssuer.issue(ring().active(),
        used.subject(), client.clientId(), accessScopes, ttl, used.familyId());
    String refresh = refreshGrants.issue(used.familyId(), client, used.subject(), grantScopes,
        refreshTtl(client));
    emit(new AuditEvent.TokenRefreshed(clock.instant(), client.clientId(), used.familyId(),
        access.claims().jwtId()));
    return new TokenResult.Issued(
        new TokenResponse(access.token(), BEARER, ttl.toSeconds(), refresh, accessScopes));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Revoking a refresh token revokes its whole family and the access tokens issued from it (RFC
   * 7009 section 2.1 suggests so). The hint is not needed: access tokens are JWTs, refresh tokens
   * are not.
   */
  @Override
  public void revoke(OAuthClient client, String token, Optional<String> tokenTypeHint) {
    Objects.requireNonNull(client, "client");
    if (token == null || token.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    if (isJwtShaped(token)) {
      TokenClaims claims = verifier.verifiedClaims(token, false).orElse(null);
      if (claims != null && claims.clientId().equals(client.clientId())) {
        Instant keepUntil = claims.expiresAt().plus(clockSkew);
        if (keepUntil.isAfter(now)) {
          revocations.revokeAccessToken(claims.jwtId(), keepUntil);
        }
        revocations.purgeExpired(now);
        emit(new AuditEvent.TokenRevoked(now, client.clientId(), "access_token", claims.jwtId()));
      }
      return;
    }
    refreshGrants.findOwned(client, token).ifPresent(record -> {
      refreshGrants.revokeFamily(record, now);
      emit(new AuditEvent.TokenRevoked(now, client.clientId(), "refresh_family",
          record.familyId()));
    });
  }

  /** {@inheritDoc} Only tokens issued to {@code client} can be active. */
  @Override
  public Introspection introspect(OAuthClient client, String token,
      Optional<String> tokenTypeHint) {
    Objects.requireNonNull(client, "client");
    if (token == null || token.isEmpty()) {
      return Introspection.inactive();
    }
    if (isJwtShaped(token)) {
      TokenClaims c = verifier.verifiedClaims(token, true).orElse(null);
      if (c == null || !c.clientId().equals(client.clientId())) {
        return Introspection.inactive();
      }
      return new Introspection(true, "access_token", c.scopes(), c.clientId(), c.subject(),
          c.issuer(), c.audience(), c.issuedAt(), c.notBefore(), c.expiresAt(), c.jwtId());
    }
    Instant now = clock.instant();
    return refreshGrants.findOwned(client, token).filter(r -> r.isActive(now))
        .map(r -> new Introspection(true, "refresh_token", r.scopes(), r.clientId(), r.subject(),
            issuer, List.of(audience), r.issuedAt(), null, r.expiresAt(), null))
        .orElse(Introspection.inactive());
  }

  @Override
  public AuthOutcome verify(String accessToken) {
    return verifier.verify(accessToken);
  }

  @Override
  public String jwkSetJson() {
    return JwkSets.toJson(ring());
  }

  @Override
  public String issuer() {
    return issuer;
  }

  /** The configured algorithm first, then any other algorithm of a key still in the ring. */
  @Override
  public List<String> signingAlgorithms() {
    List<String> out = new ArrayList<>(List.of(configuredAlgorithm));
    for (SigningKey k : ring().keys()) {
      if (!out.contains(k.algorithm().jwsName())) {
        out.add(k.algorithm().jwsName());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public Set<String> scopesSupported() {
    Set<String> all = new TreeSet<>();
    clients.findAll().forEach(c -> all.addAll(c.allowedScopes()));
    return Set.copyOf(all);
  }

  /** The audience of issued tokens. */
  public String audience() {
    return audience;
  }

  /** The current key ring (refreshed from the key store if due). */
  public KeyRing keyRing() {
    return ring();
  }

  /**
   * Runs due key rotation steps now and purges expired revocations and refresh tokens.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when a store cannot be reached
   */
  public void runMaintenance() {
    Instant now = clock.instant();
    keys.rotateNow();
    int revoked = revocations.purgeExpired(now);
    int refresh = refreshTokens.purgeExpired(now);
    LOG.debug("Maintenance purged {} revocations and {} refresh tokens", revoked, refresh);
  }

  /** Runs {@link #runMaintenance()} every {@code period}; failures are logged and retried. */
  public ScheduledFuture<?> scheduleMaintenance(ScheduledExecutorService executor,
      Duration period) {
    return executor.scheduleWithFixedDelay(() -> {
      try {
        runMaintenance();
      } catch (RuntimeException e) {
        LOG.warn("Token service maintenance failed; will retry", e);
      }
    }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private KeyRing ring() {
    return keys.ring();
  }

  private Duration accessTtl(OAuthClient client) {
    Duration ttl = client.accessTokenTtl() == null ? accessTokenTtl : client.accessTokenTtl();
    return ttl.compareTo(MAX_ACCESS_TOKEN_TTL) > 0 ? MAX_ACCESS_TOKEN_TTL : ttl;
  }

  private Duration refreshTtl(OAuthClient client) {
    return client.refreshTokenTtl() == null ? refreshTokenTtl : client.refreshTokenTtl();
  }

  private void emit(AuditEvent event) {
    try {
      auditListener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("Audit listener failed", e);
    }
  }

  private static boolean isJwtShaped(String token) {
    int first = token.indexOf('.');
    return first > 0 && token.indexOf('.', first + 1) > first;
  }

  private static TokenResult failed(AuthErrorCode code, String message) {
    return new TokenResult.Failed(AuthError.of(code, message));
  }
}
