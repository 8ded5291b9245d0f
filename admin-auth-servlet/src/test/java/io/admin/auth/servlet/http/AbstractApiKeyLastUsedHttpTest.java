package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.store.memory.InMemoryApiKeyStore;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.config.AdminAuth;
import io.admin.auth.servlet.config.RateLimits;
import jakarta.servlet.ServletContainerInitializer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code last_used_at} of API keys reaches the store (docs/http-contract.md, API key management):
 * two nodes share one key store, a key is used on node A, and node B, which never saw the use,
 * must report it from the store. Run against every container by a subclass.
 */
abstract class AbstractApiKeyLastUsedHttpTest {

  static final String KEYS = "/api/v3/api-keys";
  static final String FLUSHER_THREAD = "admin-auth-api-key-last-used";
  static final Duration DEADLINE = Duration.ofSeconds(20);

  private final CoreFixture core = new CoreFixture();
  private final InMemoryApiKeyStore store = new InMemoryApiKeyStore();
  private final byte[] pepper = new byte[32];
  private final List<TestServer> servers = new ArrayList<>();

  abstract TestServer.Factory container();

  @BeforeEach
  void pepper() {
    new SecureRandom().nextBytes(pepper);
  }

  @AfterEach
  void stopAll() throws Exception {
    for (TestServer s : servers) {
      s.close();
    }
  }

  @Test
  void lastUsedWhenKeyUsedOnOneNodeThenOtherNodeReportsItAfterTheNextFlush() throws Exception {
    Http b = new Http(start(ApiKeyService.builder()).base());
    Http a = new Http(start(ApiKeyService.builder()
        .lastUsedFlushInterval(Duration.ofMillis(50))).base());
    String bearer = bearer(b);
    Map<String, Object> issued = Http.body(create(b, bearer));
    String id = (String) issued.get("id");

    Instant usedAt = core.now();
    HttpResponse<String> use = a.get("/api/v3/me", "X-API-Key", (String) issued.get("key"));
    assertEquals(200, use.statusCode(), use.body());

    // Node A keeps running: only its flush schedule can bring the use to node B.
    Instant deadline = Instant.now().plus(DEADLINE);
    Object lastUsed = apiKey(b, bearer, id).get("last_used_at");
    while (lastUsed == null && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      lastUsed = apiKey(b, bearer, id).get("last_used_at");
    }
    assertEquals(usedAt.toString(), lastUsed, "node A's scheduled flush reached the store");
  }

  @Test
  void lastUsedWhenUsingNodeStopsThenItsPendingUsesAreFlushedForOtherNodes() throws Exception {
    Set<Thread> flushersBefore = flusherThreads();
    Http b = new Http(start(ApiKeyService.builder()).base());
    TestServer nodeA = start(ApiKeyService.builder());
    Http a = new Http(nodeA.base());
    String bearer = bearer(b);
    Map<String, Object> issued = Http.body(create(b, bearer));
    String id = (String) issued.get("id");
    assertNull(apiKey(b, bearer, id).get("last_used_at"));

    Instant usedAt = core.now();
    HttpResponse<String> use = a.get("/api/v3/me", "X-API-Key", (String) issued.get("key"));
    assertEquals(200, use.statusCode(), use.body());
    nodeA.close();
    servers.remove(nodeA);

    assertEquals(usedAt.toString(), apiKey(b, bearer, id).get("last_used_at"),
        "node A flushed its pending use when its context was destroyed");
    servers.get(0).close();
    servers.clear();
    assertNoThreadLeftBesides(flushersBefore);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private TestServer start(ApiKeyService.Builder keys) throws Exception {
    ApiKeyService service = keys.store(store).hasher(SecretHasher.withPepper(pepper))
        .clock(core.clock()).build();
    AdminAuth auth = AdminAuth.builder(core.tokens())
        .apiKeys(service)
        .rateLimits(RateLimits.builder(core.clock()).tokenPerAddress(RateLimits.unlimited())
            .tokenPerClient(RateLimits.unlimited()).build())
        .accessPolicy(AccessPolicy.builder().protectedPrefix("/api").rule("GET", "/api/v3/me")
            .build())
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      auth.register(ctx);
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    TestServer server = container().start("", app);
    servers.add(server);
    return server;
  }

  /** Every flusher thread not in {@code before} ends once its server has stopped. */
  static void assertNoThreadLeftBesides(Set<Thread> before) throws InterruptedException {
    for (Thread t : flusherThreads()) {
      if (!before.contains(t)) {
        t.join(DEADLINE.toMillis());
        assertFalse(t.isAlive(), t.getName() + " outlived its server");
      }
    }
  }

  static Set<Thread> flusherThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(FLUSHER_THREAD)).collect(Collectors.toSet());
  }

  private static String bearer(Http http) throws Exception {
    String basic = Base64.getEncoder().encodeToString((CoreFixture.CLIENT_A + ":"
        + CoreFixture.SECRET_A).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r = http.form("/api/v3/auth/token", "grant_type=client_credentials",
        "Authorization", "Basic " + basic);
    assertEquals(200, r.statusCode(), r.body());
    return "Bearer " + Http.body(r).get("access_token");
  }

  private static HttpResponse<String> create(Http http, String bearer) throws Exception {
    HttpResponse<String> c = http.json(KEYS, "{\"name\":\"ci-bot\",\"scopes\":[\"users:read\"]}",
        "Authorization", bearer);
    assertEquals(201, c.statusCode(), c.body());
    return c;
  }

  private static Map<String, Object> apiKey(Http http, String bearer, String id)
      throws Exception {
    HttpResponse<String> r = http.get(KEYS + "/" + id, "Authorization", bearer);
    assertEquals(200, r.statusCode(), r.body());
    assertFalse(r.body().contains("\"key\""), "metadata never carries a secret");
    return Http.body(r);
  }
}
