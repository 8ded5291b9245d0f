package io.admin.auth.servlet.http;

import io.admin.auth.core.internal.jose.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
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

  /** Status, headers (names lower-cased) and body of an answer read off a raw socket. */
  record RawResponse(int status, Map<String, String> headers, String body) {}

  /**
   * A form POST over a plain socket whose local end is bound to {@code localAddress} (such as
   * {@code 127.0.0.2}), so that the server sees another remote address than the test's usual one.
   */
  static RawResponse postFrom(String localAddress, int port, String path, String form,
      String... headers) throws IOException {
    return sendFrom(localAddress, port, "POST", path, form, headers);
  }

  /** A GET like {@link #postFrom}, from {@code localAddress}. */
  static RawResponse getFrom(String localAddress, int port, String path, String... headers)
      throws IOException {
    return sendFrom(localAddress, port, "GET", path, null, headers);
  }

  private static RawResponse sendFrom(String localAddress, int port, String method, String path,
      String form, String... headers) throws IOException {
    byte[] body = form == null ? new byte[0] : form.getBytes(StandardCharsets.UTF_8);
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
        + "Host: 127.0.0.1\r\nConnection: close\r\n");
    if (form != null) {
      head.append("Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ")
          .append(body.length).append("\r\n");
    }
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("\r\n");
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(localAddress, 0));
      s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String[] lines = all.substring(0, split).split("\r\n");
      Map<String, String> names = new java.util.HashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        names.put(lines[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
      return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), names,
          all.substring(split + 4));
    }
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
