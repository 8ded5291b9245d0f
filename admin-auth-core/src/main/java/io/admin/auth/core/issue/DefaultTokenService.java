package io.admin.auth.core.issue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.internal.keyring.KeyRingCache;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.key.KeyRotator;
import io.admin.auth.core.key.SigningKeys;
import io.admin.auth.core.signin.ApprovedAuthorization;
import io.admin.auth.core.signin.IssuedCode;
import io.admin.auth.core.signin.LogoutHint;
import io.admin.auth.core.signin.PendingAuthorization;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.PersonDirectory;
import io.admin.auth.core.spi.RefreshTokenStore;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.verify.AccessTokenVerifier;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;

/**
 * The token service: client authentication (confidential and public clients), the {@code
 * client_credentials}, {@code refresh_token} and {@code authorization_code} grants, authorization
 * codes, ID tokens, UserInfo and logout hints, revocation (RFC 7009), introspection (RFC 7662),
 * verification (RFC 9068) and the JWK Set, over the store SPIs. Build with {@link #builder()}.
 * Thread-safe.
 *
 * <p>Keys rotate on use: the cached {@link KeyRing} is re-read (and due rotation steps run) at most
 * every {@code keyRingRefresh}; {@link #runMaintenance()} or {@link #scheduleMaintenance} also do it
 * and purge expired revocations, refresh tokens and authorization codes.
 *
 * <p>This class only wires and delegates; each job has its own package-private part (the
 * grants, authorization codes, ID tokens, UserInfo, logout hints, revocation, introspection, the
 * client registry, the published keys, maintenance).
 */
public final class DefaultTokenService implements TokenService {

  /** The {@code client_credentials} grant type (RFC 6749 4.4). */
  public static final String GRANT_CLIENT_CREDENTIALS = "client_credentials";
  /** The {@code refresh_token} grant type (RFC 6749 6). */
  public static final String GRANT_REFRESH_TOKEN = "refresh_token";
  /** The longest access-token lifetime: one hour (see {@code docs/http-contract.md}). */
  public static final Duration MAX_ACCESS_TOKEN_TTL = Duration.ofHours(1);

  private final String issuer;
  private final String audience;
  private final AccessTokenVerifier verifier;
  private final PublishedKeys keys;
  private final ClientRegistry clients;
  private final ClientCredentialsGrant clientCredentialsGrant;
  private final RefreshTokenGrant refreshTokenGrant;
  private final TokenRevocation revocation;
  private final TokenIntrospection introspection;
  private final SignIn signIn;
  private final Maintenance maintenance;
  private final RefreshTokenStore refreshTokenStore;
  private final RefreshGrants refreshGrants;
  private final Clock clock;

