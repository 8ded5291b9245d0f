package io.admin.auth.servlet.http;

import static io.admin.auth.servlet.http.AbstractEndToEndHttpTest.basic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.store.memory.InMemoryClientStore;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.servlet.config.AdminAuth;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * When a store cannot be reached, the endpoints answer 503 contract JSON, never 401 or a stack
 * trace, on both containers. The outage is a real {@link ClientStore} implementation that fails,
 * the way a database-backed one does.
 */
class StoreOutageHttpTest {

  /** A client store whose backing system can be switched off. */
  static final class SwitchableClientStore implements ClientStore {
    private final InMemoryClientStore delegate = new InMemoryClientStore();
    volatile boolean down;

    private void check() {
      if (down) {
        throw new AuthUnavailableException("client store unreachable");
      }
    }

    @Override
    public Optional<OAuthClient> findById(String clientId) {
      check();
      return delegate.findById(clientId);
    }

    @Override
    public List<OAuthClient> findAll() {
      check();
      return delegate.findAll();
    }

    @Override
    public void save(OAuthClient client) {
      check();
      delegate.save(client);
    }

    @Override
    public boolean delete(String clientId) {
      check();
      return delegate.delete(clientId);
    }
  }

  static Stream<Arguments> containers() {
    return Stream.of(Arguments.of("jetty", (TestServer.Factory) JettyTestServer::start),
        Arguments.of("tomcat", (TestServer.Factory) TomcatTestServer::start));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("containers")
  void endpointsWhenClientStoreDownThenServiceUnavailableJson(String name, TestServer.Factory container)
      throws Exception {
    SwitchableClientStore store = new SwitchableClientStore();
    DefaultTokenService tokens = DefaultTokenService.builder()
        .issuer("https://outage.example.test").clientStore(store)
        .secretPepper(new byte[32]).build(); // a fixed test pepper: the store is "persistent"
    tokens.registerClient(ClientRegistration.of("c1", "c1-secret-0123456789", Set.of("users:read")));
    AdminAuth auth = AdminAuth.builder(tokens).build();
    TestServer server = container.start("", (classes, ctx) -> auth.register(ctx));
    try {
      Http http = new Http(server.base());
      store.down = true;
      for (HttpResponse<String> r : List.of(
          http.form("/api/v3/auth/token", "grant_type=client_credentials",
              "Authorization", basic("c1", "c1-secret-0123456789")),
          http.form("/api/v3/auth/introspect", "token=x",
              "Authorization", basic("c1", "c1-secret-0123456789")))) {
        assertEquals(503, r.statusCode(), r.body());
        Map<String, Object> b = Http.body(r);
        assertEquals("temporarily_unavailable", b.get("error"));
        assertEquals("AUTH_UNAVAILABLE", b.get("code"));
        assertTrue(r.headers().allValues("WWW-Authenticate").isEmpty());
        assertFalse(r.body().contains("unreachable"));
      }
      // The metadata no longer reads the client store, so a client-store outage leaves it up.
      assertEquals(200, http.get("/.well-known/oauth-authorization-server").statusCode());
      store.down = false;
      assertEquals(200, http.form("/api/v3/auth/token", "grant_type=client_credentials",
          "Authorization", basic("c1", "c1-secret-0123456789")).statusCode());
    } finally {
      server.close();
    }
  }
}
