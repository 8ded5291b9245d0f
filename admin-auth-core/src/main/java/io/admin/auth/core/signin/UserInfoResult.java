package io.admin.auth.core.signin;

import io.admin.auth.core.AuthError;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of OpenID Connect UserInfo for one verified access token: the claims, or why the
 * token does not entitle its bearer to them (a value, rendered per RFC 6750).
 */
public sealed interface UserInfoResult permits UserInfoResult.Claims, UserInfoResult.Refused {

  /**
   * The UserInfo document.
   *
   * @param claims {@code sub} first, then the claims the token's scopes release; unmodifiable
   */
  record Claims(Map<String, Object> claims) implements UserInfoResult {
    /**
     * Requires a string {@code sub} and freezes a copy of the claims.
     *
     * @param claims {@code sub} first, then the released claims
     */
    public Claims {
      claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
      if (!(claims.get("sub") instanceof String)) {
        throw new IllegalArgumentException("claims must contain sub");
      }
    }
  }

  /**
   * The token may not read UserInfo: {@code AUTH_INSUFFICIENT_SCOPE} (no {@code openid}) or
   * {@code AUTH_TOKEN_INVALID} (not an access token issued by this server to a client).
   */
  record Refused(AuthError error) implements UserInfoResult {
    /**
     * Requires the error.
     *
     * @param error why UserInfo is refused; required
     */
    public Refused {
      Objects.requireNonNull(error, "error");
    }
  }
}
