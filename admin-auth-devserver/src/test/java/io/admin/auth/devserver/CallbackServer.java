package io.admin.auth.devserver;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The relying party's side of a redirect: a JDK HTTP server on a free 127.0.0.1 port whose
 * {@code /callback} records the query of the first request and answers a small page, as a native
 * app's loopback redirect URI does (RFC 8252 section 7.3).
 */
final class CallbackServer implements AutoCloseable {

  private final HttpServer server;
  private final CompletableFuture<Map<String, String>> received = new CompletableFuture<>();

  private CallbackServer(HttpServer server) {
    this.server = server;
  }

  static CallbackServer start() throws IOException {
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    CallbackServer callback = new CallbackServer(server);
    server.createContext("/callback", exchange -> {
      callback.received.complete(query(exchange.getRequestURI().getRawQuery()));
      byte[] page = "<!DOCTYPE html><title>Signed in</title><h1 id=\"done\">Signed in</h1>"
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    server.start();
    return callback;
  }

  /** The redirect URI: {@code http://127.0.0.1:<port>/callback}. */
  String redirectUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
  }

  /** The query parameters of the first callback, waiting at most {@code seconds}. */
  Map<String, String> await(int seconds) throws Exception {
    return received.get(seconds, TimeUnit.SECONDS);
  }

  static Map<String, String> query(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  static Map<String, String> query(URI uri) {
    return query(uri.getRawQuery());
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
