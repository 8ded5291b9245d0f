package io.admin.auth.servlet.http;

import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** java.net.http against a live port, plus a raw socket for request lines a URI cannot hold. */
final class Http {

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(10))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  HttpResponse<String> get(String rawPath, String... headers) throws Exception {
    return send("GET", rawPath, null, null, headers);
  }

  HttpResponse<String> send(String method, String rawPath, String contentType, String body,
      String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + rawPath))
        .timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> form(String rawPath, String body, String... headers) throws Exception {
    return send("POST", rawPath, "application/x-www-form-urlencoded", body, headers);
  }

  HttpResponse<String> json(String rawPath, String body, String... headers) throws Exception {
    return send("POST", rawPath, "application/json", body, headers);
  }

  static Map<String, Object> body(HttpResponse<String> response) {
    return Json.parseObject(response.body())
        .orElseThrow(() -> new AssertionError("not a JSON object: " + response.body()));
  }

  /** Status line of a GET sent byte for byte (e.g. a raw backslash), via a plain socket. */
  static String rawGet(int port, String rawTarget) throws IOException {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("GET " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      return all;
    }
  }
}
