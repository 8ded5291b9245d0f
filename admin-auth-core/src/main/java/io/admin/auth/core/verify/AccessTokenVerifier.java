package io.admin.auth.core.verify;

import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.internal.jose.StrictJson;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.SignedHeaders;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.spi.RevocationStore;
import java.nio.charset.StandardCharsets;
import java.security.Key;
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
 * {@code now < nbf - skew} or {@code now < iat - skew}.
 *
 * <p>Verified-token cache (on by default, see {@link AccessTokenVerifierBuilder#cacheMaxEntries}):
 * a token that passed every check is remembered, keyed by the whole token string; a repeat skips
 * the signature check and claim parsing but still gets the time checks (so a hit never outlives
 * {@code exp}, and gets the same {@code AUTH_TOKEN_EXPIRED} answer), the revocation lookup, and a
 * check that the key that verified it is still the key the resolver returns for its {@code kid}
 * (a key that left the ring takes its tokens with it). Answers with and without the cache are
 * identical. Thread-safe.
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
  private final VerifiedTokenCache cache;
  private final SignedHeaders headers = new SignedHeaders();

  /** Finds the verification key for a {@code kid}; the token service backs it with its key ring. */
  @FunctionalInterface
  public interface KeyResolver {
    /** The key for {@code kid}, or empty when unknown. */
    Optional<SigningKey> find(String kid);
  }

  AccessTokenVerifier(String issuer, String audience, Clock clock, Duration skew, KeyResolver keys,
      RevocationStore revocations, AuditListener audit, JwsCrypto crypto,
      VerifiedTokenCache cache) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.skew = Objects.requireNonNull(skew, "skew");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.revocations = Objects.requireNonNull(revocations, "revocations");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.crypto = Objects.requireNonNull(crypto, "crypto");
    this.cache = cache;
  }

  /** A builder; {@code issuer}, {@code keys} and {@code revocationStore} are required. */
  public static AccessTokenVerifierBuilder builder() {
    return new AccessTokenVerifierBuilder();
  }

  /** Verifies {@code token}: see the class comment for every check. */
  public AuthOutcome verify(String token) {
    Checked checked = check(token, true);
    return checked.error() != null ? AuthOutcome.rejected(checked.error()) : checked.outcome();
  }

  /**
   * Forgets every cached token whose verifying key the resolver no longer returns for its kid, at
   * once rather than on the token's next use (the token service calls it when its key ring
   * changes). Returns how many were forgotten.
   */
  public int evictUntrustedKeys() {
    return cache == null ? 0 : cache.removeIf(key -> currentFor(key) == null);
  }

  /** How many verified tokens are cached (0 when the cache is off). */
  public int cachedTokens() {
    return cache == null ? 0 : cache.size();
  }

  /** The cache's estimated heap use in bytes, never above its byte bound (0 when off). */
  public long cachedBytes() {
    return cache == null ? 0 : cache.bytes();
  }

  /**
   * The claims of {@code token} when its header, signature, issuer and audience check out; with
   * {@code checkTimes} also expiry, not-before and revocation. For introspection and revocation,
   * which must never act on unverified claims. Empty for any token {@link #verify} would reject
   * (or, without {@code checkTimes}, reject for a reason other than time or revocation).
   *
   * @throws AuthUnavailableException when the revocation store or key store cannot be reached
   */
  public Optional<TokenClaims> verifiedClaims(String token, boolean checkTimes) {
    return Optional.ofNullable(check(token, checkTimes).claims());
  }

  /** The verified claims, or the error; {@code withTime=false} skips time and revocation checks. */
  Checked check(String token, boolean withTime) {
    try {
      if (cache != null && token != null) {
        VerifiedTokenCache.Entry hit = cache.get(token);
        if (hit != null) {
          Checked answer = checkHit(token, hit, withTime);
          if (answer != null) {
            return answer;
          }
        }
      }
      Checked checked = checkUnsafe(token, withTime);
      if (cache != null && withTime && checked.error() == null) {
        cache.put(token, new VerifiedTokenCache.Entry(checked.parsed(), checked.outcome(),
            checked.key(), VerifiedTokenCache.estimatedBytes(token)),
            clock.instant().getEpochSecond());
      }
      return checked;
    } catch (AuthUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // Defence in depth: a parser corner we did not foresee must still be a rejection, not a 500.
      LOG.debug("Unexpected failure verifying a token", e);
      return invalid("unexpected failure", token, null);
    }
  }

  // The cached answer, re-checked for what can change after verification: the key ring, the time
  // and the revocation store. Null means "verify from scratch" (the key is no longer current).
  private Checked checkHit(String token, VerifiedTokenCache.Entry cached, boolean withTime) {
    SigningKey current = currentFor(cached.key());
    if (current == null) {
      cache.remove(token, cached);
      return null;
    }
    VerifiedTokenCache.Entry hit = current == cached.key() ? cached
        : cache.rekey(token, cached, current);
    ParsedClaims claims = hit.claims();
    if (withTime) {
      AuthError timeError = checkTime(claims);
      if (timeError != null) {
        if (timeError.code() == AuthErrorCode.AUTH_TOKEN_EXPIRED) {
          cache.remove(token, hit);
        }
        return fail(timeError, "time", token, claims.jwtId());
      }
      if (revocations.isRevoked(claims.jwtId(), claims.familyId())) {
        cache.remove(token, hit);
        return revoked(token, claims);
      }
    }
    return new Checked(claims, hit.outcome(), hit.key(), null);
  }

  // The key the resolver returns now for the cached key's kid when it is the same key material,
  // else null. Often a new object with equal material: a persistent key store decodes its keys
  // again on every reload, which must not empty the cache every minute.
  private SigningKey currentFor(SigningKey cached) {
    SigningKey current = keys.find(cached.kid()).orElse(null);
    if (current == cached) {
      return current;
    }
    if (current == null || current.algorithm() != cached.algorithm()) {
      return null;
    }
    Key now = current.verificationKey();
    return now == cached.verificationKey() || now.equals(cached.verificationKey()) ? current : null;
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
    SignedHeaders.Header known = headers.find(token, d1);
    SigningAlgorithm alg;
    String kid;
    if (known != null) {
      alg = known.alg();
      kid = known.kid();
    } else {
      Map<String, Object> header = jsonPart(token, 0, d1);
      if (header == null) {
        return invalid("malformed header", token, null);
      }
      Optional<SigningAlgorithm> named = header.get(ClaimNames.HEADER_ALG) instanceof String a
          ? SigningAlgorithm.fromJwsName(a) : Optional.empty();
      if (named.isEmpty()) {
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
      if (!(header.get(ClaimNames.HEADER_KID) instanceof String k)) {
        return invalid("missing kid", token, null);
      }
      alg = named.get();
      kid = k;
    }
    Optional<SigningKey> key = keys.find(kid);
    if (key.isEmpty()) {
      return invalid("unknown kid", token, null);
    }
    if (key.get().algorithm() != alg) {
      return invalid("alg not made for this key", token, null);
    }
    byte[] signature = Base64Url.decodeStrict(token, d2 + 1, token.length());
    if (signature == null) {
      return invalid("malformed signature", token, null);
    }
    // US-ASCII as before: a non-ASCII char becomes '?', which no base64url decoder accepts. The
    // whole token is encoded once; the signing input is its first d2 bytes.
    byte[] input = token.getBytes(StandardCharsets.US_ASCII);
    if (!crypto.verify(key.get(), input, d2, signature)) {
      return invalid("bad signature", token, null);
    }
    if (known == null) {
      headers.add(token.substring(0, d1), alg, kid);
    }
    Map<String, Object> payload = payload(input, d1 + 1, d2);
    ParsedClaims claims = payload == null ? null : ParsedClaims.parse(payload);
    if (claims == null) {
      return invalid("missing or malformed claims", token, null);
    }
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
        return revoked(token, claims);
      }
    }
    AuthPrincipal principal = new AuthPrincipal(claims.subject(), claims.clientId(), claims.scopes(),
        claims.issuer(), claims.expiresAt(), AuthMethod.BEARER, payload);
    return new Checked(claims, new AuthOutcome.Authenticated(principal), key.get(), null);
  }

  private AuthError checkTime(ParsedClaims claims) {
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

  // The claims from the signing input's bytes: the fast parser for ASCII JSON, Json for the rest.
  private static Map<String, Object> payload(byte[] input, int from, int to) {
    byte[] bytes = Base64Url.decodeStrict(input, from, to);
    if (bytes == null) {
      return null;
    }
    Map<String, Object> fast = StrictJson.parseAscii(bytes);
    if (fast != null) {
      return fast;
    }
    String text = Base64Url.utf8(bytes);
    return text == null ? null : Json.parseObject(text).orElse(null);
  }

  private static Map<String, Object> jsonPart(String token, int from, int to) {
    String text = Base64Url.decodeText(token, from, to);
    if (text == null) {
      return null;
    }
    Map<String, Object> fast = StrictJson.parseObject(text);
    return fast != null ? fast : Json.parseObject(text).orElse(null);
  }

  private Checked revoked(String token, ParsedClaims claims) {
    return fail(AuthError.of(AuthErrorCode.AUTH_TOKEN_REVOKED,
        "The access token has been revoked."), "revoked", token, claims.jwtId());
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
    return new Checked(null, null, null, error);
  }

  /** Either verified claims (with the answer and the key that verified them) or an error. */
  record Checked(ParsedClaims parsed, AuthOutcome.Authenticated outcome, SigningKey key,
      AuthError error) {

    /** The verified claims as the public record (built on demand), or {@code null} on error. */
    TokenClaims claims() {
      return parsed == null ? null : parsed.toTokenClaims(outcome.principal().claims());
    }
  }
}
