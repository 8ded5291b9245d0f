package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractFilterHttpTest.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.admin.auth.servlet.config.AdminAuth;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Throttling of failed client authentication (docs/http-contract.md section 2.3) at the token,
 * revocation and introspection endpoints, with the default limits: failures are counted per
 * client id and per remote address, and once either is exhausted the answer is 429 {@code
 * AUTH_RATE_LIMITED} with {@code Retry-After}, whatever the secret. A second loopback address
 * ({@code 127.0.0.2}) plays another caller. Every test starts an hour later on the test clock.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractClientThrottleHttpTest {

  /** The default failures per client id before it is blocked. */
  static final int PER_CLIENT = 10;
  /** The default failures per remote address before it is blocked. */
  static final int PER_ADDRESS = 50;
  static final String OTHER_ADDRESS = "127.0.0.2";

  private CoreFixture core;
  private TestServer server;
  private Http http;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    core = new CoreFixture();
    AdminAuth auth = AdminAuth.builder(core.tokens()).clock(core.clock()).build();
    ServletContainerInitializer app = (classes, ctx) -> auth.register(ctx);
    server = container().start("", app);
    http = new Http(server.base());
  }

  @AfterAll
  void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void laterOn() {
    core.advance(Duration.ofHours(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/auth/token", "/api/v3/auth/revoke", "/api/v3/auth/introspect"})
  void endpointWhenOneClientIdFailsRepeatedlyThen429ForItAloneWithRetryAfter(String path)
      throws Exception {
    HttpResponse<String> limited = firstRateLimited(path, i -> CoreFixture.CLIENT_B, PER_CLIENT);
    assertEquals("300", limited.headers().firstValue("Retry-After").orElse(null));
    assertEquals(Map.of("retry_after_seconds", 300L), Http.body(limited).get("details"));
    assertEquals(429, from(OTHER_ADDRESS, path, CoreFixture.CLIENT_B, CoreFixture.SECRET_B).status(),
        "the client id stays blocked from any address, even with its right secret");
    Http.RawResponse other = from(OTHER_ADDRESS, path, CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    assertEquals(200, other.status(), other.body());
    core.advance(Duration.ofMinutes(5));
    assertEquals(200, post(path, CoreFixture.CLIENT_B, CoreFixture.SECRET_B).statusCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/v3/auth/token", "/api/v3/auth/revoke", "/api/v3/auth/introspect"})
  void endpointWhenOneAddressFailsForManyClientIdsThen429ForThatAddressOnly(String path)
      throws Exception {
    firstRateLimited(path, i -> "nobody-" + i, PER_ADDRESS);
    assertError(post(path, CoreFixture.CLIENT_A, CoreFixture.SECRET_A), 429, "rate_limited",
        "AUTH_RATE_LIMITED");
    Http.RawResponse other = from(OTHER_ADDRESS, path, CoreFixture.CLIENT_A, CoreFixture.SECRET_A);
    assertEquals(200, other.status(), other.body());
  }

  /**
   * Sends wrong secrets (client id {@code id.apply(i)} for the i-th) until the first 429, and
   * checks that it comes right after {@code limit} failures of 401 {@code invalid_client}.
   */
  private HttpResponse<String> firstRateLimited(String path,
      java.util.function.IntFunction<String> id, int limit) throws Exception {
    for (int i = 0; i < 200; i++) {
      HttpResponse<String> r = post(path, id.apply(i), "wrong-secret-0123456789");
      if (r.statusCode() == 429) {
        assertError(r, 429, "rate_limited", "AUTH_RATE_LIMITED");
        assertEquals(limit, i, "failures before the first 429");
        assertNotNull(r.headers().firstValue("Retry-After").orElse(null));
        return r;
      }
      assertError(r, 401, "invalid_client", "AUTH_CLIENT_INVALID");
    }
    throw new AssertionError("200 wrong secrets in a row at " + path + " and never a 429");
  }

  private HttpResponse<String> post(String path, String client, String secret) throws Exception {
    return http.form(path, body(path), "Authorization", basic(client, secret));
  }

  private Http.RawResponse from(String address, String path, String client, String secret)
      throws Exception {
    return Http.postFrom(address, server.port(), path, body(path),
        "Authorization", basic(client, secret));
  }

  private static String body(String path) {
    return path.endsWith("/token") ? "grant_type=client_credentials" : "token=not-a-real-token";
  }

  private static String basic(String client, String secret) {
    return "Basic " + Base64.getEncoder().encodeToString(
        (client + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
