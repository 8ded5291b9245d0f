package io.admin.auth.testkit;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One OpenID Connect ID token being minted by {@link TestTokens#idToken()}, in the shape the
 * library's token endpoint issues (docs/http-contract.md, "ID tokens"): header {@code typ}
 * {@code JWT} with the test key's {@code alg} and {@code kid}; claims {@code iss sub aud exp iat
 * auth_time}, {@code nonce} when set, {@code azp}, then any profile or email claims. For tests of
 * code that receives ID tokens (a relying party, a logout with {@code id_token_hint}); the real
 * verifier and filter refuse it as an access token. Not thread-safe (a builder); {@link #sign()}
 * may be called repeatedly.
 *
 * <pre>{@code
 * String idToken = tokens.idToken().subject("alice").audience("notes-app").nonce("n-0S6_WzA2Mj")
 *     .claim("email", "alice@example.com").claim("email_verified", true).sign();
 * }</pre>
 *
 * <p>Defaults: subject {@value TestToken#DEFAULT_SUBJECT}, audience and {@code azp}
 * {@value TestToken#DEFAULT_CLIENT_ID}, no nonce, {@code auth_time} and {@code iat} the minter
 * clock's now, lifetime {@link #DEFAULT_LIFETIME}. The library issues ID tokens with RS256: mint
 * with {@code TestKeys.generate(SigningAlgorithm.RS256)} to match it exactly.
 */
public final class TestIdToken {

  /** Default lifetime: the library's own default for ID tokens, five minutes. */
  public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

  private final TestTokens minter;
  private String subject = TestToken.DEFAULT_SUBJECT;
  private String issuer;
  private List<String> audience = List.of(TestToken.DEFAULT_CLIENT_ID);
  private String authorizedParty;
  private String nonce;
  private Instant issuedAt;
  private Instant authTime;
  private Duration lifetime = DEFAULT_LIFETIME;
  private final Map<String, Object> claims = new LinkedHashMap<>();

  TestIdToken(TestTokens minter) {
    this.minter = minter;
    this.issuer = minter.issuer();
  }

  /**
   * The {@code sub}: the person's id.
   *
   * @param subject the person's id; not blank
   * @return this builder
   */
  public TestIdToken subject(String subject) {
    this.subject = TokenArguments.requireText(subject, "subject");
    return this;
  }

  /**
   * The {@code iss}; default the minter's issuer.
   *
   * @param issuer the issuer URL; not blank
   * @return this builder
   */
  public TestIdToken issuer(String issuer) {
    this.issuer = TokenArguments.requireText(issuer, "issuer");
    return this;
  }

  /**
   * The {@code aud}: the client id, or several (a JSON array).
   *
   * @param audience at least one client id, none blank; one is written as a string
   * @return this builder
   */
  public TestIdToken audience(String... audience) {
    this.audience = TokenArguments.audiences(audience);
    return this;
  }

  /**
   * The {@code azp}; default the first audience, as the library sets it.
   *
   * @param azp the client id the token was issued to; not blank
   * @return this builder
   */
  public TestIdToken authorizedParty(String azp) {
    this.authorizedParty = TokenArguments.requireText(azp, "azp");
    return this;
  }

  /**
   * The {@code nonce} the client sent; default none (no {@code nonce} claim).
   *
   * @param nonce the value the client sent in its authorization request; not blank
   * @return this builder
   */
  public TestIdToken nonce(String nonce) {
    this.nonce = TokenArguments.requireText(nonce, "nonce");
    return this;
  }

  /**
   * The {@code iat}; default the minter clock's now.
   *
   * @param issuedAt the instant the token claims to be issued at; not null
   * @return this builder
   */
  public TestIdToken issuedAt(Instant issuedAt) {
    this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
    return this;
  }

  /**
   * When the person authenticated ({@code auth_time}); default {@code iat}.
   *
   * @param authTime the instant the person signed in; not null
   * @return this builder
   */
  public TestIdToken authTime(Instant authTime) {
    this.authTime = Objects.requireNonNull(authTime, "authTime");
    return this;
  }

  /**
   * How long the token is valid from {@code iat}; positive.
   *
   * @param lifetime time from {@code iat} to {@code exp}; not null
   * @return this builder
   */
  public TestIdToken lifetime(Duration lifetime) {
    this.lifetime = TokenArguments.positiveLifetime(lifetime);
    return this;
  }

  /**
   * A profile or email claim ({@code name}, {@code email}, {@code email_verified}, ...), or any
   * other (string, number, boolean, list or map of those).
   *
   * @param name the claim name; not null; a later call with the same name replaces the value
   * @param value the claim value; not null
   * @return this builder
   * @throws IllegalArgumentException for a claim this builder sets itself: use its setter
   */
  public TestIdToken claim(String name, Object value) {
    Objects.requireNonNull(name, "name");
    if (List.of(ClaimNames.ISSUER, ClaimNames.SUBJECT, ClaimNames.AUDIENCE,
        ClaimNames.EXPIRES_AT, ClaimNames.ISSUED_AT, "auth_time", "nonce", "azp").contains(name)) {
      throw new IllegalArgumentException(name + " has its own setter");
    }
    claims.put(name, Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * The compact JWS, signed with the minter's test key.
   *
   * @return the token in compact serialization ({@code header.payload.signature}), header {@code
   *     typ} {@code JWT}
   */
  public String sign() {
    Instant iat = issuedAt != null ? issuedAt : minter.clock().instant();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(ClaimNames.ISSUER, issuer);
    body.put(ClaimNames.SUBJECT, subject);
    body.put(ClaimNames.AUDIENCE, audience.size() == 1 ? audience.get(0) : audience);
    body.put(ClaimNames.EXPIRES_AT, iat.plus(lifetime).getEpochSecond());
    body.put(ClaimNames.ISSUED_AT, iat.getEpochSecond());
    body.put("auth_time", (authTime != null ? authTime : iat).getEpochSecond());
    if (nonce != null) {
      body.put("nonce", nonce);
    }
    body.put("azp", authorizedParty != null ? authorizedParty : audience.get(0));
    body.putAll(claims);
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(ClaimNames.HEADER_ALG, minter.keys().algorithm().jwsName());
    header.put(ClaimNames.HEADER_TYP, "JWT");
    header.put(ClaimNames.HEADER_KID, minter.keys().kid());
    String input = encode(Json.write(header)) + "." + encode(Json.write(body));
    byte[] signature = JwsCrypto.jdk().sign(minter.keys().signingKey(),
        input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64Url.encode(signature);
  }

  private static String encode(String json) {
    return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "TestIdToken[sub=" + subject + ", iss=" + issuer + ", aud=" + audience
        + ", nonce=" + (nonce == null ? "none" : "set") + ", lifetime=" + lifetime + "]";
  }
}
