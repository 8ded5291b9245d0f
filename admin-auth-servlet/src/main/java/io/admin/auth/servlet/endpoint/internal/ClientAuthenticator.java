package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.issue.ClientAuthentication;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RemoteAddressKey;
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
 *
 * <p>Where public clients are accepted (the token endpoint), a body {@code client_id} without any
 * secret or {@code Authorization} header is the public client's whole authentication ({@code
 * token_endpoint_auth_method} {@code none}): it succeeds only for a registered public client, and
 * fails like a wrong secret for a confidential or unknown one; it is throttled like a secret. A
 * public client that sends a secret is refused, as it has none. Elsewhere a {@code client_id}
 * alone is missing credentials, as before.
 *
 * <p>Failures are throttled (docs/http-contract.md, "Throttling") per claimed client id ({@code
 * "client:" + id}) and per remote address ({@link RemoteAddressKey}): a blocked id or address is
 * answered 429 {@code AUTH_RATE_LIMITED} before its secret is looked at, so a right guess made
 * while blocked is worth nothing. Unknown ids are counted like known ones, so the 429 does not
 * tell them apart. Missing or malformed credentials count against the address only; a success
 * clears the client id's count but not the address's (one good client must not unlock brute
 * force of others from the same address).
 */
final class ClientAuthenticator {

  /** The client, or the error to render. */
  sealed interface Result {
    record Authenticated(OAuthClient client) implements Result {}

    record Failed(AuthError error) implements Result {}

    /**
     * Credentials found but not yet checked ({@code secret} {@code null} for a {@code client_id}
     * alone); never returned by {@code authenticate}.
     */
    record Claimed(String id, String secret) implements Result {
      @Override
      public String toString() {
        return "Claimed[id=" + id + ", secret=**********]";
      }
    }
  }

  private static final AuthError INVALID_CLIENT =
      AuthError.of(AuthErrorCode.AUTH_CLIENT_INVALID, "Client authentication failed.");

  private final TokenService tokens;
  private final FailureThrottle perClient;
  private final FailureThrottle perAddress;
  private final boolean publicClients;

  /**
   * @param publicClients whether a {@code client_id} alone authenticates a public client here
   */
  ClientAuthenticator(TokenService tokens, FailureThrottle perClient, FailureThrottle perAddress,
      boolean publicClients) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.perClient = Objects.requireNonNull(perClient, "perClient");
    this.perAddress = Objects.requireNonNull(perAddress, "perAddress");
    this.publicClients = publicClients;
  }

  Result authenticate(HttpServletRequest request, Map<String, String> params) {
    String addressKey = RemoteAddressKey.of(request.getRemoteAddr());
    RateLimitDecision address = perAddress.check(addressKey);
    if (!address.allowed()) {
      return new Result.Failed(address.toAuthError());
    }
    Result parsed = credentials(request, params);
    if (parsed instanceof Result.Claimed c && c.secret() == null && !publicClients) {
      parsed = new Result.Failed(INVALID_CLIENT);
    }
    if (!(parsed instanceof Result.Claimed claimed)) {
      if (parsed instanceof Result.Failed f && f.error().code() == AuthErrorCode.AUTH_CLIENT_INVALID) {
        perAddress.recordFailure(addressKey);
      }
      return parsed;
    }
    String clientKey = "client:" + claimed.id();
    RateLimitDecision client = perClient.check(clientKey);
    if (!client.allowed()) {
      return new Result.Failed(client.toAuthError());
    }
    ClientAuthentication auth = claimed.secret() == null
        ? tokens.authenticatePublicClient(claimed.id())
        : tokens.authenticateClient(claimed.id(), claimed.secret());
    if (auth instanceof ClientAuthentication.Succeeded s) {
      perClient.reset(clientKey);
      return new Result.Authenticated(s.client());
    }
    perClient.recordFailure(clientKey);
    perAddress.recordFailure(addressKey);
    return new Result.Failed(INVALID_CLIENT);
  }

  /** The claimed id and secret ({@code null}: a {@code client_id} alone), or why there are none. */
  private static Result credentials(HttpServletRequest request, Map<String, String> params) {
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
    } else if (postId != null) {
      id = postId;
      secret = postSecret;
    } else {
      return new Result.Failed(INVALID_CLIENT);
    }
    return new Result.Claimed(id, secret);
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
