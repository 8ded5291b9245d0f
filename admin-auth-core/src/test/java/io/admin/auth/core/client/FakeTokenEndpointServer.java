package io.admin.auth.core.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small stand-in for the project's authorization server, speaking the contract's token
 * endpoint (section 2 success JSON with rotating refresh tokens, section 6 error JSON) and a
 * protected resource that answers 401 with an RFC 6750 challenge. Until the testkit's mock
 * server exists; then these tests move to it.
 */
final class FakeTokenEndpointServer implements AutoCloseable {

  static final String CLIENT_ID = "svc client";
  /** Has characters that RFC 6749 2.3.1 form-encoding changes, so the encoding is checked. */
  static final String CLIENT_SECRET = "s3cr3t:+/ ü-do-not-print";

  /**
   * A scripted answer; {@code status == 0} means: drop the connection without answering, and
   * {@link #HANG} means: answer nothing until the client gives up. With {@code processFirst} the
   * request is carried out as usual (a refresh token is spent) before the scripted answer goes
   * out, as when a server fails after its store committed, or the answer is lost.
   */
  record Scripted(int status, Map<String, String> headers, String body, boolean processFirst) {
    static final int HANG = -1;

    Scripted(int status, Map<String, String> headers, String body) {
      this(status, headers, body, false);
    }

    static Scripted drop() {
      return new Scripted(0, Map.of(), "");
    }

    static Scripted hang() {
      return new Scripted(HANG, Map.of(), "");
    }

    /** This answer, sent after the request was carried out. */
    Scripted afterProcessing() {
      return new Scripted(status, headers, body, true);
    }

    static Scripted error(int status, String error, String code, Map<String, String> headers) {
      return new Scripted(status, headers, errorJson(error, code));
    }
  }

  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger resourceRequests = new AtomicInteger();
  /** The form parameters of each token request, in order. */
  final List<Map<String, String>> tokenForms = Collections.synchronizedList(new ArrayList<>());
  /** The decoded {@code id:secret} of each Basic header, or {@code null} when there was none. */
  final List<String> basicCredentials = Collections.synchronizedList(new ArrayList<>());
  final List<String> resourceAuthorizations = Collections.synchronizedList(new ArrayList<>());
  final List<String> resourceBodies = Collections.synchronizedList(new ArrayList<>());
  final ConcurrentLinkedDeque<Scripted> script = new ConcurrentLinkedDeque<>();
  volatile long expiresIn = 3600;
  /** When set, every resource request gets 401 with this {@code WWW-Authenticate}. */
  volatile String resourceChallenge;
  /** When set, a token request counts down {@code arrived} and waits for {@code release}. */
  volatile CountDownLatch arrived;
  volatile CountDownLatch release;

  /** Refresh tokens presented again after they were spent: what the server counts as reuse. */
  final AtomicInteger refreshTokenReuses = new AtomicInteger();

  private final Set<String> liveRefreshTokens = ConcurrentHashMap.newKeySet();
  private final Set<String> spentRefreshTokens = ConcurrentHashMap.newKeySet();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Set<String> liveAccessTokens = ConcurrentHashMap.newKeySet();
  private final AtomicInteger issued = new AtomicInteger();
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();

  FakeTokenEndpointServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/v3/auth/token", this::token);
    server.createContext("/api/v3/me", this::resource);
    server.setExecutor(executor);
    server.start();
  }

  URI tokenUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/auth/token");
  }

  URI resourceUri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3/me");
  }

  /** Makes every refresh token issued so far unusable, as a family revocation would. */
  void revokeRefreshTokens() {
    liveRefreshTokens.clear();
  }

  /** Makes an access token unusable at the resource, as revocation would. */
  void revokeAccessToken(String token) {
    liveAccessTokens.remove(token);
  }

  private void token(HttpExchange exchange) throws IOException {
    try (exchange) {
      tokenRequests.incrementAndGet();
      Map<String, String> form = parseForm(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      tokenForms.add(form);
      String basic = decodeBasic(exchange.getRequestHeaders().getFirst("Authorization"));
      basicCredentials.add(basic);
      hold();
      Scripted scripted = script.poll();
      if (scripted != null) {
        if (scripted.processFirst()) {
          process(form, basic);
        }
        if (scripted.status() == Scripted.HANG) {
          hangUntilClosed();
        } else if (scripted.status() != 0) {
          scripted.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          respond(exchange, scripted.status(), scripted.body());
        }
        return;
      }
      Answer answer = process(form, basic);
      answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      respond(exchange, answer.status(), answer.body());
    }
  }

  private record Answer(int status, Map<String, String> headers, String body) {}

  /** What the real token endpoint would do with the request, refresh-token rotation included. */
  private Answer process(Map<String, String> form, String basic) {
    String credentials = basic != null ? basic
        : form.get("client_id") + ":" + form.get("client_secret");
    if (!(CLIENT_ID + ":" + CLIENT_SECRET).equals(credentials)) {
      return new Answer(401, Map.of(), errorJson("invalid_client", "AUTH_CLIENT_INVALID"));
    }
    String grant = form.get("grant_type");
    if ("refresh_token".equals(grant) && !liveRefreshTokens.remove(form.get("refresh_token"))) {
      if (spentRefreshTokens.contains(form.get("refresh_token"))) {
        refreshTokenReuses.incrementAndGet();
        return new Answer(400, Map.of(), errorJson("invalid_grant", "AUTH_REFRESH_TOKEN_REUSED"));
      }
      return new Answer(400, Map.of(), errorJson("invalid_grant", "AUTH_REFRESH_TOKEN_INVALID"));
    }
    if (!"refresh_token".equals(grant) && !"client_credentials".equals(grant)) {
      return new Answer(400, Map.of(),
          errorJson("unsupported_grant_type", "AUTH_GRANT_UNSUPPORTED"));
    }
    if ("refresh_token".equals(grant)) {
      spentRefreshTokens.add(form.get("refresh_token"));
    }
    int n = issued.incrementAndGet();
    liveAccessTokens.add("at-" + n);
    liveRefreshTokens.add("rt-" + n);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("access_token", "at-" + n);
    body.put("token_type", "Bearer");
    body.put("expires_in", expiresIn);
    body.put("refresh_token", "rt-" + n);
    body.put("scope", "users:read");
    return new Answer(200, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"),
        Json.write(body));
  }

  private void resource(HttpExchange exchange) throws IOException {
    try (exchange) {
      resourceRequests.incrementAndGet();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      resourceAuthorizations.add(authorization);
      resourceBodies.add(
          new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String challenge = resourceChallenge;
      if (challenge == null && authorization != null && authorization.startsWith("Bearer ")
          && liveAccessTokens.contains(authorization.substring(7))) {
        respond(exchange, 200, "{\"subject\":\"svc\"}");
        return;
      }
      exchange.getResponseHeaders().add("WWW-Authenticate", challenge != null ? challenge
          : "Bearer realm=\"admin\", error=\"invalid_token\", "
              + "error_description=\"The access token provided has expired or is malformed.\"");
      respond(exchange, 401, errorJson("invalid_token", "AUTH_TOKEN_INVALID"));
    }
  }

  private void hangUntilClosed() {
    try {
      closed.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void hold() {
    CountDownLatch a = arrived;
    CountDownLatch r = release;
    if (a != null && r != null) {
      a.countDown();
      try {
        r.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  static String errorJson(String error, String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", "rejected by the fake server");
    body.put("message", "rejected by the fake server");
    body.put("code", code);
    return Json.write(body);
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String decodeBasic(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String pair = new String(Base64.getDecoder().decode(header.substring(6)),
        StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    return URLDecoder.decode(pair.substring(0, colon), StandardCharsets.UTF_8) + ":"
        + URLDecoder.decode(pair.substring(colon + 1), StandardCharsets.UTF_8);
  }

  private static Map<String, String> parseForm(String body) {
    Map<String, String> form = new LinkedHashMap<>();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Override
  public void close() {
    closed.countDown();
    CountDownLatch r = release;
    if (r != null) {
      r.countDown();
    }
    server.stop(0);
    executor.shutdownNow();
  }
}
