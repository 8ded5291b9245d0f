package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.password.Argon2Params;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.password.PasswordHasher;
import io.admin.auth.core.spi.User;
import io.admin.auth.core.password.VerificationListener;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.store.memory.InMemoryUserStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP Basic (RFC 7617, docs/http-contract.md section 5) through {@link AdminAuth}: success, the one answer
 * for unknown user and wrong password, hostile headers, the dummy verification, cache
 * invalidation on a password change, and brute-force throttling per user and per address.
 *
 * <p>Argon2 runs with cheap parameters (m=64 KiB, t=1): hashing cost is not what is tested here,
 * and the OWASP parameters are covered by the core tests. Every test starts an hour after the
 * previous one on the test clock, so throttle state and cached logins never leak between tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractBasicHttpTest {

  static final String ALICE = "alice";
  /** Colons in a password are legal (RFC 7617 section 2). */
  static final String ALICE_PASSWORD = "correct:horse:battery";
  static final String JOSE = "josé";
  static final String JOSE_PASSWORD = "pässwörd-€";
  static final int USER_LIMIT = 3;
  static final int ADDRESS_LIMIT = 10;

  private final AtomicInteger dummies = new AtomicInteger();
  private final AtomicInteger cacheHits = new AtomicInteger();
  private final AtomicInteger verified = new AtomicInteger();
  private CoreFixture core;
  private InMemoryUserStore users;
  private PasswordHasher hasher;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    core = new CoreFixture();
    SecureRandom random = new SecureRandom();
    hasher = PasswordHasher.withParams(new Argon2Params(64, 1, 1), random);
    users = new InMemoryUserStore();
    users.save(new User(ALICE, hasher.hash(ALICE_PASSWORD), Set.of("users:read"), false));
    users.save(new User(JOSE, hasher.hash(JOSE_PASSWORD), Set.of(), false));
    byte[] pepper = new byte[32];
    random.nextBytes(pepper);
    BasicAuthenticator basic = BasicAuthenticator.builder().users(users).hasher(hasher)
        .cacheKeyHasher(SecretHasher.withPepper(pepper)).clock(core.clock()).random(random)
        .listener(new VerificationListener() {
          @Override
          public void dummyVerified() {
            dummies.incrementAndGet();
          }

          @Override
          public void cacheHit(String user) {
            cacheHits.incrementAndGet();
          }

          @Override
          public void hashVerified(String user, boolean matched) {
            verified.incrementAndGet();
          }
        })
        .build();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .basic(basic)
        .scheme(new TestApiKeyScheme())
        .rateLimits(RateLimits.builder(core.clock())
            .basicPerUser(FailureThrottle.builder().maxFailures(USER_LIMIT).clock(core.clock()).build())
            .basicPerAddress(FailureThrottle.builder().maxFailures(ADDRESS_LIMIT).clock(core.clock()).build())
            .build())
        .accessPolicy(AccessPolicy.builder()
            .protectedPrefix("/api")
            .rule("GET", "/api/v3/users", "users:read")
            .rule("GET", "/api/v3/me")
            .build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void laterOn() {
    // Past every window, block and cache lifetime: each test meets fresh throttles.
    core.advance(Duration.ofHours(1));
  }

  @Test
  void basicWhenCorrectThenPrincipalIsTheUserWithMethodBasic() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/users", "Authorization", basic(ALICE, ALICE_PASSWORD));
    assertEquals(200, r.statusCode(), r.body());
    Map<String, Object> b = Http.body(r);
    assertEquals("basic", b.get("attr_method"));
    assertEquals(ALICE, b.get("attr_subject"));
    assertNull(b.get("attr_client_id"));
    assertEquals("users:read", b.get("attr_scopes"));
  }

  @Test
  void basicWhenUserAndPasswordAreNonAsciiThenDecodedAsUtf8() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/me", "Authorization", basic(JOSE, JOSE_PASSWORD));
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(JOSE, Http.body(r).get("attr_subject"));
  }

  @Test
  void basicWhenWrongPasswordOrUnknownUserThenSameAnswerAndDummyVerifiedForUnknown()
      throws Exception {
    int dummiesBefore = dummies.get();
    int verifiedBefore = verified.get();
    HttpResponse<String> wrong = http.get("/api/v3/me", "Authorization", basic(ALICE, "nope"));
    assertEquals(dummiesBefore, dummies.get());
    assertEquals(verifiedBefore + 1, verified.get());
    HttpResponse<String> unknown = http.get("/api/v3/me", "Authorization", basic("mallory", "nope"));
    assertEquals(dummiesBefore + 1, dummies.get(), "an unknown user costs one dummy verification");
    assertEquals(verifiedBefore + 1, verified.get());
    assertError(wrong, 401, "invalid_credentials", "AUTH_BASIC_INVALID");
    assertError(unknown, 401, "invalid_credentials", "AUTH_BASIC_INVALID");
    assertEquals(wrong.body(), unknown.body());
    assertEquals(List.of("Basic realm=\"admin\", charset=\"UTF-8\""),
        wrong.headers().allValues("WWW-Authenticate"));
    assertEquals(wrong.headers().allValues("WWW-Authenticate"),
        unknown.headers().allValues("WWW-Authenticate"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic", "Basic ", "Basic !!!", "Basic bm9jb2xvbg==", "Basic OnB3",
      "Basic /w==", "Basic YWxpY2UAOnB3", "Basic YWxpY2U6cHcK", "Basic YWxp Y2U6cHc=",
      "Basic ====", "bASIC Og==", "LONG"})
  void basicWhenHeaderMalformedThen401BasicInvalidNeverServerError(String header) throws Exception {
    // nocolon; ":pw" (empty user); 0xFF (not UTF-8); "alice\0:pw" and "alice:pw\n" (controls);
    // a space inside the base64; padding only; ":" with an odd-case scheme; 5000 characters.
    String sent = header.equals("LONG") ? "Basic " + "QUFB".repeat(1250) : header;
    int dummiesBefore = dummies.get();
    HttpResponse<String> r = http.get("/api/v3/me", "Authorization", sent);
    assertError(r, 401, "invalid_credentials", "AUTH_BASIC_INVALID");
    assertEquals("The Basic credentials are malformed.", Http.body(r).get("message"));
    assertEquals(dummiesBefore, dummies.get(), "refused before any user lookup");
    assertEquals(List.of("Basic realm=\"admin\", charset=\"UTF-8\""),
        r.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void basicWhenNoCredentialsThenBasicChallengeOfferedWithBearer() throws Exception {
    HttpResponse<String> r = http.get("/api/v3/me");
    assertError(r, 401, "unauthorized", "AUTH_CREDENTIALS_MISSING");
    assertEquals(List.of("Bearer realm=\"admin\"", "Basic realm=\"admin\", charset=\"UTF-8\"",
        "ApiKey realm=\"admin\""), r.headers().allValues("WWW-Authenticate"));
  }

  /**
   * Two credentials are refused before either is checked: no password hash (not even the dummy)
   * is spent on a request that gets 400, and no failure is counted against the user.
   */
  @Test
  void twoCredentialsWhenBasicAndApiKeyThen400WithoutHashingOrThrottling() throws Exception {
    int verifiedBefore = verified.get();
    int dummiesBefore = dummies.get();
    for (int i = 0; i <= USER_LIMIT; i++) {
      HttpResponse<String> r = http.get("/api/v3/me",
          "Authorization", basic(ALICE, "not-the-password"), "X-API-Key", "key-ok");
      assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
    }
    assertEquals(verifiedBefore, verified.get(), "a password hash was checked");
    assertEquals(dummiesBefore, dummies.get(), "a dummy hash was checked");
    assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD))
        .statusCode(), "alice was throttled by requests that never tried her password");
  }

  @Test
  void basicWhenPasswordChangedInStoreThenCachedOldPasswordRefusedAtNextRequest() throws Exception {
    User before = users.find(ALICE).orElseThrow();
    try {
      assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)).statusCode());
      int hits = cacheHits.get();
      assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)).statusCode());
      assertEquals(hits + 1, cacheHits.get(), "the second login is answered from the cache");

      users.save(before.withPasswordHash(hasher.hash("a-new-password")));
      assertError(http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)),
          401, "invalid_credentials", "AUTH_BASIC_INVALID");
      assertEquals(hits + 1, cacheHits.get(), "the stale entry was not used");
      assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, "a-new-password")).statusCode());
    } finally {
      users.save(before);
    }
  }

  @Test
  void basicWhenUserDisabledThenCachedLoginRefused() throws Exception {
    User before = users.find(ALICE).orElseThrow();
    try {
      assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)).statusCode());
      users.save(before.withDisabled(true));
      assertError(http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)),
          401, "invalid_credentials", "AUTH_BASIC_INVALID");
    } finally {
      users.save(before);
    }
  }

  @Test
  void basicWhenRepeatedFailuresForOneUserThen429WithRetryAfterEvenForTheRightPassword()
      throws Exception {
    for (int i = 0; i < USER_LIMIT; i++) {
      assertError(http.get("/api/v3/me", "Authorization", basic(ALICE, "guess-" + i)),
          401, "invalid_credentials", "AUTH_BASIC_INVALID");
    }
    int verifiedBefore = verified.get();
    HttpResponse<String> r = http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD));
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    assertEquals("300", r.headers().firstValue("Retry-After").orElse(null));
    assertEquals(Map.of("retry_after_seconds", 300L), Http.body(r).get("details"));
    assertEquals(verifiedBefore, verified.get(), "a throttled attempt spends no password hash");
    assertEquals(200, http.get("/api/v3/me", "Authorization", basic(JOSE, JOSE_PASSWORD)).statusCode(),
        "another user from the same address is not blocked");

    core.advance(Duration.ofSeconds(300));
    assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)).statusCode());
  }

  @Test
  void basicWhenRepeatedFailuresFromOneAddressAcrossUsersThen429ForEveryUser() throws Exception {
    for (int i = 0; i < ADDRESS_LIMIT; i++) {
      assertError(http.get("/api/v3/me", "Authorization", basic("user" + i, "pw")),
          401, "invalid_credentials", "AUTH_BASIC_INVALID");
    }
    HttpResponse<String> r = http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD));
    assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
    assertEquals("300", r.headers().firstValue("Retry-After").orElse(null));
  }

  @Test
  void basicWhenSuccessThenUserFailuresReset() throws Exception {
    for (int i = 0; i < USER_LIMIT - 1; i++) {
      http.get("/api/v3/me", "Authorization", basic(ALICE, "guess-" + i));
    }
    assertEquals(200, http.get("/api/v3/me", "Authorization", basic(ALICE, ALICE_PASSWORD)).statusCode());
    for (int i = 0; i < USER_LIMIT - 1; i++) {
      assertError(http.get("/api/v3/me", "Authorization", basic(ALICE, "again-" + i)),
          401, "invalid_credentials", "AUTH_BASIC_INVALID");
    }
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
