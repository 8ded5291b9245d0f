package io.admin.auth.core.federation;

import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.internal.jose.JwsSignatures;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.validation.IssuerValidator;
import io.admin.auth.core.validation.JwtClaims;
import io.admin.auth.core.validation.JwtHeader;
import io.admin.auth.core.validation.JwtValidation;
import io.admin.auth.core.validation.JwtValidators;
import io.admin.auth.core.validation.TokenKind;
import io.admin.auth.core.validation.TokenValidator;
import io.admin.auth.core.validation.ValidationResult;
import io.admin.auth.core.verify.AccessTokenVerifier;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies access tokens of one {@link TrustedIssuer} (RFC 9068 section 4, RFC 8725) with the rules
 * of {@link JwtValidators#thirdPartyAccessToken}: a JWS whose {@code alg} the issuer allows, with an
 * accepted {@code typ}, without {@code jwk}/{@code jku}/{@code x5u}/{@code x5c}/{@code crit}
 * headers, {@code iss} equal to the issuer (checked before any key is fetched), a signature by a key
 * of the issuer's JWK Set, {@code exp} (required), {@code nbf} and {@code iat} within the clock skew,
 * then an accepted audience. The principal is {@link AuthMethod#BEARER}, {@link
 * AuthPrincipal#thirdParty() third-party} (so its {@link AuthPrincipal#identity() identity} is
 * qualified by the issuer and never equals a local subject), with the issuer set and the subject,
 * client id and scopes read through the issuer's {@link ClaimMapping} (which drops the library's
 * own scopes unless it grants them).
 *
 * <p>Bad tokens are {@link AuthOutcome.Rejected} ({@code AUTH_TOKEN_EXPIRED} with
 * {@code issued_at}/{@code expired_at}, {@code AUTH_TOKEN_NOT_YET_VALID}, else
 * {@code AUTH_TOKEN_INVALID}); a provider that cannot be reached while no usable keys are cached
 * throws {@link io.admin.auth.core.AuthUnavailableException}. Thread-safe.
 */
public final class FederatedTokenVerifier implements BearerTokenVerifier {

