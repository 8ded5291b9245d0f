package io.admin.auth.servlet.http;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.servlet.scheme.AuthScheme;
import io.admin.auth.servlet.error.Challenge;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Set;

/**
 * A user-written scheme through the public extension point (the real API-key scheme is another
 * issue): {@code X-API-Key: key-ok} authenticates {@code ci-bot}; {@code throttled} is
 * rate limited; any other value is rejected.
 */
final class TestApiKeyScheme implements AuthScheme {

  @Override
  public boolean presentIn(HttpServletRequest request) {
    return request.getHeader("X-API-Key") != null;
  }

  @Override
  public AuthOutcome authenticate(HttpServletRequest request) {
    String key = request.getHeader("X-API-Key");
    if (key == null) {
      return AuthOutcome.notApplicable();
    }
    if (key.equals("key-ok")) {
      return AuthOutcome.authenticated(new AuthPrincipal("ci-bot", null, Set.of("users:read"), null,
          null, AuthMethod.API_KEY, Map.of()));
    }
    if (key.equals("throttled")) {
      return AuthOutcome.rejected(new io.admin.auth.core.AuthError(AuthErrorCode.AUTH_RATE_LIMITED,
          "Too many failed attempts. Retry later.", Map.of("retry_after_seconds", 30)));
    }
    return AuthOutcome.rejected(AuthErrorCode.AUTH_API_KEY_INVALID, "The API key is invalid.");
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of("ApiKey", realm);
  }
}
