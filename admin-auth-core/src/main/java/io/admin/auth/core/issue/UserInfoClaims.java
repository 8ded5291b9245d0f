package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.core.signin.UserInfoResult;
import io.admin.auth.core.spi.Person;
import io.admin.auth.core.spi.PersonDirectory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenID Connect UserInfo (Core 1.0 section 5.3) for a verified access token: {@code sub}, then
 * the person's claims that the token's scopes release, read from the {@link PersonDirectory} at
 * the time of the call. Only this server's own access tokens, issued to a client and holding
 * {@code openid}, may read it.
 */
final class UserInfoClaims {

  private static final AuthError NOT_OURS = AuthError.of(AuthErrorCode.AUTH_TOKEN_INVALID,
      "The access token was not issued by this server.");
  private static final AuthError NO_OPENID = new AuthError(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE,
      "The access token does not hold the openid scope.",
      Map.of("required_scopes", List.of(StandardClaims.OPENID)));

  private final String issuer;
  private final PersonDirectory people;

  UserInfoClaims(String issuer, PersonDirectory people) {
    this.issuer = issuer;
    this.people = people;
  }

  /** The claims, or why {@code principal} may not have them. */
  UserInfoResult claims(AuthPrincipal principal) {
    if (principal == null || principal.method() != AuthMethod.BEARER || principal.thirdParty()
        || !issuer.equals(principal.issuer()) || principal.clientId() == null) {
      return new UserInfoResult.Refused(NOT_OURS);
    }
    if (!principal.scopes().contains(StandardClaims.OPENID)) {
      return new UserInfoResult.Refused(NO_OPENID);
    }
    Person person = people.find(principal.subject())
        .orElseGet(() -> Person.of(principal.subject()));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sub", principal.subject());
    out.putAll(StandardClaims.released(person, principal.scopes()));
    return new UserInfoResult.Claims(out);
  }
}