  DefaultTokenService(DefaultTokenServiceBuilder b) {
    this.issuer = b.issuer;
    this.audience = b.audience == null ? b.issuer : b.audience;
    RevocationStore revocations = b.revocationStoreOrDefault();
    RefreshTokenStore refreshTokens = b.refreshTokenStoreOrDefault();
    AuditSink audit = new AuditSink(b.auditListenerOrDefault(), b.observer);
    SecureRandom random = b.randomOrDefault();
    RandomTokens tokens = new RandomTokens(random);
    SecretHasher hasher = SecretHasher.withPepper(b.pepperOrRandom(random));
    // A revoked family must be remembered as long as any access token it issued can still verify.
    Duration horizon = MAX_ACCESS_TOKEN_TTL.plus(b.clockSkew);
    Set<SigningAlgorithm> companions = b.keepRs256KeyForIdTokens
        ? Set.of(SigningAlgorithm.RS256) : Set.of();
    KeyRingCache ring = new KeyRingCache(new KeyRotator(b.keyStoreOrDefault(),
        b.keyRotationPolicy, b.signingAlgorithm, companions, b.clock, new SigningKeys(random),
        horizon, b.observer), b.clock, b.keyRingRefresh);
    this.verifier = AccessTokenVerifier.builder().issuer(issuer).audience(audience).clock(b.clock)
        .clockSkew(b.clockSkew).keys(ring::find).revocationStore(revocations)
        .auditListener(audit::emit).observer(b.observer).crypto(b.crypto).random(random).cacheEnabled(b.verifiedTokenCache).acceptTestKeys(b.acceptTestKeys)
        .accessTokenType(b.accessTokenType)
        .cacheMaxEntries(b.verifiedTokenCacheMaxEntries)
        .cacheMaxBytes(b.verifiedTokenCacheMaxBytes).build();
    ring.onRingChange(verifier::evictUntrustedKeys);
    this.keys = new PublishedKeys(ring, b.signingAlgorithm);
    ClientStore clientStore = b.clientStoreOrDefault();
    this.clients = new ClientRegistry(clientStore, hasher, tokens);
    RefreshGrants refreshGrants = new RefreshGrants(refreshTokens, revocations, hasher, tokens,
        b.clock, horizon, audit::emit);
    AccessTokenIssuer tokenIssuer = new AccessTokenIssuer(issuer, audience, b.clock, tokens,
        b.crypto, b.accessTokenType);
    TokenLifetimes lifetimes = new TokenLifetimes(b.accessTokenTtl, b.refreshTokenTtl);
    this.clientCredentialsGrant = new ClientCredentialsGrant(tokenIssuer, keys::active,
        refreshGrants, lifetimes, b.clock, audit);
    this.refreshTokenGrant = new RefreshTokenGrant(tokenIssuer, keys::active, refreshGrants,
        lifetimes, b.clock, audit);
    this.revocation = new TokenRevocation(verifier, revocations, refreshGrants, b.clockSkew,
        b.clock, audit);
    this.introspection = new TokenIntrospection(verifier, refreshGrants, issuer, audience,
        b.clock);
    AuthorizationCodes codes = new AuthorizationCodes(b.authorizationCodeStoreOrDefault(), hasher,
        tokens, b.clock, b.authorizationCodeTtl, horizon, refreshGrants::newFamilyId);
    PersonDirectory people = b.personDirectoryOrDefault();
    IdTokens idTokens = new IdTokens(issuer, b.clock, b.crypto, b.idTokenTtl, keys::idTokenKey,
        people);
    this.signIn = new SignIn(b.idTokensAvailable(), codes,
        new AuthorizationCodeGrant(codes, tokenIssuer, keys::active, idTokens, refreshGrants,
            lifetimes, b.clock, audit),
        new UserInfoClaims(issuer, people),
        new IdTokenHints(issuer, b.clock, b.clockSkew, b.crypto, ring::find, clientStore),
        new PendingAuthorizations(issuer, b.clock, b.crypto, keys::active, ring::find));
    this.maintenance = new Maintenance(ring, revocations, refreshTokens, codes, b.clock);
    this.refreshTokenStore = refreshTokens;
    this.refreshGrants = refreshGrants;
    this.clock = b.clock;
  }

  /** The sign-in parts, and whether ID tokens can be signed at all. */
  private record SignIn(boolean idTokens, AuthorizationCodes codes, AuthorizationCodeGrant grant,
      UserInfoClaims userInfo, IdTokenHints hints, PendingAuthorizations pending) {}

  /**
   * A builder; only {@code issuer} is required.
   *
   * @return a new builder with every default
   */
  public static DefaultTokenServiceBuilder builder() {
    return new DefaultTokenServiceBuilder();
  }

  /**
   * Registers (or replaces) a client: hashes the plain secret with this service's pepper and saves
   * the client in the client store.
   *
   * @param registration the client with its plain secret; required
   * @return the stored client (holding only the secret hash)
   */
  public OAuthClient registerClient(ClientRegistration registration) {
    Objects.requireNonNull(registration, "registration");
    requireIdTokensFor(registration.signIn().signsPeopleIn(), registration.allowedScopes());
    return clients.register(registration);
  }

  /**
   * Registers (or replaces) a client whose secret was hashed elsewhere, so that the plain secret
   * never reaches this process's configuration: {@code client.secretHash()} must be what {@link
   * SecretHasher#hash} gives under <em>this service's pepper</em> (set it explicitly with {@link
   * DefaultTokenServiceBuilder#secretPepper}; a hash made under another pepper never matches).
   * A public client has no hash at all (an empty one). The other settings are checked as {@link
   * ClientRegistration} checks them.
   *
   * @param client the client with its secret hash; required
   * @return the stored client
   * @throws IllegalArgumentException when the hash is not of that form or a setting is refused
   */
  public OAuthClient registerClient(OAuthClient client) {
    Objects.requireNonNull(client, "client");
    requireIdTokensFor(client.signIn().signsPeopleIn(), client.allowedScopes());
    return clients.registerHashed(client);
  }

  // A client that may ask for openid must get ID tokens, which need an RS256 key.
  private void requireIdTokensFor(boolean signsPeopleIn, Set<String> scopes) {
    if (signsPeopleIn && scopes.contains(StandardClaims.OPENID) && !signIn.idTokens()) {
      throw new IllegalArgumentException("a client with the openid scope needs ID tokens: sign"
          + " with RS256 or set DefaultTokenServiceBuilder.keepRs256KeyForIdTokens(true)");
    }
  }

  @Override
  public ClientAuthentication authenticateClient(String clientId, String clientSecret) {
    return clients.authenticate(clientId, clientSecret);
  }

