package io.admin.auth.core.validation;

import io.admin.auth.core.AccessTokenType;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.SigningAlgorithm;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The default rules of each token kind (like Spring Security's {@code JwtValidators}), so that a
 * rule is written once and every verifier answers it the same way. Every set checks the header's
 * {@code alg} against an allow-list, its {@code typ}, and refuses {@link
 * ForbiddenHeaderValidator#KEY_PARAMETERS} and {@code crit}; {@code iss} exactly; {@code aud}; and
 * {@code exp}/{@code nbf}/{@code iat} with the clock skew.
 */
public final class JwtValidators {

  /** The {@code typ} values of an RFC 9068 access token (section 2.1), matched case-insensitively. */
  public static final List<String> ACCESS_TOKEN_TYPES =
      List.of(ClaimNames.ACCESS_TOKEN_TYP, "application/" + ClaimNames.ACCESS_TOKEN_TYP);

  /** The {@code typ} of a plain JWT (RFC 7519 section 5.1). */
  public static final String JWT_TYPE = "JWT";

  /** The claims RFC 9068 section 2.2 requires of an access token, this library's {@code client_id} included. */
  public static final List<String> ACCESS_TOKEN_CLAIMS = List.of(ClaimNames.ISSUER,
      ClaimNames.SUBJECT, ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT, ClaimNames.ISSUED_AT,
      ClaimNames.JWT_ID, ClaimNames.CLIENT_ID);

  /** The claims OpenID Connect Core 1.0 section 2 requires of an ID token. */
  public static final List<String> ID_TOKEN_CLAIMS = List.of(ClaimNames.ISSUER,
      ClaimNames.SUBJECT, ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT, ClaimNames.ISSUED_AT);

  private JwtValidators() {}

  /**
   * This library's own access tokens: {@code alg} one of {@link SigningAlgorithm}, {@code typ}
   * {@code at+jwt} (required), {@link #ACCESS_TOKEN_CLAIMS} present, {@code iss} equal to
   * {@code issuer}, {@code aud} containing {@code audience}, and the lifetime with {@code skew}.
   * No {@link IdTokenClaimsValidator}: the required {@code typ} already refuses this issuer's ID
   * tokens, which are typed {@code JWT}. For an issuer that stamps {@code typ} {@code JWT}, see
   * {@link #ownAccessToken(String, String, Duration, Clock, AccessTokenType)}.
   *
   * @param issuer the exact {@code iss} required
   * @param audience the value {@code aud} must contain
   * @param skew the tolerance of the time rules; 0 to 5 minutes
   * @param clock the clock the time rules read
   * @return the rules, header, claims and lifetime
   */
  public static JwtValidation ownAccessToken(String issuer, String audience, Duration skew,
      Clock clock) {
    return ownAccessToken(issuer, audience, skew, clock, AccessTokenType.AT_JWT);
  }

  /**
   * This library's own access tokens as its issuer types them. With {@link
   * AccessTokenType#AT_JWT}, exactly {@link #ownAccessToken(String, String, Duration, Clock)}.
   *
   * <p>With {@link AccessTokenType#JWT}, {@code typ} {@code JWT} is accepted as well as {@code
   * at+jwt}, and the header then no longer tells an access token from this issuer's ID tokens,
   * which are typed {@code JWT} and signed with the same keys. Three claim rules, each enough on
   * its own, tell them apart instead: {@code client_id} (and {@code jti}) are required, which this
   * library's access tokens always carry and its ID tokens never do; {@link
   * IdTokenClaimsValidator#OWN_ID_TOKEN_CLAIMS} ({@code nonce}, {@code at_hash}, {@code c_hash},
   * {@code azp}) are refused, which its ID tokens carry ({@code azp} always) and its access tokens
   * never do; and {@code aud} must contain {@code audience}, where an ID token's audience is the
   * client id it was issued to. The last two also hold for tokens typed {@code at+jwt} in this
   * mode, which changes nothing for real access tokens.
   *
   * @param issuer the exact {@code iss} required
   * @param audience the value {@code aud} must contain
   * @param skew the tolerance of the time rules; 0 to 5 minutes
   * @param clock the clock the time rules read
   * @param type the {@code typ} the issuer stamps
   * @return the rules, header, claims and lifetime
   */
  public static JwtValidation ownAccessToken(String issuer, String audience, Duration skew,
      Clock clock, AccessTokenType type) {
    TokenKind kind = TokenKind.OWN_ACCESS_TOKEN;
    Set<String> algorithms = new LinkedHashSet<>();
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      algorithms.add(a.jwsName());
    }
    List<String> types = new ArrayList<>(ACCESS_TOKEN_TYPES);
    List<TokenValidator<JwtClaims>> claims = new ArrayList<>(List.of(
        new RequiredClaimsValidator(ACCESS_TOKEN_CLAIMS, kind),
        new IssuerValidator(issuer, kind), new AudienceValidator(Set.of(audience), kind)));
    if (type == AccessTokenType.JWT) {
      types.add(JWT_TYPE);
      claims.add(new IdTokenClaimsValidator(kind, IdTokenClaimsValidator.OWN_ID_TOKEN_CLAIMS));
    }
    return new JwtValidation(
        header(algorithms, types, false, kind),
        CompositeValidator.of(claims),
        lifetime(skew, clock, kind, true));
  }

  /**
   * A trusted third-party issuer's access tokens: {@code alg} one of {@code algorithms}, {@code typ}
   * {@code at+jwt}, or with {@code acceptJwtTyp} also {@code JWT} or none (many providers never
   * send {@code at+jwt}); {@code iss} equal to {@code issuer}; {@code aud} containing one of
   * {@code audiences}; {@code exp} required; the lifetime with {@code skew}. With {@code
   * acceptJwtTyp}, also no ID-token claim ({@link IdTokenClaimsValidator}): {@code typ} then no
   * longer tells an ID token from an access token, and an ID token whose audience is this API (as
   * Entra ID issues them) would otherwise pass. Without it, {@code typ} {@code at+jwt} is required,
   * which no ID token carries. Which claims carry the subject and scopes is the issuer's own
   * mapping, not a rule here.
   *
   * @param issuer the exact {@code iss} required
   * @param audiences the values of which {@code aud} must contain one; not empty
   * @param algorithms the accepted {@code alg} values; not empty
   * @param acceptJwtTyp whether {@code typ} {@code JWT}, or none, is accepted beside {@code at+jwt}
   * @param skew the tolerance of the time rules; 0 to 5 minutes
   * @param clock the clock the time rules read
   * @return the rules, header, claims and lifetime
   */
  public static JwtValidation thirdPartyAccessToken(String issuer, Set<String> audiences,
      Set<String> algorithms, boolean acceptJwtTyp, Duration skew, Clock clock) {
    TokenKind kind = TokenKind.THIRD_PARTY_ACCESS_TOKEN;
    List<String> types = new ArrayList<>(ACCESS_TOKEN_TYPES);
    if (acceptJwtTyp) {
      types.add(JWT_TYPE);
    }
    List<TokenValidator<JwtClaims>> claims = new ArrayList<>(List.of(
        new IssuerValidator(issuer, kind), new AudienceValidator(audiences, kind)));
    if (acceptJwtTyp) {
      claims.add(new IdTokenClaimsValidator(kind));
    }
    return new JwtValidation(
        header(algorithms, types, acceptJwtTyp, kind),
        CompositeValidator.of(claims),
        lifetime(skew, clock, kind, true));
  }

  /**
   * An ID token this library issued, presented back as {@code id_token_hint} (OpenID Connect Core
   * 1.0 section 3.1.2.1): {@code alg} one of {@code algorithms}, {@code typ} {@code JWT} (so an
   * access token cannot pass for one), {@link #ID_TOKEN_CLAIMS} present, {@code iss} equal to
   * {@code issuer}, {@code aud} containing {@code clientId}, {@code nbf}/{@code iat} with
   * {@code skew}, and {@code exp} unless {@code acceptExpired} (the specification asks an OP to
   * accept an expired ID token as a hint; {@code exp} must still be present).
   *
   * @param issuer the exact {@code iss} required
   * @param clientId the value {@code aud} must contain
   * @param algorithms the accepted {@code alg} values; not empty
   * @param skew the tolerance of the time rules; 0 to 5 minutes
   * @param acceptExpired {@code true} to accept a hint past its {@code exp}
   * @param clock the clock the time rules read
   * @return the rules, header, claims and lifetime
   */
  public static JwtValidation idTokenHint(String issuer, String clientId, Set<String> algorithms,
      Duration skew, boolean acceptExpired, Clock clock) {
    TokenKind kind = TokenKind.ID_TOKEN_HINT;
    return new JwtValidation(
        header(algorithms, List.of(JWT_TYPE), false, kind),
        CompositeValidator.of(new RequiredClaimsValidator(ID_TOKEN_CLAIMS, kind),
            new IssuerValidator(issuer, kind), new AudienceValidator(Set.of(clientId), kind)),
        lifetime(skew, clock, kind, !acceptExpired));
  }

  /**
   * The time rules against one reading of {@code clock}: {@link ExpiryValidator} (when
   * {@code checkExpiry}), {@link NotBeforeValidator}, {@link IssuedAtValidator}, in that order.
   *
   * @param skew the tolerance; not negative
   * @param clock the clock read once per validation
   * @param kind the kind of token, for the wording of rejections
   * @param checkExpiry {@code false} to skip {@code exp}
   * @return one validator for all the time rules
   */
  public static TokenValidator<JwtClaims> lifetime(Duration skew, Clock clock, TokenKind kind,
      boolean checkExpiry) {
    return new LifetimeValidator(clock, skew, kind, checkExpiry);
  }

  /** {@code alg}, {@code typ}, key-naming parameters, {@code crit}: in that order. */
  private static TokenValidator<JwtHeader> header(Set<String> algorithms, List<String> types,
      boolean absentTypeAccepted, TokenKind kind) {
    return CompositeValidator.of(new AlgorithmValidator(algorithms, kind),
        new TypeValidator(types, absentTypeAccepted, kind),
        new ForbiddenHeaderValidator(ForbiddenHeaderValidator.KEY_PARAMETERS, kind),
        new CriticalHeaderValidator(kind));
  }
}
