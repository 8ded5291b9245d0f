package io.admin.auth.core.federation;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The remote edge of federation, faked: an HTTP server on 127.0.0.1 that serves an issuer's
 * discovery document and JWK Set from keys the test generated, counts every request per path,
 * and can be told to fail.
 */
final class FakeProvider implements AutoCloseable {

  /** One canned answer. */
  record Answer(int status, String body, Map<String, String> headers) {}

  static final String JWKS_PATH = "/keys";

  private final HttpServer server;
  private final String issuerPath;
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private volatile int downStatus;
  private volatile long delayMillis;

  private FakeProvider(String issuerPath) throws IOException {
    this.issuerPath = issuerPath;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
  }

  /** A provider whose issuer is {@code http://127.0.0.1:<port><issuerPath>}, with discovery served. */
  static FakeProvider start(String issuerPath, TestKey... keys) throws IOException {
    FakeProvider p = new FakeProvider(issuerPath);
    p.serveDiscovery(p.issuer());
    p.publish(null, keys);
    return p;
  }

  String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + issuerPath;
  }

  URI jwksUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + JWKS_PATH);
  }

  /** Serves the OIDC discovery document naming {@code issuerValue} at the OIDC location. */
  void serveDiscovery(String issuerValue) {
    answer(issuerPath + "/.well-known/openid-configuration", 200, discoveryJson(issuerValue), Map.of());
  }

  String discoveryJson(String issuerValue) {
    return "{\"issuer\":\"" + issuerValue + "\",\"jwks_uri\":\"" + jwksUri() + "\"}";
  }

  /** Publishes these keys' public halves, with an optional {@code Cache-Control} value. */
  void publish(String cacheControl, TestKey... keys) {
    JWKSet set = new JWKSet(Arrays.stream(keys).map(TestKey::publicJwk).toList());
    Map<String, String> headers = new LinkedHashMap<>();
    if (cacheControl != null) {
      headers.put("Cache-Control", cacheControl);
    }
    answer(JWKS_PATH, 200, set.toString(true), headers);
  }

  void answer(String path, int status, String body, Map<String, String> headers) {
    answers.put(path, new Answer(status, body, headers));
  }

  void remove(String path) {
    answers.remove(path);
  }

  /** Every request is answered with {@code status} (0: back to normal). */
  void down(int status) {
    downStatus = status;
  }

  /** Every answer is held back this long (a slow provider). */
  void delay(java.time.Duration d) {
    delayMillis = d.toMillis();
  }

  int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  int jwksHits() {
    return hits(JWKS_PATH);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
      if (delayMillis > 0) {
        try {
          Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      Answer a = answers.get(path);
      if (downStatus != 0) {
        a = new Answer(downStatus, "{\"error\":\"down\"}", Map.of());
      } else if (a == null) {
        a = new Answer(404, "{}", Map.of());
      }
      byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      a.headers().forEach(exchange.getResponseHeaders()::add);
      exchange.sendResponseHeaders(a.status(), body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
