package io.admin.auth.testkit;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.TokenClaims;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One token being minted by {@link TestTokens}: defaults for everything, fluent setters for what a
 * test cares about, and the deliberately broken variants, each of which the real verifier rejects
 * with the contract code named on the method. Not thread-safe (a builder); {@link #sign()} may be
 * called repeatedly, each time with a new {@code jti}.
 *
 * <p>Defaults: subject {@value #DEFAULT_SUBJECT}, client id {@value #DEFAULT_CLIENT_ID}, no
 * scopes, the minter's issuer and audience, valid from now for {@link #DEFAULT_LIFETIME}.
 */
public final class TestToken {

  /** Default {@code sub}. */
  public static final String DEFAULT_SUBJECT = "test-subject";
  /** Default {@code client_id}. */
  public static final String DEFAULT_CLIENT_ID = "test-client";
  /** Default lifetime: five minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
  /** How far outside its validity window a broken-time token is: far beyond any allowed skew. */
  public static final Duration BROKEN_TIME_OFFSET = Duration.ofHours(1);

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final TestTokens minter;
  private String subject = DEFAULT_SUBJECT;
  private String clientId = DEFAULT_CLIENT_ID;
  private final Set<String> scopes = new LinkedHashSet<>();
  private String issuer;
  private List<String> audience;
  private Duration lifetime = DEFAULT_LIFETIME;
  private Instant issuedAt;
  private final Map<String, Object> claims = new LinkedHashMap<>();
  private Breakage breakage = Breakage.NONE;

  private enum Breakage { NONE, EXPIRED, NOT_YET_VALID, UNKNOWN_KEY, TAMPERED, ALG_NONE }

  TestToken(TestTokens minter) {
    this.minter = minter;
    this.issuer = minter.issuer();
    this.audience = List.of(minter.audience());
  }

  /**
   * The {@code sub}.
   *
   * @param subject the person or client the token is about; not blank
   * @return this builder
   */
  public TestToken subject(String subject) {
    this.subject = TokenArguments.requireText(subject, "subject");
    return this;
  }

  /**
   * The {@code client_id}.
   *
   * @param clientId the client the token was issued to; not blank
   * @return this builder
   */
  public TestToken clientId(String clientId) {
    this.clientId = TokenArguments.requireText(clientId, "clientId");
    return this;
  }

  /**
   * Replaces the scopes ({@code scope}, space separated on the wire).
   *
   * @param scopes each one word without spaces; none for a token without scopes; duplicates kept
   *     once
   * @return this builder
   */
  public TestToken scopes(String... scopes) {
    this.scopes.clear();
    for (String s : scopes) {
      if (s == null || s.isEmpty() || s.contains(" ")) {
        throw new IllegalArgumentException("a scope is one non-empty word: " + s);
      }
      this.scopes.add(s);
    }
    return this;
  }

  /**
   * The {@code iss}.
   *
   * @param issuer the issuer URL; not blank
   * @return this builder
   */
  public TestToken issuer(String issuer) {
    this.issuer = TokenArguments.requireText(issuer, "issuer");
    return this;
  }

  /**
   * The {@code aud}: one value, or several (a JSON array).
   *
   * @param audience at least one value, none blank
   * @return this builder
   */
  public TestToken audience(String... audience) {
    this.audience = TokenArguments.audiences(audience);
    return this;
  }

  /**
   * How long the token is valid from {@code iat}; positive.
   *
   * @param lifetime time from {@code iat} to {@code exp}; not null
   * @return this builder
   */
  public TestToken lifetime(Duration lifetime) {
    this.lifetime = TokenArguments.positiveLifetime(lifetime);
    return this;
  }

  /**
   * The {@code iat} (and {@code nbf}); default the minter clock's now.
   *
   * @param issuedAt the instant the token claims to be issued at; not null
   * @return this builder
   */
  public TestToken issuedAt(Instant issuedAt) {
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    return this;
  }

  /**
   * A custom claim (string, number, boolean, list or map of those).
   *
   * @param name the claim name; not null; a later call with the same name replaces the value
   * @param value the claim value; not null
   * @return this builder
   * @throws IllegalArgumentException for a registered claim this builder sets itself: use its setter
   */
  public TestToken claim(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (List.of(ClaimNames.ISSUER, ClaimNames.SUBJECT, ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT,
        ClaimNames.ISSUED_AT, ClaimNames.NOT_BEFORE, ClaimNames.JWT_ID, ClaimNames.CLIENT_ID,
        ClaimNames.SCOPE, ClaimNames.FAMILY_ID).contains(name)) {
      throw new IllegalArgumentException(name + " has its own setter");
    }
    claims.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * Expired an hour ago (rejected {@code AUTH_TOKEN_EXPIRED}).
   *
   * @return this builder; the last breakage chosen is the one applied
   */
  public TestToken expired() {
    breakage = Breakage.EXPIRED;
    return this;
  }

  /**
   * Valid only from an hour from now (rejected {@code AUTH_TOKEN_NOT_YET_VALID}).
   *
   * @return this builder; the last breakage chosen is the one applied
   */
  public TestToken notYetValid() {
    breakage = Breakage.NOT_YET_VALID;
    return this;
  }

  /**
   * Issued by {@code https://wrong-issuer.test} (rejected {@code AUTH_TOKEN_INVALID}).
   *
   * @return this builder
   */
  public TestToken wrongIssuer() {
    return issuer("https://wrong-issuer.test");
  }

  /**
   * For audience {@code https://wrong-audience.test} (rejected {@code AUTH_TOKEN_INVALID}).
   *
   * @return this builder
   */
  public TestToken wrongAudience() {
    return audience("https://wrong-audience.test");
  }

  /**
   * Signed by a fresh key the verifier has never seen, with its own kid (rejected {@code
   * AUTH_TOKEN_INVALID}).
   *
   * @return this builder; the last breakage chosen is the one applied
   */
  public TestToken signedByUnknownKey() {
    breakage = Breakage.UNKNOWN_KEY;
    return this;
  }

  /**
   * Signed correctly, then one signature byte flipped (rejected {@code AUTH_TOKEN_INVALID}).
   *
   * @return this builder; the last breakage chosen is the one applied
   */
  public TestToken tamperedSignature() {
    breakage = Breakage.TAMPERED;
    return this;
  }

  /**
   * Header {@code alg: none} and no signature, RFC 7519 section 6 (rejected {@code
   * AUTH_TOKEN_INVALID}).
   *
   * @return this builder; the last breakage chosen is the one applied
   */
  public TestToken algNone() {
    breakage = Breakage.ALG_NONE;
    return this;
  }

  /**
   * The compact JWS.
   *
   * @return the token in compact serialization ({@code header.payload.signature}), for an {@code
   *     Authorization: Bearer} header
   */
  public String sign() {
    Instant now = issuedAt != null ? issuedAt : minter.clock().instant();
    Instant iat = switch (breakage) {
      case EXPIRED -> now.minus(BROKEN_TIME_OFFSET).minus(lifetime);
      case NOT_YET_VALID -> now.plus(BROKEN_TIME_OFFSET);
      default -> now;
    };
    TokenClaims c = new TokenClaims(issuer, subject, audience, iat.plus(lifetime), iat, iat,
        minter.random().next(16), clientId, scopes, null, claims);
    return switch (breakage) {
      case UNKNOWN_KEY -> minter.signer().sign(c,
          TestKeys.generate(minter.keys().algorithm(), minter.clock()).signingKey());
      case TAMPERED -> tamper(minter.signer().sign(c, minter.keys().signingKey()));
      case ALG_NONE -> unsigned(c);
      default -> minter.signer().sign(c, minter.keys().signingKey());
    };
  }

  private static String tamper(String jws) {
    int dot = jws.lastIndexOf('.');
    byte[] sig = Base64.getUrlDecoder().decode(jws.substring(dot + 1));
    byte[] flipped = Arrays.copyOf(sig, sig.length);
    flipped[0] ^= 0x01;
    return jws.substring(0, dot + 1) + B64.encodeToString(flipped);
  }

  private String unsigned(TokenClaims c) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(ClaimNames.HEADER_ALG, "none");
    header.put(ClaimNames.HEADER_TYP, ClaimNames.ACCESS_TOKEN_TYP);
    header.put(ClaimNames.HEADER_KID, minter.keys().kid());
    return B64.encodeToString(Json.write(header).getBytes(StandardCharsets.UTF_8)) + "."
        + B64.encodeToString(Json.write(c.toJsonObject()).getBytes(StandardCharsets.UTF_8)) + ".";
  }

  @Override
  public String toString() {
    return "TestToken[sub=" + subject + ", client_id=" + clientId + ", scope=" + scopes
        + ", iss=" + issuer + ", aud=" + audience + ", lifetime=" + lifetime + ", breakage="
        + breakage + "]";
  }
}