  /** Tokens longer than this are refused before parsing. */
  public static final int MAX_TOKEN_CHARS = 32 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FederatedTokenVerifier.class);
  private static final Set<String> NON_EXTRA_CLAIMS = Set.of("iss", "sub", "exp", "scope");

  private final TrustedIssuer issuer;
  private final Clock clock;
  private final HttpClient client;
  private final IssuerDiscovery discovery;
  private final JwtValidation rules;
  // The same rule as in rules.claims(), run once more before the signature: a token naming another
  // issuer must not make us fetch keys.
  private final TokenValidator<JwtClaims> issuerRule;
  private volatile RemoteJwkSetCache cache;
  private final AuthObserver observer;

  private FederatedTokenVerifier(TrustedIssuer issuer, Clock clock, HttpClient client,
      AuthObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = Objects.requireNonNull(client, "client");
    this.discovery = new IssuerDiscovery(issuer, new BoundedHttpFetcher(client,
        issuer.jwksCache().readTimeout(), issuer.jwksCache().maxResponseBytes()), clock);
    this.rules = JwtValidators.thirdPartyAccessToken(issuer.issuer(), issuer.audiences(),
        issuer.algorithms(), issuer.acceptJwtTyp(), issuer.clockSkew(), clock);
    this.issuerRule = new IssuerValidator(issuer.issuer(), TokenKind.THIRD_PARTY_ACCESS_TOKEN);
  }

  /**
   * A verifier with its own HTTP client. Nothing is fetched before the first token arrives.
   *
   * @param issuer the issuer and how to check its tokens
   * @param clock the clock of expiry checks and cache freshness
   * @return the verifier; nothing is fetched yet
   */
  public static FederatedTokenVerifier create(TrustedIssuer issuer, Clock clock) {
    return new FederatedTokenVerifier(issuer, clock,
        BoundedHttpFetcher.defaultClient(issuer.jwksCache().connectTimeout()), AuthObserver.noop());
  }

  /**
   * A verifier fetching through {@code client} (which should not follow redirects).
   *
   * @param issuer the issuer and how to check its tokens
   * @param clock the clock of expiry checks and cache freshness
   * @param client the client for discovery and JWK Set fetches
   * @return the verifier; nothing is fetched yet
   */
  public static FederatedTokenVerifier create(TrustedIssuer issuer, Clock clock, HttpClient client) {
    return new FederatedTokenVerifier(issuer, clock, client, AuthObserver.noop());
  }

  /**
   * A verifier fetching through {@code client}, or its own client when {@code null}, that tells
   * {@code observer} of every JWK Set fetch, tagged with the issuer.
   *
   * @param issuer the issuer and how to check its tokens
   * @param clock the clock of expiry checks and cache freshness
   * @param client the client for discovery and JWK Set fetches, or {@code null}
   * @param observer told of every JWK Set fetch; required
   * @return the verifier; nothing is fetched yet
   */
  public static FederatedTokenVerifier create(TrustedIssuer issuer, Clock clock, HttpClient client,
      AuthObserver observer) {
    return new FederatedTokenVerifier(issuer, clock, client != null ? client
        : BoundedHttpFetcher.defaultClient(issuer.jwksCache().connectTimeout()), observer);
  }

  /**
   * The configuration this verifier enforces.
   *
   * @return the issuer's settings
   */
  public TrustedIssuer trustedIssuer() {
    return issuer;
  }

  @Override
  public AuthOutcome verify(String accessToken) {
    Optional<SignedJWT> jwt = parse(accessToken);
    return jwt.isEmpty() ? invalid("The access token is malformed.") : verifyParsed(jwt.get());
  }

  /** Parses a compact JWS of acceptable size; empty for anything else (JWE, unsecured, junk). */
  static Optional<SignedJWT> parse(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    try {
      return Optional.of(SignedJWT.parse(token));
    } catch (ParseException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Verifies an already parsed token (the router parses once). */
  AuthOutcome verifyParsed(SignedJWT jwt) {
    ValidationResult header = rules.header().validate(JwtHeader.of(jwt.getHeader().toJSONObject()));
    if (!header.isValid()) {
      return rejected(header);
    }
    JWTClaimsSet claimsSet;
    try {
      claimsSet = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return invalid("The access token is malformed.");
    }
    JwtClaims claims = new NimbusClaims(claimsSet);
    ValidationResult fromIssuer = issuerRule.validate(claims);
    if (!fromIssuer.isValid()) {
      return rejected(fromIssuer);
    }
    String kid = jwt.getHeader().getKeyID();
    if (!issuer.acceptTestKeys() && kid != null
        && kid.startsWith(AccessTokenVerifier.TEST_KEY_ID_PREFIX)) {
      return invalid("The access token is signed with a test key (kid starting with "
          + AccessTokenVerifier.TEST_KEY_ID_PREFIX + "), which this verifier does not accept.");
    }
    if (!signatureVerifies(jwt)) {
      return invalid("The access token signature or key is not valid.");
    }
    // Lifetime before audience, as this verifier has always answered: a token both expired and
    // for another audience is AUTH_TOKEN_EXPIRED, with its details.
    ValidationResult result = rules.lifetime().validate(claims);
    if (result.isValid()) {
      result = rules.claims().validate(claims);
    }
    return result.isValid() ? principal(claimsSet) : rejected(result);
  }

  private boolean signatureVerifies(SignedJWT jwt) {
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    String kid = jwt.getHeader().getKeyID();
    List<JWK> candidates = cache().keys(kid).stream()
        .filter(k -> JwsSignatures.compatible(k, alg))
        .toList();
    if (kid == null && candidates.size() != 1) {
      // Without a kid only an unambiguous set is tried, so a token cannot make us try every key.
      LOG.debug("token of {} without kid and {} candidate keys", issuer.issuer(), candidates.size());
      return false;
    }
    for (JWK key : candidates) {
      if (JwsSignatures.verify(jwt, key)) {
        return true;
      }
    }
    LOG.debug("no key of {} verifies the token (kid {})", issuer.issuer(), kid);
    return false;
  }

  private AuthOutcome principal(JWTClaimsSet claims) {
    Map<String, Object> json = claims.toJSONObject();
    ClaimMapping mapping = issuer.claims();
    Optional<String> subject = mapping.subject(json);
    if (subject.isEmpty()) {
      return invalid("The access token has no subject.");
    }
    Map<String, Object> extra = new LinkedHashMap<>(json);
    extra.keySet().removeAll(NON_EXTRA_CLAIMS);
    return AuthOutcome.authenticated(new AuthPrincipal(subject.get(), mapping.clientId(json).orElse(null),
        mapping.scopes(json), issuer.issuer(), claims.getExpirationTime().toInstant(),
        AuthMethod.BEARER, extra, true));
  }

  private RemoteJwkSetCache cache() {
    RemoteJwkSetCache c = cache;
    if (c == null) {
      synchronized (this) {
        c = cache;
        if (c == null) {
          c = RemoteJwkSetCache.create(issuer.jwksUri().orElseGet(discovery::jwksUri),
              issuer.allowInsecureLoopback(), issuer.jwksCache(), clock, client, issuer.issuer(),
              observer);
          cache = c;
        }
      }
    }
    return c;
  }

  private static AuthOutcome rejected(ValidationResult result) {
    return AuthOutcome.rejected(((ValidationResult.Rejected) result).error());
  }

  private static AuthOutcome invalid(String message) {
    return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, message);
  }

  @Override
  public String toString() {
    return "FederatedTokenVerifier[" + issuer.issuer() + "]";
  }
}
