package io.admin.auth.core.federation;

import io.admin.auth.core.internal.jose.JwsSignatures;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.verify.BearerTokenVerifier;
import java.net.http.HttpClient;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies access tokens of one {@link TrustedIssuer} (RFC 9068 section 4, RFC 8725): a JWS whose
 * {@code alg} the issuer allows, without {@code jwk}/{@code jku}/{@code x5u}/{@code x5c}/{@code crit}
 * headers, with an accepted {@code typ}, {@code iss} equal to the issuer, a signature by a key of
 * the issuer's JWK Set, {@code exp} (required), {@code nbf} and {@code iat} within the clock skew, and an
 * accepted audience. The principal is {@link AuthMethod#BEARER} with the issuer set and the
 * subject, client id and scopes read through the issuer's {@link ClaimMapping}.
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
  // Headers that would let the token name its own key (RFC 8725 section 3.10 and 2.8).
  private static final List<String> KEY_HEADERS = List.of("jwk", "jku", "x5u", "x5c");
  private static final JOSEObjectType AT_JWT = new JOSEObjectType("at+jwt");
  private static final Set<String> NON_EXTRA_CLAIMS = Set.of("iss", "sub", "exp", "scope");

  private final TrustedIssuer issuer;
  private final Clock clock;
  private final HttpClient client;
  private final IssuerDiscovery discovery;
  private volatile RemoteJwkSetCache cache;

  private FederatedTokenVerifier(TrustedIssuer issuer, Clock clock, HttpClient client) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.client = Objects.requireNonNull(client, "client");
    this.discovery = new IssuerDiscovery(issuer, new BoundedHttpFetcher(client,
        issuer.jwksCache().readTimeout(), issuer.jwksCache().maxResponseBytes()), clock);
  }

  /** A verifier with its own HTTP client. Nothing is fetched before the first token arrives. */
  public static FederatedTokenVerifier create(TrustedIssuer issuer, Clock clock) {
    return new FederatedTokenVerifier(issuer, clock,
        BoundedHttpFetcher.defaultClient(issuer.jwksCache().connectTimeout()));
  }

  /** A verifier fetching through {@code client} (which should not follow redirects). */
  public static FederatedTokenVerifier create(TrustedIssuer issuer, Clock clock, HttpClient client) {
    return new FederatedTokenVerifier(issuer, clock, client);
  }

  /** The configuration this verifier enforces. */
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
    JWSHeader header = jwt.getHeader();
    Optional<String> headerProblem = headerProblem(header);
    if (headerProblem.isPresent()) {
      return invalid(headerProblem.get());
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      return invalid("The access token is malformed.");
    }
    if (!issuer.issuer().equals(claims.getIssuer())) {
      return invalid("The access token is not from this issuer.");
    }
    if (!signatureVerifies(jwt)) {
      return invalid("The access token signature or key is not valid.");
    }
    return checkClaims(claims);
  }

  private Optional<String> headerProblem(JWSHeader header) {
    JWSAlgorithm alg = header.getAlgorithm();
    if (alg == null || !issuer.algorithms().contains(alg.getName())) {
      return Optional.of("The access token algorithm is not accepted.");
    }
    Map<String, Object> fields = header.toJSONObject();
    for (String name : KEY_HEADERS) {
      if (fields.containsKey(name)) {
        return Optional.of("The access token names its own key, which is not accepted.");
      }
    }
    if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
      return Optional.of("The access token has critical headers that are not understood.");
    }
    JOSEObjectType typ = header.getType();
    boolean atJwt = typ != null && (AT_JWT.toString().equalsIgnoreCase(typ.toString())
        || "application/at+jwt".equalsIgnoreCase(typ.toString()));
    boolean plainJwt = typ == null || "JWT".equalsIgnoreCase(typ.toString());
    if (!atJwt && !(plainJwt && issuer.acceptJwtTyp())) {
      return Optional.of("The access token type is not accepted.");
    }
    return Optional.empty();
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

  private AuthOutcome checkClaims(JWTClaimsSet claims) {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) {
      return invalid("The access token has no expiry.");
    }
    // RFC 7519 4.1.4: the current time MUST be before exp; the same edge as our own verifier.
    if (!now.isBefore(exp.toInstant().plus(issuer.clockSkew()))) {
      AuthError error = AuthError.of(AuthErrorCode.AUTH_TOKEN_EXPIRED, "The access token has expired.");
      if (claims.getIssueTime() != null) {
        error = error.withDetail("issued_at", claims.getIssueTime().toInstant().toString());
      }
      return AuthOutcome.rejected(error.withDetail("expired_at", exp.toInstant().toString()));
    }
    Date nbf = claims.getNotBeforeTime();
    Date iat = claims.getIssueTime();
    // A token issued in the future (beyond skew) is as suspect as one not yet valid.
    if ((nbf != null && now.plus(issuer.clockSkew()).isBefore(nbf.toInstant()))
        || (iat != null && now.plus(issuer.clockSkew()).isBefore(iat.toInstant()))) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID,
          "The access token is not valid yet.");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || audiences.stream().noneMatch(issuer.audiences()::contains)) {
      return invalid("The access token is not meant for this audience.");
    }
    Map<String, Object> json = claims.toJSONObject();
    ClaimMapping mapping = issuer.claims();
    Optional<String> subject = mapping.subject(json);
    if (subject.isEmpty()) {
      return invalid("The access token has no subject.");
    }
    Map<String, Object> extra = new LinkedHashMap<>(json);
    extra.keySet().removeAll(NON_EXTRA_CLAIMS);
    return AuthOutcome.authenticated(new AuthPrincipal(subject.get(), mapping.clientId(json).orElse(null),
        mapping.scopes(json), issuer.issuer(), exp.toInstant(), AuthMethod.BEARER, extra));
  }

  private RemoteJwkSetCache cache() {
    RemoteJwkSetCache c = cache;
    if (c == null) {
      synchronized (this) {
        c = cache;
        if (c == null) {
          c = RemoteJwkSetCache.create(issuer.jwksUri().orElseGet(discovery::jwksUri),
              issuer.allowInsecureLoopback(), issuer.jwksCache(), clock, client);
          cache = c;
        }
      }
    }
    return c;
  }

  private static AuthOutcome invalid(String message) {
    return AuthOutcome.rejected(AuthErrorCode.AUTH_TOKEN_INVALID, message);
  }

  @Override
  public String toString() {
    return "FederatedTokenVerifier[" + issuer.issuer() + "]";
  }
}
