package io.admin.auth.core.verify;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.observe.AuthObserver;
import io.admin.auth.core.spi.RevocationStore;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.validation.JwtValidation;
import io.admin.auth.core.validation.JwtValidators;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies bearer access tokens (RFC 9068 section 4, RFC 8725 best practices) and answers with an
 * {@link AuthOutcome}: {@code Authenticated} with a {@link AuthMethod#BEARER} principal, or
 * {@code Rejected} with the contract code. It never throws for bad input; only an unreachable
 * store throws {@link AuthUnavailableException}.
 *
 * <p>Checks, in order: size ({@value #MAX_TOKEN_CHARS} chars), compact form, canonical base64url,
 * header JSON without duplicate members, the header rules of
 * {@link JwtValidators#ownAccessToken} ({@code alg} known, never {@code none}; {@code typ}
 * {@code at+jwt} or {@code application/at+jwt}, case-insensitive; no {@code jwk}/{@code jku}/
 * {@code x5u}/{@code x5c}; no {@code crit}, as no extension is understood), {@code kid} known and
 * made for that {@code alg}, signature, claims typed, then its claim rules (required claims,
 * {@code iss}, {@code aud}), then its lifetime rules and the revocation store.
 *
 * <p>Time: a token is expired when {@code now >= exp + skew} (so with zero skew, exactly at
 * {@code exp} is expired, as RFC 7519 4.1.4 requires), and not yet valid when
 * {@code now < nbf - skew} or {@code now < iat - skew}.
 *
 * <p>Verified-token cache (on by default, see {@link AccessTokenVerifierBuilder#cacheMaxEntries}):
 * a token that passed every check is remembered, keyed by the whole token (a hit is the same
 * string, found through a secret-keyed hash, see {@code TokenKey}); a repeat skips
 * the signature check and claim parsing but still gets the time checks (so a hit never outlives
 * {@code exp}, and gets the same {@code AUTH_TOKEN_EXPIRED} answer), the revocation lookup, and a
 * check that the key that verified it is still the key the resolver returns for its {@code kid}
 * (a key that left the ring takes its tokens with it). Answers with and without the cache are
 * identical. Once full, the cache keeps the tokens that recur rather than one-off ones (see
 * {@code VerifiedTokenCache}). Thread-safe.
 *
 * <p>This class wires the steps; each lives in its own package-private class: {@code KeySelector}
 * (header rules and key choice), {@code SignatureCheck}, {@code ClaimsCheck} (claim rules),
 * {@code Liveness} (lifetime rules and revocation), {@code CachedVerifications} and {@code VerificationAudit}.
 */
public final class AccessTokenVerifier implements BearerTokenVerifier {

  /** Tokens longer than this are rejected before any parsing. */
  public static final int MAX_TOKEN_CHARS = 8192;

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);

  private final String issuer;
  private final KeySelector keys;
  private final SignatureCheck signatures;
  private final ClaimsCheck claims;
  private final VerificationAudit audit;
  private final CachedVerifications cache;

  /**
   * The {@code kid} prefix of keys made for tests (the testkit's {@code TestKeys} and the
   * command-line minter's key file). A verifier refuses them unless built with {@link
   * AccessTokenVerifierBuilder#acceptTestKeys(boolean)}, so a test key wired into production by
   * mistake is refused with a message saying so instead of quietly trusted.
   */
  public static final String TEST_KEY_ID_PREFIX = "test-";

  /** Finds the verification key for a {@code kid}; the token service backs it with its key ring. */
  @FunctionalInterface
  public interface KeyResolver {
    /**
     * The key for {@code kid}, or empty when unknown.
     *
     * @param kid the {@code kid} of the token header
     * @return the key, or empty when unknown
     */
    Optional<SigningKey> find(String kid);
  }

  AccessTokenVerifier(String issuer, String audience, Clock clock, Duration skew, KeyLookup keys,
      RevocationStore revocations, AuditListener audit, JwsCrypto crypto,
      VerifiedTokenCache cache, boolean acceptTestKeys, AccessTokenType type,
      AuthObserver observer) {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(skew, "skew");
    Objects.requireNonNull(keys, "keys");
    Objects.requireNonNull(revocations, "revocations");
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(crypto, "crypto");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(observer, "observer");
    this.issuer = issuer;
    JwtValidation rules = JwtValidators.ownAccessToken(issuer, audience, skew, clock, type);
    this.keys = new KeySelector(keys, rules.header(), acceptTestKeys);
    this.signatures = new SignatureCheck(crypto);
    this.audit = new VerificationAudit(audit, clock);
    Liveness liveness = new Liveness(rules.lifetime(), revocations, this.audit);
    ClaimCanon canon = new ClaimCanon(issuer, audience);
    // Only the JWT mode has a rule on untyped claims (the ID-token ones).
    this.claims = new ClaimsCheck(rules.claims(), liveness, this.audit, canon,
        type == AccessTokenType.JWT);
    this.cache = cache == null ? null
        : new CachedVerifications(cache, this.keys, liveness, clock, new EntryFootprint(canon),
            observer);
  }

  /**
   * A builder; {@code issuer}, {@code keys} and {@code revocationStore} are required.
   *
   * @return a new builder with every default
   */
  public static AccessTokenVerifierBuilder builder() {
    return new AccessTokenVerifierBuilder();
  }

  /**
   * A builder for a resource server that holds only the issuer's public keys (a JWK Set file or
   * the issuer's JWKS URL): {@code issuer} and {@code publicKeys} are required, and nothing in it
   * takes a private key.
   *
   * @return a new builder with every default
   */
  public static ResourceServerVerifierBuilder resourceServer() {
    return new ResourceServerVerifierBuilder();
  }

  /**
   * The {@code iss} every accepted token carries.
   *
   * @return the issuer URL
   */
  public String issuer() {
    return issuer;
  }

  /** Verifies {@code token}: see the class comment for every check. */
  @Override
  public AuthOutcome verify(String token) {
    Checked checked = check(token, true);
    return checked.error() != null ? AuthOutcome.rejected(checked.error()) : checked.outcome();
  }

  /**
   * Forgets every cached token whose verifying key the resolver no longer returns for its kid, at
   * once rather than on the token's next use (the token service calls it when its key ring
   * changes). Returns how many were forgotten.
   *
   * @return how many cached tokens were forgotten
   */
  public int evictUntrustedKeys() {
    return cache == null ? 0 : cache.evictUntrustedKeys();
  }

  /**
   * How many verified tokens are cached (0 when the cache is off).
   *
   * @return the number of cached tokens, at least 0
   */
  public int cachedTokens() {
    return cache == null ? 0 : cache.size();
  }

  /**
   * The cache's estimated heap use in bytes, never above its byte bound (0 when off).
   *
   * @return the estimate in bytes, at least 0
   */
  public long cachedBytes() {
    return cache == null ? 0 : cache.bytes();
  }

  /**
   * The claims of {@code token} when its header, signature, issuer and audience check out; with
   * {@code checkTimes} also expiry, not-before and revocation. For introspection and revocation,
   * which must never act on unverified claims. Empty for any token {@link #verify} would reject
   * (or, without {@code checkTimes}, reject for a reason other than time or revocation).
   *
   * @param token the compact token as presented
   * @param checkTimes {@code false} to accept an expired, not yet valid or revoked token
   * @return the verified claims, or empty
   * @throws AuthUnavailableException when the revocation store or key store cannot be reached
   */
  public Optional<TokenClaims> verifiedClaims(String token, boolean checkTimes) {
    return Optional.ofNullable(check(token, checkTimes).claims());
  }

  /** The verified claims, or the error; {@code withTime=false} skips time and revocation checks. */
  Checked check(String token, boolean withTime) {
    try {
      if (cache != null && token != null) {
        Checked hit = cache.check(token, withTime);
        if (hit != null) {
          return hit;
        }
      }
      Checked checked = verifyFully(token, withTime);
      if (cache != null && withTime && checked.error() == null) {
        cache.remember(token, checked);
      }
      return checked;
    } catch (AuthUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      // Defence in depth: a parser corner we did not foresee must still be a rejection, not a 500.
      LOG.debug("Unexpected failure verifying a token", e);
      return audit.invalid("unexpected failure", token, null);
    }
  }

  // Form, header and key, signature, claims, lifetime and revocation: each step's answer is final.
  private Checked verifyFully(String token, boolean withTime) {
    if (token == null || token.isEmpty()) {
      return audit.invalid("empty", token, null);
    }
    if (token.length() > MAX_TOKEN_CHARS) {
      return audit.invalid("too large", token, null);
    }
    int d1 = token.indexOf('.');
    int d2 = d1 < 0 ? -1 : token.indexOf('.', d1 + 1);
    if (d1 <= 0 || d2 < 0 || d2 == d1 + 1 || d2 == token.length() - 1
        || token.indexOf('.', d2 + 1) >= 0) {
      return audit.invalid("not a compact JWS", token, null);
    }
    KeySelector.Choice choice = keys.choose(token, d1);
    if (choice.failure() != null) {
      return audit.reject(choice.failure(), token, null);
    }
    // US-ASCII as before: a non-ASCII char becomes '?', which no base64url decoder accepts. The
    // whole token is encoded once; the signing input is its first d2 bytes.
    byte[] input = token.getBytes(StandardCharsets.US_ASCII);
    String badSignature = signatures.check(choice.key(), token, input, d2);
    if (badSignature != null) {
      return audit.invalid(badSignature, token, null);
    }
    keys.remember(choice);
    return claims.check(input, d1 + 1, d2, token, choice.key(), withTime);
  }
}
