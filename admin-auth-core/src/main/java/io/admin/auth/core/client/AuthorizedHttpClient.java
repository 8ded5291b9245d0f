package io.admin.auth.core.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code java.net.http} requests with {@code Authorization: Bearer <token>} from a
 * {@link TokenClient} (RFC 6750 section 2.1), replacing any {@code Authorization} header the
 * request had.
 *
 * <p>When the answer is 401 with a {@code WWW-Authenticate: Bearer ... error="invalid_token"}
 * challenge (RFC 6750 section 3.1; the token was revoked or expired early), it invalidates that
 * token, gets a new one and sends the request once more; the second answer is returned whatever
 * it is. Any other 401 (no {@code error}, {@code invalid_client}, another scheme) is returned as
 * is, because a new token would not change it.
 *
 * <p>Replay: the retry sends the same {@link HttpRequest.BodyPublisher} again. The publishers of
 * {@link HttpRequest.BodyPublishers#ofString}, {@code ofByteArray}, {@code ofFile} and
 * {@code noBody} can be sent twice; {@code ofInputStream} only if its supplier returns a new
 * stream on each call, and a custom publisher only if it supports a second subscription. Send
 * requests whose body cannot be replayed with {@link #sendWithoutRetry}.
 *
 * <p>Only send requests meant for the resource servers that accept this client's tokens: the
 * token goes to whatever host the request names. Thread-safe.
 */
public final class AuthorizedHttpClient {

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizedHttpClient.class);
  private static final Pattern INVALID_TOKEN_CHALLENGE = Pattern.compile(
      "^\\s*Bearer(\\s.*)?[\\s,]error\\s*=\\s*\"?invalid_token\"?(\\s*,.*)?$",
      Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private final HttpClient http;
  private final TokenClient tokens;

  /**
   * Wraps {@code http}, taking tokens from {@code tokens}.
   *
   * @param http the client that sends the requests
   * @param tokens where bearer tokens come from
   */
  public AuthorizedHttpClient(HttpClient http, TokenClient tokens) {
    this.http = Objects.requireNonNull(http, "http");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /**
   * Sends the request with a bearer token; retries once with a new token on an
   * {@code invalid_token} 401 (see the class comment for when the body can be replayed).
   *
   * @param <T> the type of the response body
   * @param request the request, without an {@code Authorization} header
   * @param handler how to read the body
   * @return the response; after an {@code invalid_token} 401, the retry's response
   * @throws TokenClientException if no token could be obtained
   * @throws IOException as {@link HttpClient#send} does
   * @throws InterruptedException as {@link HttpClient#send} does
   */
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    String token = tokens.accessToken();
    HttpResponse<T> response = http.send(withBearer(request, token), handler);
    if (!isInvalidToken(response)) {
      return response;
    }
    LOG.debug("resource server rejected the access token (invalid_token); refreshing once");
    tokens.invalidate(token);
    return http.send(withBearer(request, tokens.accessToken()), handler);
  }

  /**
   * Builds the request and sends it as {@link #send(HttpRequest, HttpResponse.BodyHandler)}.
   *
   * @param <T> the type of the response body
   * @param request the request, without an {@code Authorization} header
   * @param handler how to read the body
   * @return the response; after an {@code invalid_token} 401, the retry's response
   * @throws TokenClientException if no token could be obtained
   * @throws IOException as {@link HttpClient#send} does
   * @throws InterruptedException as {@link HttpClient#send} does
   */
  public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    return send(request.build(), handler);
  }

  /**
   * Sends the request with a bearer token and never retries: for bodies that cannot be sent
   * twice. On an {@code invalid_token} 401 the token is still invalidated, so the next request
   * gets a new one.
   *
   * @param <T> the type of the response body
   * @param request the request, without an {@code Authorization} header
   * @param handler how to read the body
   * @return the response, whatever its status
   * @throws TokenClientException if no token could be obtained
   * @throws IOException as {@link HttpClient#send} does
   * @throws InterruptedException as {@link HttpClient#send} does
   */
  public <T> HttpResponse<T> sendWithoutRetry(
      HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    String token = tokens.accessToken();
    HttpResponse<T> response = http.send(withBearer(request, token), handler);
    if (isInvalidToken(response)) {
      tokens.invalidate(token);
    }
    return response;
  }

  /**
   * The wrapped client, for requests that must not carry the token.
   *
   * @return the client without tokens
   */
  public HttpClient httpClient() {
    return http;
  }

  private static HttpRequest withBearer(HttpRequest request, String token) {
    return HttpRequest.newBuilder(request, (name, value) -> !"Authorization".equalsIgnoreCase(name))
        .header("Authorization", "Bearer " + token)
        .build();
  }

  static boolean isInvalidToken(HttpResponse<?> response) {
    return response.statusCode() == 401
        && response.headers().allValues("WWW-Authenticate").stream()
            .anyMatch(v -> INVALID_TOKEN_CHALLENGE.matcher(v).matches());
  }

  /** Names the token client; never a token. */
  @Override
  public String toString() {
    return "AuthorizedHttpClient[" + tokens + "]";
  }
}
