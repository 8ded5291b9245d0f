package io.admin.auth.servlet.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.servlet.access.AccessPolicy;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.scheme.BearerScheme;
import io.admin.auth.servlet.access.TransportSecurity;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContainerInitializer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * HTTPS enforcement with real remote addresses: the server listens on every interface and the
 * test connects once through loopback and once through a non-loopback address of this machine,
 * so {@code getRemoteAddr()} is really non-loopback. {@code /untrusted/*} trusts no proxy;
 * {@code /trusted/*} trusts that address as a proxy; {@code /local-proxy/*} trusts {@code
 * 127.0.0.1} as a proxy, like nginx or a sidecar on the same host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractTransportHttpTest {

  private TestServer server;
  private String lanAddress;

  abstract TestServer.Factory container();

  @BeforeAll
  void start() throws Exception {
    lanAddress = nonLoopbackAddress().orElse(null);
    assumeTrue(lanAddress != null, "needs a non-loopback IPv4 address");
    AccessPolicy open = AccessPolicy.builder().publicPath("/**").build();
    AdminAuthFilter untrusted = AdminAuthFilter.builder()
        .scheme(new BearerScheme(t -> AuthOutcome.notApplicable()))
        .accessPolicy(open)
        .transportSecurity(TransportSecurity.requireHttps(Set.of()))
        .build();
    AdminAuthFilter trusted = AdminAuthFilter.builder()
        .scheme(new BearerScheme(t -> AuthOutcome.notApplicable()))
        .accessPolicy(open)
        .transportSecurity(TransportSecurity.requireHttps(Set.of(lanAddress)))
        .build();
    AdminAuthFilter localProxy = AdminAuthFilter.builder()
        .scheme(new BearerScheme(t -> AuthOutcome.notApplicable()))
        .accessPolicy(open)
        .transportSecurity(TransportSecurity.requireHttps(Set.of("127.0.0.1")))
        .build();
    ServletContainerInitializer app = (classes, ctx) -> {
      ctx.addFilter("localProxy", localProxy)
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/local-proxy/*");
      ctx.addFilter("untrusted", untrusted)
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/untrusted/*");
      ctx.addFilter("trusted", trusted)
          .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), false, "/trusted/*");
      ctx.addServlet("echo", new EchoServlet()).addMapping("/");
    };
    server = container().start("0.0.0.0", "", app);
  }

  @AfterAll
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> get(String host, String path, String... headers) throws Exception {
    return new Http(URI.create("http://" + host + ":" + server.port())).get(path, headers);
  }

  @Test
  void plainHttpWhenFromLoopbackThenAllowed() throws Exception {
    assertEquals(200, get("127.0.0.1", "/untrusted/x").statusCode());
  }

  @Test
  void plainHttpWhenFromNonLoopbackThenRefusedWithContractJson() throws Exception {
    HttpResponse<String> r = get(lanAddress, "/untrusted/x");
    AbstractFilterHttpTest.assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertEquals("HTTPS is required.", Http.body(r).get("message"));
  }

  @Test
  void forwardedProtoWhenFromUntrustedAddressThenIgnored() throws Exception {
    assertEquals(400, get(lanAddress, "/untrusted/x", "X-Forwarded-Proto", "https").statusCode());
  }

  @Test
  void forwardedProtoHttpsWhenFromTrustedProxyThenAllowed() throws Exception {
    assertEquals(200, get(lanAddress, "/trusted/x", "X-Forwarded-Proto", "https").statusCode());
  }

  @Test
  void forwardedProtoWhenTrustedProxySaysHttpOrNothingThenRefused() throws Exception {
    assertEquals(400, get(lanAddress, "/trusted/x", "X-Forwarded-Proto", "http").statusCode());
    assertEquals(400, get(lanAddress, "/trusted/x", "X-Forwarded-Proto", "https, http").statusCode());
    assertEquals(400, get(lanAddress, "/trusted/x").statusCode());
  }

  @Test
  void forwardedProtoHttpWhenLoopbackIsTrustedProxyThenRefusedWithContractJson() throws Exception {
    HttpResponse<String> r = get("127.0.0.1", "/local-proxy/x", "X-Forwarded-Proto", "http");
    AbstractFilterHttpTest.assertError(r, 400, "invalid_request", "AUTH_REQUEST_INVALID");
    assertEquals("HTTPS is required.", Http.body(r).get("message"));
    assertEquals(400, get("127.0.0.1", "/local-proxy/x").statusCode(),
        "a trusted proxy that says nothing has not said https");
  }

  @Test
  void forwardedProtoHttpsWhenLoopbackIsTrustedProxyThenAllowed() throws Exception {
    assertEquals(200, get("127.0.0.1", "/local-proxy/x", "X-Forwarded-Proto", "https")
        .statusCode());
  }

  @Test
  void loopbackPeerWhenNotATrustedProxyThenKeepsExemptionWhateverItForwards() throws Exception {
    assertEquals(200, get("127.0.0.1", "/untrusted/x", "X-Forwarded-Proto", "http").statusCode());
    assertEquals(200, get("127.0.0.1", "/trusted/x").statusCode());
  }

  private static Optional<String> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
          return Optional.of(a.getHostAddress());
        }
      }
    }
    return Optional.empty();
  }
}
