package io.admin.auth.servlet.http;

import io.admin.auth.core.testing.MutableClock;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.TokenService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * The real core token service with in-memory stores, a test-controlled clock and these clients:
 * A (every scope), B ({@code users:read} only), one whose id and secret need form-encoding in a
 * Basic header, one allowed only {@code client_credentials} without a refresh token, one with
 * a five-minute refresh-token lifetime, and two whose secrets the Basic rules refuse unless sent
 * in the body (too long once form-encoded; a raw control character).
 */
final class CoreFixture {

  static final String ISSUER = "https://auth.example.test";
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String CLIENT_A = "client-a";
  static final String SECRET_A = "secret-a-0123456789abcdef";
  static final String CLIENT_B = "client-b";
  static final String SECRET_B = "secret-b-0123456789abcdef";
  static final String CLIENT_ODD = "odd:client+id%";
  static final String SECRET_ODD = "p@ss:w/rd+=%&-long-enough";
  static final String CLIENT_CC = "client-cc";
  static final String SECRET_CC = "secret-cc-0123456789abcdef";
  static final String CLIENT_SHORT = "client-short";
  static final String SECRET_SHORT = "secret-short-0123456789";
  static final String CLIENT_C = "client-c";
  static final String SECRET_C = "secret-c-0123456789abcdef";
  /** A secret whose form-encoded Basic header is over the Basic length bound. */
  static final String CLIENT_LONG = "client-long";
  static final String SECRET_LONG = "\u00e9".repeat(600);
  /** A secret with a control character, legal only form-encoded in a Basic header. */
  static final String CLIENT_CTRL = "client-ctrl";
  static final String SECRET_CTRL = "secret-ctrl\t0123456789abcdef";
  static final String CLIENT_ADMIN = "client-admin";
  static final String SECRET_ADMIN = "secret-admin-0123456789abcdef";

  private final MutableClock clock = new MutableClock(START);
  private final DefaultTokenService tokens;

  CoreFixture() {
    this(ISSUER);
  }

  /** A fixture whose service has its own keys and {@code issuer}. */
  CoreFixture(String issuer) {
    tokens = DefaultTokenService.builder()
        .issuer(issuer)
        .clock(clock)
        .random(new SecureRandom())
        .build();
    tokens.registerClient(ClientRegistration.of(CLIENT_A, SECRET_A,
        Set.of("users:read", "users:write", "api-keys:manage")));
    tokens.registerClient(ClientRegistration.of(CLIENT_B, SECRET_B, Set.of("users:read")));
    tokens.registerClient(ClientRegistration.of(CLIENT_ODD, SECRET_ODD, Set.of("users:read")));
    tokens.registerClient(new ClientRegistration(CLIENT_CC, SECRET_CC, Set.of("users:read"),
        Set.of(DefaultTokenService.GRANT_CLIENT_CREDENTIALS), false, null, null));
    tokens.registerClient(new ClientRegistration(CLIENT_SHORT, SECRET_SHORT, Set.of("users:read"),
        ClientRegistration.SUPPORTED_GRANTS, true, null, Duration.ofMinutes(5)));
    tokens.registerClient(ClientRegistration.of(CLIENT_C, SECRET_C,
        Set.of("users:read", "api-keys:manage")));
    tokens.registerClient(ClientRegistration.of(CLIENT_LONG, SECRET_LONG, Set.of("users:read")));
    tokens.registerClient(ClientRegistration.of(CLIENT_CTRL, SECRET_CTRL, Set.of("users:read")));
    tokens.registerClient(ClientRegistration.of(CLIENT_ADMIN, SECRET_ADMIN,
        Set.of("users:read", "api-keys:manage", "api-keys:admin")));
  }

  /** The test-controlled clock, to share with other services under test. */
  Clock clock() {
    return clock;
  }

  TokenService tokens() {
    return tokens;
  }

  Instant now() {
    return clock.instant();
  }

  void advance(Duration d) {
    clock.advance(d);
  }
}
