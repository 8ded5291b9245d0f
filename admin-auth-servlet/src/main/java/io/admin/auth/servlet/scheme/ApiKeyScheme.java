package io.admin.auth.servlet.scheme;

import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.apikey.ApiKeyFormat;
import io.admin.auth.core.apikey.ApiKeyService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * API key authentication (docs/http-contract.md, "API keys"): {@code X-API-Key: <key>} or {@code Authorization:
 * ApiKey <key>}, checked by an {@link ApiKeyService}. A rejected key is {@code invalid_api_key}
 * with {@code AUTH_API_KEY_INVALID}, {@code AUTH_API_KEY_EXPIRED} or {@code AUTH_API_KEY_REVOKED};
 * the challenge is {@code ApiKey realm="admin"}.
 *
 * <p>The key given twice (both headers, or the header repeated) is 400 {@code
 * AUTH_REQUEST_INVALID}, like two credentials of different schemes, even when both copies are
 * equal: a request must say one thing. The scheme name is matched case-insensitively (RFC 7235
 * section 2.1). Abstaining (no key present) costs two header lookups.
 */
public final class ApiKeyScheme implements AuthScheme {

  /** The dedicated header. */
  public static final String HEADER = "X-API-Key";
  /** The {@code Authorization} auth-scheme name. */
  public static final String AUTH_SCHEME = "ApiKey";

  private final ApiKeyService keys;

  /**
   * A scheme authenticating keys with {@code keys}.
   *
   * @param keys looks up and checks each presented key; not null
   */
  public ApiKeyScheme(ApiKeyService keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public boolean presentIn(HttpServletRequest request) {
    return request.getHeader(HEADER) != null || AuthorizationHeader.uses(request, AUTH_SCHEME);
  }

  @Override
  public AuthOutcome authenticate(HttpServletRequest request) {
    List<String> dedicated = Collections.list(request.getHeaders(HEADER));
    String fromAuthorization = AuthorizationHeader.uses(request, AUTH_SCHEME)
        ? AuthorizationHeader.credentials(request.getHeader("Authorization")) : null;
    int count = dedicated.size() + (fromAuthorization == null ? 0 : 1);
    if (count == 0) {
      return AuthOutcome.notApplicable();
    }
    if (count > 1) {
      return AuthOutcome.rejected(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The request carries more than one API key; send exactly one.");
    }
    String key = fromAuthorization != null ? fromAuthorization : dedicated.get(0).strip();
    if (key.length() != ApiKeyFormat.LENGTH) {
      // Also bounds the work on hostile input before anything else looks at it.
      return AuthOutcome.rejected(AuthErrorCode.AUTH_API_KEY_INVALID,
          "The API key provided is invalid.");
    }
    return keys.authenticate(key);
  }

  /** {@code api_key}. */
  @Override
  public String methodName() {
    return "api_key";
  }

  @Override
  public Challenge challenge(String realm) {
    return Challenge.of(AUTH_SCHEME, realm);
  }
}
