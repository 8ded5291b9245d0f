package io.admin.auth.core.issue;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.TokenClaims;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.ClaimsWriter;

import io.admin.auth.core.crypto.RandomTokens;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.spi.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issues access tokens as RFC 9068 JWTs: header {@code typ=at+jwt} (or {@code JWT}, when built
 * with {@link AccessTokenType#JWT}), {@code alg}, {@code kid};
 * claims {@code iss sub aud exp iat nbf jti client_id scope} (plus {@code fid} when the token comes
 * from a refresh-token family). {@code nbf} equals {@code iat}; {@code jti} has 128 random bits.
 * Immutable and thread-safe.
 */
public final class AccessTokenIssuer {

  private static final int JTI_BYTES = 16;
  // RSA 4096 would be 512; every algorithm here is at most 256 (RSA 2048).
  private static final int MAX_SIGNATURE_BYTES = 512;

  private final String issuer;
  private final String audience;
  private final Clock clock;
  private final RandomTokens random;
  private final JwsCrypto crypto;
  private final AccessTokenType type;
  private volatile HeaderMemo lastHeader;

  /**
   * An issuer stamping {@code iss}/{@code aud} and {@code typ=at+jwt}, reading time from
   * {@code clock}.
   *
   * @param issuer the {@code iss} of every token
   * @param audience the single {@code aud} of every token
   * @param clock the time source of {@code iat}, {@code nbf} and {@code exp}
   * @param random the source of the {@code jti} values
   * @param crypto the JCA provider choice for signing
   */
  public AccessTokenIssuer(String issuer, String audience, Clock clock, RandomTokens random,
      JwsCrypto crypto) {
    this(issuer, audience, clock, random, crypto, AccessTokenType.AT_JWT);
  }

  /**
   * An issuer stamping {@code iss}/{@code aud} and the {@code typ} of {@code type}.
   *
   * @param issuer the {@code iss} of every token
   * @param audience the single {@code aud} of every token
   * @param clock the time source of {@code iat}, {@code nbf} and {@code exp}
   * @param random the source of the {@code jti} values
   * @param crypto the JCA provider choice for signing
   * @param type the {@code typ} header of every token
   */
  public AccessTokenIssuer(String issuer, String audience, Clock clock, RandomTokens random,
      JwsCrypto crypto, AccessTokenType type) {
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.audience = Objects.requireNonNull(audience, "audience");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.crypto = Objects.requireNonNull(crypto, "crypto");
    this.type = Objects.requireNonNull(type, "type");
  }

  /**
   * Issues a token valid from now for {@code ttl}, signed with {@code key}.
   *
   * @param familyId the refresh-token family, or {@code null}
   * @param key the active signing key; its {@code kid} goes into the header
   * @param subject the {@code sub} claim
   * @param clientId the {@code client_id} claim
   * @param scopes the granted scopes; {@code null} means none
   * @param ttl the lifetime, added to the current time for {@code exp}
   * @return the compact token and the claims it carries
   */
  public IssuedAccessToken issue(SigningKey key, String subject, String clientId,
      Set<String> scopes, Duration ttl, String familyId) {
    Instant now = clock.instant();
    TokenClaims claims = new TokenClaims(issuer, subject, List.of(audience), now.plus(ttl), now,
        now, random.next(JTI_BYTES), clientId, scopes, familyId, Map.of());
    return new IssuedAccessToken(sign(claims, key), claims);
  }

  /**
   * Signs arbitrary claims as an access token with {@code key} (for test kits and migrations; the
   * claims are not checked against this issuer's configuration).
   *
   * @param claims the claims to sign, as they are
   * @param key the signing key; its {@code kid} goes into the header
   * @return the compact JWS
   */
  public String sign(TokenClaims claims, SigningKey key) {
    // Assembled in one buffer: header '.' claims, signed in place, then '.' signature appended.
    byte[] header = encodedHeader(key);
    byte[] json = ClaimsWriter.write(claims).getBytes(StandardCharsets.UTF_8);
    int inputLength = header.length + 1 + Base64Url.encodedLength(json.length);
    byte[] out = new byte[inputLength + 1 + Base64Url.encodedLength(MAX_SIGNATURE_BYTES)];
    System.arraycopy(header, 0, out, 0, header.length);
    out[header.length] = '.';
    Base64Url.encodeInto(json, out, header.length + 1);
    byte[] sig = crypto.sign(key, out, inputLength);
    if (sig.length > MAX_SIGNATURE_BYTES) {
      throw new IllegalStateException("unexpected signature size " + sig.length);
    }
    out[inputLength] = '.';
    int end = Base64Url.encodeInto(sig, out, inputLength + 1);
    return new String(out, 0, end, StandardCharsets.ISO_8859_1);
  }

  // The header is the same for every token of a key: encode it once per key (the last key used,
  // which is the active one nearly always).
  private byte[] encodedHeader(SigningKey key) {
    HeaderMemo memo = lastHeader;
    if (memo != null && memo.key() == key) {
      return memo.encoded();
    }
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(ClaimNames.HEADER_ALG, key.algorithm().jwsName());
    header.put(ClaimNames.HEADER_TYP, type.headerValue());
    header.put(ClaimNames.HEADER_KID, key.kid());
    byte[] encoded = Base64Url.encode(Json.write(header).getBytes(StandardCharsets.UTF_8))
        .getBytes(StandardCharsets.US_ASCII);
    lastHeader = new HeaderMemo(key, encoded);
    return encoded;
  }

  // Never handed out: the array is only copied from.
  private record HeaderMemo(SigningKey key, byte[] encoded) {}

  /**
   * A freshly issued token and its claims.
   *
   * @param token the compact JWS; never printed by {@link #toString()}
   * @param claims what it carries
   */
  public record IssuedAccessToken(String token, TokenClaims claims) {
    /**
     * Requires the token and its claims.
     *
     * @param token the compact JWS; required
     * @param claims the claims it carries; required
     */
    public IssuedAccessToken {
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(claims, "claims");
    }

    @Override
    public String toString() {
      return "IssuedAccessToken[token=**********, jti=" + claims.jwtId() + "]";
    }
  }
}
