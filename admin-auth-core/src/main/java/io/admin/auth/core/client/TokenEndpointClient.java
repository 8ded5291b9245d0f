package io.admin.auth.core.client;

import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token request with its retry policy: 429 waits as long as {@code Retry-After} asks (up to a
 * bound), 5xx and I/O errors back off exponentially with full jitter, any other answer is final.
 *
 * <p>A single-use grant (a refresh token, docs/http-contract.md section 2.5) is resent only when
 * the server certainly did not act on it: after a 429 or a failed connection. After a 5xx, a
 * timeout or an I/O error once the request was sent, the server may have spent the token, and
 * sending it again would count as reuse and revoke its whole family; the request then fails at
 * once with {@link TokenClientException#requestMayHaveArrived()} set. An authorization code is
 * single use in the same way.
 *
 * <p>A client without a secret is a public client and sends its {@code client_id} alone.
 */
final class TokenEndpointClient {

  private static final Logger LOG = LoggerFactory.getLogger(TokenEndpointClient.class);
  private static final int MAX_DESCRIPTION_CHARS = 200;

  private final URI uri;
  private final String clientId;
  private final String clientSecret;
  private final ClientAuthMethod authMethod;
  private final HttpClient http;
  private final Clock clock;
  private final Duration requestTimeout;
  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final Random jitter;
  private final Sleeper sleeper;

  TokenEndpointClient(TokenClient.Builder b) {
    this.uri = b.tokenEndpoint;
    this.clientId = b.clientId;
    this.clientSecret = b.clientSecret;
    this.authMethod = b.authMethod;
    this.http = b.httpClient;
    this.clock = b.clock;
    this.requestTimeout = b.requestTimeout;
    this.maxAttempts = b.maxAttempts;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxRetryAfter = b.maxRetryAfter;
    this.jitter = b.jitter;
    this.sleeper = b.sleeper;
  }

  /**
   * Posts the grant's parameters and returns the token, counting its expiry from the moment the
   * request was last sent.
   *
   * @param singleUse whether the server spends the grant on arrival (a refresh token), so that
   *     the request is resent only when it certainly did not arrive
   * @throws TokenClientException when the server refuses, the attempts run out, or a single-use
   *     request may have arrived and failed
   */
  CachedToken request(Map<String, String> grant, Duration margin, boolean singleUse) {
    return answer(grant, margin, singleUse).token();
  }

  /**
   * Like {@link #request}, keeping the {@code id_token} of the answer too (the
   * {@code authorization_code} grant with {@code openid}, OpenID Connect Core section 3.1.3.3).
   */
  Answer answer(Map<String, String> grant, Duration margin, boolean singleUse) {
    HttpRequest request = build(grant);
    String grantType = grant.get("grant_type");
    for (int attempt = 1; ; attempt++) {
      Instant sentAt = clock.instant();
      HttpResponse<String> response;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        boolean arrived = singleUse && mayHaveArrived(e);
        if (arrived || attempt >= maxAttempts) {
          throw new TokenClientException(TokenClientException.NO_RESPONSE, null, null,
              "token request (" + grantType + ") failed after " + attempts(attempt) + ": "
                  + e.getClass().getSimpleName(), e, arrived);
        }
        Duration wait = backoff(attempt);
        LOG.warn("token request ({}) attempt {} failed with {}; retrying in {} ms",
            grantType, attempt, e.getClass().getSimpleName(), wait.toMillis());
        pause(wait, grantType);
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(grantType, e, singleUse);
      }
      int status = response.statusCode();
      if (status == 200) {
        return parseSuccess(response.body(), sentAt, margin, grantType, singleUse);
      }
      Map<String, Object> body = Json.parseObject(response.body()).orElse(Map.of());
      boolean serverError = status >= 500;
      boolean retryable = status == 429 || (serverError && !singleUse);
      if (!retryable || attempt >= maxAttempts) {
        throw failure(status, body, grantType, attempt, singleUse && serverError);
      }
      Duration wait = backoff(attempt);
      if (status == 429) {
        Optional<Duration> asked =
            RetryAfter.parse(response.headers().firstValue("Retry-After"), clock.instant());
        if (asked.isPresent() && asked.get().compareTo(maxRetryAfter) > 0) {
          // Waiting less than the server asked would only earn another 429.
          throw failure(status, body, grantType, attempt, false);
        }
        wait = asked.orElse(wait);
      }
      LOG.warn("token request ({}) attempt {} got HTTP {}; retrying in {} ms",
          grantType, attempt, status, wait.toMillis());
      pause(wait, grantType);
    }
  }

  /** A token answer: the token to cache, and the ID token when the server sent one. */
  record Answer(CachedToken token, String idToken) {
    /** Never prints the tokens. */
    @Override
    public String toString() {
      return "Answer[" + token + ", idToken=" + (idToken == null ? "none" : "**********") + "]";
    }
  }

  /**
   * Whether a request that failed with {@code e} may have reached the server. Only a connection
   * that was never made proves that it did not; a timeout or a broken connection may have lost
   * the answer to a request the server carried out.
   */
  static boolean mayHaveArrived(IOException e) {
    return !(e instanceof ConnectException || e instanceof HttpConnectTimeoutException);
  }

  private HttpRequest build(Map<String, String> grant) {
    Map<String, String> form = new LinkedHashMap<>(grant);
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json");
    if (clientSecret == null) {
      // A public client (docs/http-contract.md, "Token request"): its id alone, in the body.
      form.put("client_id", clientId);
    } else if (authMethod == ClientAuthMethod.CLIENT_SECRET_BASIC) {
      // RFC 6749 2.3.1: id and secret are form-urlencoded before they are Basic-encoded.
      String pair = formEncode(clientId) + ":" + formEncode(clientSecret);
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    } else {
      form.put("client_id", clientId);
      form.put("client_secret", clientSecret);
    }
    String body = form.entrySet().stream()
        .map(e -> formEncode(e.getKey()) + "=" + formEncode(e.getValue()))
        .collect(Collectors.joining("&"));
    return builder.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
  }

  private Answer parseSuccess(
      String text, Instant sentAt, Duration margin, String grant, boolean singleUse) {
    Map<String, Object> body = Json.parseObject(text).orElse(Map.of());
    Object access = body.get("access_token");
    Object type = body.get("token_type");
    Object expiresIn = body.get("expires_in");
    Object refresh = body.get("refresh_token");
    Object scope = body.get("scope");
    Object idToken = body.get("id_token");
    if (!(access instanceof String) || ((String) access).isEmpty()
        || !(type instanceof String) || !"bearer".equalsIgnoreCase((String) type)
        || (expiresIn != null && !(expiresIn instanceof Number))
        || (refresh != null && !(refresh instanceof String))
        || (idToken != null && !(idToken instanceof String))) {
      // The server carried the grant out: a refresh token it was given is spent.
      throw new TokenClientException(200, null, null,
          "token request (" + grant + ") got a 200 that is not a Bearer token response", null,
          singleUse);
    }
    Long seconds = expiresIn == null ? null : Math.max(0L, ((Number) expiresIn).longValue());
    LOG.debug("token obtained with {} (expires_in={})", grant, seconds);
    return new Answer(CachedToken.of((String) access, (String) refresh, seconds,
        scope instanceof String ? (String) scope : null, sentAt, margin), (String) idToken);
  }

  private TokenClientException failure(
      int status, Map<String, Object> body, String grant, int attempts, boolean mayHaveArrived) {
    String error = stringOrNull(body.get("error"));
    String code = stringOrNull(body.get("code"));
    String description = stringOrNull(body.get("error_description"));
    StringBuilder message = new StringBuilder("token request (").append(grant)
        .append(") failed with HTTP ").append(status);
    if (error != null) {
      message.append(' ').append(error);
    }
    if (code != null) {
      message.append(" (").append(code).append(')');
    }
    if (description != null) {
      message.append(": ").append(description.length() > MAX_DESCRIPTION_CHARS
          ? description.substring(0, MAX_DESCRIPTION_CHARS) + "..." : description);
    }
    message.append(" after ").append(attempts(attempts));
    return new TokenClientException(status, error, code, message.toString(), null,
        mayHaveArrived);
  }

  private static String attempts(int n) {
    return n + (n == 1 ? " attempt" : " attempts");
  }

  /** Full jitter (uniform in [0, min(max, initial * 2^(attempt-1)))): spreads out a herd. */
  private Duration backoff(int attempt) {
    long ceiling = initialBackoff.toMillis() << Math.min(attempt - 1, 30);
    if (ceiling <= 0 || ceiling > maxBackoff.toMillis()) {
      ceiling = maxBackoff.toMillis();
    }
    return Duration.ofMillis((long) (jitter.nextDouble() * ceiling));
  }

  private void pause(Duration wait, String grant) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // Between attempts: the last one certainly did not arrive, or it would not be retried.
      throw interrupted(grant, e, false);
    }
  }

  private static TokenClientException interrupted(
      String grant, InterruptedException e, boolean mayHaveArrived) {
    return new TokenClientException(TokenClientException.NO_RESPONSE, null, null,
        "token request (" + grant + ") interrupted", e, mayHaveArrived);
  }

  private static String stringOrNull(Object value) {
    return value instanceof String ? (String) value : null;
  }

  private static String formEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