  /** {@inheritDoc} */
  @Override
  public ClientAuthentication authenticatePublicClient(String clientId) {
    return clients.authenticatePublic(clientId);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when the client is unknown, not registered for {@code
   *     authorization_code}, or not allowed a granted scope, or when {@code openid} is granted but
   *     this service cannot sign ID tokens (see {@link
   *     DefaultTokenServiceBuilder#keepRs256KeyForIdTokens})
   */
  @Override
  public IssuedCode issueAuthorizationCode(ApprovedAuthorization approved) {
    Objects.requireNonNull(approved, "approved");
    requireIdTokensFor(true, approved.scopes());
    return signIn.codes().issue(clients.find(approved.clientId()), approved);
  }

  /** {@inheritDoc} */
  @Override
  public TokenResult authorizationCode(OAuthClient client, String code, String redirectUri,
      String codeVerifier) {
    return signIn.grant().exchange(Objects.requireNonNull(client, "client"), code, redirectUri,
        codeVerifier);
  }

  /** {@inheritDoc} */
  @Override
  public UserInfoResult userInfo(AuthPrincipal principal) {
    return signIn.userInfo().claims(principal);
  }

  /** {@inheritDoc} */
  @Override
  public OptionalInt revokeGrants(String subject, String clientId) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(clientId, "clientId");
    Optional<Set<String>> families = refreshTokenStore.familiesOf(subject, clientId);
    if (families.isEmpty()) {
      return OptionalInt.empty();
    }
    Instant now = clock.instant();
    families.get().forEach(family -> refreshGrants.revokeFamily(family, now));
    return OptionalInt.of(families.get().size());
  }

  /** {@inheritDoc} */
  @Override
  public LogoutHint checkLogoutHint(String idTokenHint) {
    return signIn.hints().check(idTokenHint);
  }

  /** {@inheritDoc} */
  @Override
  public Optional<OAuthClient> findClient(String clientId) {
    return clients.find(Objects.requireNonNull(clientId, "clientId"));
  }

  /** {@inheritDoc} */
  @Override
  public String signPendingAuthorization(PendingAuthorization pending) {
    return signIn.pending().sign(Objects.requireNonNull(pending, "pending"));
  }

  /** {@inheritDoc} */
  @Override
  public Optional<PendingAuthorization> openPendingAuthorization(String handle) {
    return signIn.pending().open(handle);
  }

  /** {@code ["RS256"]} when this service can sign ID tokens, else empty. */
  @Override
  public List<String> idTokenSigningAlgorithms() {
    return signIn.idTokens() ? List.of(SigningAlgorithm.RS256.jwsName()) : List.of();
  }

  @Override
  public TokenResult clientCredentials(OAuthClient client, Optional<String> scope) {
    return clientCredentialsGrant.issue(Objects.requireNonNull(client, "client"), scope);
  }

  @Override
  public TokenResult refresh(OAuthClient client, String refreshToken, Optional<String> scope) {
    return refreshTokenGrant.exchange(Objects.requireNonNull(client, "client"), refreshToken,
        scope);
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
    revocation.revoke(Objects.requireNonNull(client, "client"), token);
  }

  /** {@inheritDoc} Only tokens issued to {@code client} can be active. */
  @Override
  public Introspection introspect(OAuthClient client, String token,
      Optional<String> tokenTypeHint) {
    return introspection.introspect(Objects.requireNonNull(client, "client"), token);
  }

  @Override
  public AuthOutcome verify(String accessToken) {
    return verifier.verify(accessToken);
  }

  @Override
  public String jwkSetJson() {
    return keys.jwkSetJson();
  }

  @Override
  public String issuer() {
    return issuer;
  }

  /** The configured algorithm first, then any other algorithm of a key still in the ring. */
  @Override
  public List<String> signingAlgorithms() {
    return keys.signingAlgorithms();
  }

  @Override
  public Set<String> scopesSupported() {
    return clients.scopesSupported();
  }

  /**
   * The audience of issued tokens.
   *
   * @return the {@code aud} value, the issuer unless configured
   */
  public String audience() {
    return audience;
  }

  /**
   * The current key ring (refreshed from the key store if due).
   *
   * @return the ring; never {@code null}
   */
  public KeyRing keyRing() {
    return keys.ring();
  }

  /**
   * Runs due key rotation steps now and purges expired revocations, refresh tokens and
   * authorization codes.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when a store cannot be reached
   */
  public void runMaintenance() {
    maintenance.run();
  }

  /**
   * Runs {@link #runMaintenance()} every {@code period}; failures are logged and retried.
   *
   * @param executor where the maintenance runs
   * @param period the time between two runs
   * @return the scheduled task; cancel it to stop
   */
  public ScheduledFuture<?> scheduleMaintenance(ScheduledExecutorService executor,
      Duration period) {
    return maintenance.schedule(executor, period);
  }
}
