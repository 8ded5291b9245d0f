package io.admin.auth.core.client;

import java.time.Duration;
import java.time.Instant;

/**
 * A token the client holds. {@code refreshAt} is when it stops being handed out without a
 * refresh attempt; {@code expiresAt} is when it stops being usable at all.
 */
record CachedToken(
    String accessToken, String refreshToken, Instant refreshAt, Instant expiresAt, String scope) {

  /**
   * Builds the cached form of a response received for a request sent at {@code requestedAt}.
   * Counting from the request, not the response, errs on the early side. The margin is capped at
   * half the lifetime so that a short-lived token is not refreshed on every call.
   */
  static CachedToken of(
      String accessToken, String refreshToken, Long expiresIn, String scope,
      Instant requestedAt, Duration margin) {
    if (expiresIn == null) {
      // RFC 6749 5.1 makes expires_in optional: without it, use the token until a 401 says no.
      return new CachedToken(accessToken, refreshToken, Instant.MAX, Instant.MAX, scope);
    }
    Duration lifetime = Duration.ofSeconds(expiresIn);
    Duration effectiveMargin = margin.compareTo(lifetime.dividedBy(2)) > 0
        ? lifetime.dividedBy(2) : margin;
    Instant expiresAt = requestedAt.plus(lifetime);
    return new CachedToken(
        accessToken, refreshToken, expiresAt.minus(effectiveMargin), expiresAt, scope);
  }

  /** Whether the token can be handed out without trying to refresh it. */
  boolean isFresh(Instant now) {
    return now.isBefore(refreshAt);
  }

  /** Whether the token has not expired yet (it may be due for a refresh). */
  boolean isUsable(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** The same grant with an access token that must not be used again (the 401 path). */
  CachedToken invalidated() {
    return new CachedToken(accessToken, refreshToken, Instant.MIN, Instant.MIN, scope);
  }

  /** The same access token without the refresh token, once that may have been spent. */
  CachedToken withoutRefreshToken() {
    return new CachedToken(accessToken, null, refreshAt, expiresAt, scope);
  }

  /** Never prints the tokens. */
  @Override
  public String toString() {
    return "CachedToken[refreshAt=" + refreshAt + ", expiresAt=" + expiresAt + ", scope=" + scope
        + "]";
  }
}
