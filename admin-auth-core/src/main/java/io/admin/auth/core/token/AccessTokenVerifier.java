package io.admin.auth.core.token;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.Principal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.json.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.key.SigningAlgorithm;
import io.admin.auth.core.key.SigningKey;
import io.admin.auth.core.spi.AuditListener;
import io.admin.auth.core.spi.RevocationStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer access tokens (RFC 9068 section 4, RFC 8725 best practices) and answers with an
 * {@link AuthOutcome}: {@code Authenticated} with a {@link AuthMethod#BEARER} principal, or
 * {@code Rejected} with the contract code. It never throws for bad input; only an unreachable
 * store throws {@link AuthUnavailableException}.
 *
 * <p>Checks, in order: size ({@value #MAX_TOKEN_CHARS} chars), compact form, canonical base64url,
 * header JSON without duplicate members, {@code alg} known (never {@code none}), {@code typ}
 * {@code at+jwt} or {@code application/at+jwt} (case-insensitive), no {@code jwk}/{@code jku}/
 * {@code x5u}/{@code x5c}, no {@code crit} (no extension is understood), {@code kid} known and made
 * for that {@code alg}, signature, required claims, {@code iss}, {@code aud}, then time and the
 * revocation store.
 *
 * <p>Time: a token is expired when {@code now >= exp + skew} (so with zero skew, exactly at
 * {@code exp} is expired, as RFC 7519 4.1.4 requires), and not yet valid when
 * {@code now < nbf - skew} or {@code now < iat - skew}. Immutable and thread-safe.
 */
public final class AccessTokenVerifier {

  /** Tokens longer than this are rejected before any parsing. */
  public static final int MAX_TOKEN_CHARS = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);
  private static final Set<String> FORBIDDEN_HEADERS = Set.of("jwk", "jku", "x5u", "x5c");
  private static final String APPLICATION_AT_JWT = "application/" + ClaimNames.ACCESS_TOKEN_TYP;

  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final Duration skew;
  private final KeyResolver keys;
  private final RevocationStore revocations;
  private final AuditListener audit;
  private final JwsCrypto crypto;

  /** Finds the verification key for a {@code kid}; the token service backs it with its key ring. */
  @FunctionalInterface
  public interface KeyResolver {
    /** The key for {@code kid}, or empty when unknown. */
    Optional<SigningKey> find(String kid);
  }

  AccessTokenVerifier(String issuer, String audience, Clock clock, Duration skew, KeyResolver keys,
      RevocationStore revocations, AuditListener audit, JwsCrypto crypto) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.revocations = Objects.requireNonNull(revocations, "revocations");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.crypto = Objects.requireNonNull(crypto, "crypto");
  }

  /** A builder; {@code issuer}, {@code keys} and {@code revocationStore} are required. */
  public static AccessTokenVerifierBuilder builder() {
    return new AccessTokenVerifierBuilder();
  }

  /** Verifies {@code token}: see the class comment for every check. */
  public AuthOutcome verify(String token) {
    Checked checked = check(token, true);
    if (checked.error() != null) {
      return AuthOutcome.rejected(checked.error());
    }
    TokenClaims c = checked.claims();
    Principal principal = new Principal(c.subject(), c.clientId(), c.scopes(), c.issuer(),
        c.expiresAt(), AuthMethod.BEARER, checked.rawClaims());
    return AuthOutcome.authenticated(principal);
  }

  /** The verified claims, or the error; {@code withTime=false} skips time and revocation checks. */
  Checked check(String token, boolean withTime) {
    try {
      return checkUnsafe(token, withTime);
    } catch (AuthUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // Defence in depth: a parser corner we did not foresee must still be a rejection, not a 500.
      LOG.debug("Unexpected failure verifying a token", e);
      return invalid("unexpected failure", token, null);
    }
  }

  private Checked checkUnsafe(String token, boolean withTime) {
    if (token == null || token.isEmpty()) {
      return invalid("empty", token, null);
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return invalid("too large", token, null);
    }
    int d1 = token.indexOf('.');
    int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
    if (d1 <= 0 || d2 < 0 || d2 == d1 + 1 || d2 == token.length() - 1
        || token.indexOf('.', d2 + 1) >= 0) {
      return invalid("not a compact JWS", token, null);
    }
    Map<String, Object> header = jsonPart(token, 0, d1);
    if (header == null) {
      return invalid("malformed header", token, null);
    }
    Optional<SigningAlgorithm> alg = header.get(ClaimNames.HEADER_ALG) instanceof String a
        ? SigningAlgorithm.fromJwsName(a) : Optional.empty();
    if (alg.isEmpty()) {
      return invalid("unsupported alg", token, null);
    }
    if (!(header.get(ClaimNames.HEADER_TYP) instanceof String typ)
        || !(typ.equalsIgnoreCase(ClaimNames.ACCESS_TOKEN_TYP)
            || typ.equalsIgnoreCase(APPLICATION_AT_JWT))) {
      return invalid("wrong typ", token, null);
    }
    for (String name : FORBIDDEN_HEADERS) {
      if (header.containsKey(name)) {
        return invalid("forbidden header " + name, token, null);
      }
    }
    if (header.containsKey(ClaimNames.HEADER_CRIT)) {
      return invalid("unsupported crit", token, null);
    }
    if (!(header.get(ClaimNames.HEADER_KID) instanceof String kid)) {
      return invalid("missing kid", token, null);
    }
    Optional<SigningKey> key = keys.find(kid);
    if (key.isEmpty()) {
      return invalid("unknown kid", token, null);
    }
    if (key.get().algorithm() != alg.get()) {
      return invalid("alg not made for this key", token, null);
    }
    byte[] signature = Base64Url.decodeStrict(token, d2 + 1, token.length());
    if (signature == null) {
      return invalid("malformed signature", token, null);
    }
    byte[] input = token.substring(0, d2).getBytes(StandardCharsets.US_ASCII);
    if (!crypto.verify(key.get(), input, signature)) {
      return invalid("bad signature", token, null);
    }
    Map<String, Object> payload = jsonPart(token, d1 + 1, d2);
    Optional<TokenClaims> parsed = payload == null ? Optional.empty()
        : TokenClaims.fromJsonObject(payload);
    if (parsed.isEmpty()) {
      return invalid("missing or malformed claims", token, null);
    }
    TokenClaims claims = parsed.get();
    if (!issuer.equals(claims.issuer())) {
      return invalid("wrong iss", token, claims.jwtId());
    }
    if (!claims.audience().contains(audience)) {
      return invalid("wrong aud", token, claims.jwtId());
    }
    if (withTime) {
      AuthError timeError = checkTime(claims);
      if (timeError != null) {
        return fail(timeError, "time", token, claims.jwtId());
      }
      if (revocations.isRevoked(claims.jwtId(), claims.familyId())) {
        return fail(AuthError.of(AuthErrorCode.AUTH_TOKEN_REVOKED,
            "The access token has been revoked."), "revoked", token, claims.jwtId());
      }
    }
    return new Checked(claims, payload, null);
  }

  private AuthError checkTime(TokenClaims claims) {
    Instant now = clock.instant();
    if (!now.isBefore(claims.expiresAt().plus(skew))) {
      return AuthError.of(AuthErrorCode.AUTH_TOKEN_EXPIRED, "The access token has expired.")
          .withDetail("issued_at", claims.issuedAt().toString())
          .withDetail("expired_at", claims.expiresAt().toString());
    }
    boolean early = (claims.notBefore() != null && now.isBefore(claims.notBefore().minus(skew)))
        || now.isBefore(claims.issuedAt().minus(skew));
    return early ? AuthError.of(AuthErrorCode.AUTH_TOKEN_NOT_YET_VALID,
        "The access token is not valid yet.") : null;
  }

  private static Map<String, Object> jsonPart(String token, int from, int to) {
    byte[] bytes = Base64Url.decodeStrict(token, from, to);
    String text = bytes == null ? null : Base64Url.utf8(bytes);
    return text == null ? null : Json.parseObject(text).orElse(null);
  }

  private Checked invalid(String reason, String token, String jti) {
    return fail(AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
        "The access token is malformed or invalid."), reason, token, jti);
  }

  private Checked fail(AuthError error, String reason, String token, String jti) {
    try {
      audit.onEvent(new AuditEvent.VerificationFailed(clock.instant(), error.code(), reason,
          AuditEvent.fingerprint(token), jti));
    } catch (RuntimeException e) {
      LOG.warn("Audit listener failed", e);
    }
    return new Checked(null, null, error);
  }

  /** Either verified claims (and the raw claim map) or an error. */
  record Checked(TokenClaims claims, Map<String, Object> rawClaims, AuthError error) {}
}
