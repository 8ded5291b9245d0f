package io.admin.auth.core.validation;

import java.util.List;
import java.util.Objects;

/**
 * Refuses claims that only an OpenID Connect ID token carries: by default {@code nonce}, {@code
 * at_hash} and {@code c_hash} (OpenID Connect Core 1.0 sections 2 and 3.3.2.11). An ID token is
 * typed {@code JWT} or not typed at all, and where its audience is the API's own client id (common
 * with Entra ID) it would otherwise pass every access-token rule of an issuer whose plain-JWT
 * access tokens are accepted; these claims are what tells it apart. Reason on rejection: {@code ID
 * token claim <name>}, for the first one found in list order.
 */
public final class IdTokenClaimsValidator implements TokenValidator<JwtClaims> {

  /** The claims that mark an ID token, in the order they are checked. */
  public static final List<String> ID_TOKEN_ONLY_CLAIMS = List.of("nonce", "at_hash", "c_hash");

  /**
   * {@link #ID_TOKEN_ONLY_CLAIMS} and {@code azp}: what this library's own ID tokens carry and its
   * access tokens never do (its ID tokens always name {@code azp}, docs/http-contract.md "ID
   * tokens"; a third party's access tokens may carry {@code azp}, so only our own are held to it).
   */
  public static final List<String> OWN_ID_TOKEN_CLAIMS =
      List.of("nonce", "at_hash", "c_hash", "azp");

  private final String[] names;
  private final ValidationResult[] rejections;

  /**
   * Refuses, worded for {@code kind}, any claims naming one of {@link #ID_TOKEN_ONLY_CLAIMS}.
   *
   * @param kind the kind of token, for the wording of rejections
   */
  public IdTokenClaimsValidator(TokenKind kind) {
    this(kind, ID_TOKEN_ONLY_CLAIMS);
  }

  /**
   * Refuses, worded for {@code kind}, any claims naming one of {@code names}.
   *
   * @param kind the kind of token, for the wording of rejections
   * @param names the claims that only ID tokens carry
   */
  public IdTokenClaimsValidator(TokenKind kind, List<String> names) {
    Objects.requireNonNull(kind, "kind");
    this.names = names.toArray(new String[0]);
    rejections = new ValidationResult[this.names.length];
    for (int i = 0; i < rejections.length; i++) {
      rejections[i] = ValidationResult.rejected(kind.invalid(),
          "ID token claim " + Objects.requireNonNull(this.names[i], "name"));
    }
  }

  @Override
  public ValidationResult validate(JwtClaims claims) {
    for (int i = 0; i < rejections.length; i++) {
      if (claims.has(names[i])) {
        return rejections[i];
      }
    }
    return ValidationResult.valid();
  }
}
