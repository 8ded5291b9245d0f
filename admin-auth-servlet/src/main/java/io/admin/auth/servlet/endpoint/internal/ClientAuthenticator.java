package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder;
import io.admin.auth.servlet.internal.BasicCredentialsDecoder.Credentials;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Client authentication for the token, revocation and introspection endpoints (RFC 6749 section
 * 2.3.1): {@code client_secret_basic} (HTTP Basic, id and secret form-urlencoded first, refused
 * exactly where the filter's Basic scheme refuses a header) or {@code
 * client_secret_post} ({@code client_id} and {@code client_secret} in the body).
 *
 * <p>Both at once must name the same client with the same secret, otherwise it is {@code
 * invalid_request} (RFC 6749 section 2.3: one method per request). Every failure to authenticate
 * is the same {@code invalid_client}, whether the client is unknown or the secret wrong.
 */
final class ClientAuthenticator {

  /** The client, or the error to render. */
  sealed interface Result {
    record Authenticated(OAuthClient client) implements Result {}

    record Failed(AuthError error) implements Result {}
  }

  private static final AuthError INVALID_CLIENT =
      AuthError.of(AuthErrorCode.AUTH_CLIENT_INVALID, "Client authentication failed.");

  private final TokenService tokens;

  ClientAuthenticator(TokenService tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  Result authenticate(HttpServletRequest request, Map<String, String> params) {
    List<String> headers = Collections.list(request.getHeaders("Authorization"));
    if (headers.size() > 1) {
      return invalidRequest("The request carries more than one Authorization header.");
    }
    String[] basic = null;
    if (headers.size() == 1) {
      basic = decodeBasic(headers.get(0));
      if (basic == null) {
        return new Result.Failed(INVALID_CLIENT);
      }
    }
    String postId = params.get("client_id");
    String postSecret = params.get("client_secret");
    String id;
    String secret;
    if (basic != null && (postId != null || postSecret != null)) {
      if (!basic[0].equals(postId) || !basic[1].equals(postSecret)) {
        return invalidRequest("Use exactly one client authentication method.");
      }
      id = basic[0];
      secret = basic[1];
    } else if (basic != null) {
      id = basic[0];
      secret = basic[1];
    } else if (postId != null && postSecret != null) {
      id = postId;
      secret = postSecret;
    } else {
      return new Result.Failed(INVALID_CLIENT);
    }
    ClientAuthentication auth = tokens.authenticateClient(id, secret);
    if (auth instanceof ClientAuthentication.Succeeded s) {
      return new Result.Authenticated(s.client());
    }
    return new Result.Failed(INVALID_CLIENT);
  }

  /**
   * {id, secret}, or {@code null} if the header is not well-formed Basic. The Basic rules are the
   * filter's (length bound, strict base64 and UTF-8, no control characters); RFC 6749 2.3.1 then
   * has id and secret form-urlencoded, so they are decoded once more.
   */
  private static String[] decodeBasic(String header) {
    Optional<Credentials> basic = BasicCredentialsDecoder.fromHeader(header);
    if (basic.isEmpty()) {
      return null;
    }
    try {
      return new String[] {
        URLDecoder.decode(basic.get().user(), StandardCharsets.UTF_8),
        URLDecoder.decode(basic.get().password(), StandardCharsets.UTF_8)
      };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Result invalidRequest(String message) {
    return new Result.Failed(AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message));
  }
}
