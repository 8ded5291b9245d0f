package io.admin.auth.servlet.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny cookie jar for the browser-session HTTP tests: it keeps what {@code Set-Cookie} headers
 * set (a {@code Max-Age=0} removes), sends them back as one {@code Cookie} header, and finds a
 * cookie's full {@code Set-Cookie} line to check its attributes. Paths are not filtered: every
 * test request goes where the cookie's path would allow, or says so.
 */
final class BrowserCookies {

  private final Map<String, String> jar = new LinkedHashMap<>();

  /** Takes every {@code Set-Cookie} of {@code r}. */
  BrowserCookies take(HttpResponse<?> r) {
    return take(r.headers().allValues("Set-Cookie"));
  }

  BrowserCookies take(List<String> setCookies) {
    for (String h : setCookies) {
      String pair = h.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq).trim();
      if (h.contains("Max-Age=0")) {
        jar.remove(name);
      } else {
        jar.put(name, pair.substring(eq + 1).trim());
      }
    }
    return this;
  }

  BrowserCookies copy() {
    BrowserCookies c = new BrowserCookies();
    c.jar.putAll(jar);
    return c;
  }

  BrowserCookies without(String name) {
    jar.remove(name);
    return this;
  }

  BrowserCookies with(String name, String value) {
    jar.put(name, value);
    return this;
  }

  String get(String name) {
    return jar.get(name);
  }

  /** The {@code Cookie} header value. */
  String header() {
    StringBuilder b = new StringBuilder();
    jar.forEach((k, v) -> b.append(b.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    return b.toString();
  }

  /** The {@code Set-Cookie} line of {@code r} for cookie {@code name}. */
  static Optional<String> setCookie(List<String> setCookies, String name) {
    return setCookies.stream().filter(h -> h.startsWith(name + "=")).findFirst();
  }

  /** Status, {@code Set-Cookie} lines, {@code Location} and body of a raw exchange. */
  record Raw(int status, List<String> setCookies, String location, String body) {}

  /**
   * A GET or POST over a plain socket with the given {@code Host}, so that the server sees a
   * request for a host name other than the loopback it listens on.
   */
  static Raw raw(int port, String method, String host, String target, String... headers)
      throws IOException {
    StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host
        + "\r\nConnection: close\r\n");
    if (method.equals("POST")) {
      head.append("Content-Length: 0\r\n");
    }
    for (int i = 0; i < headers.length; i += 2) {
      head.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
    }
    head.append("\r\n");
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int split = all.indexOf("\r\n\r\n");
      String[] lines = all.substring(0, split).split("\r\n");
      List<String> cookies = new ArrayList<>();
      String location = null;
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = lines[i].substring(colon + 1).trim();
        if (name.equals("set-cookie")) {
          cookies.add(value);
        } else if (name.equals("location")) {
          location = value;
        }
      }
      return new Raw(Integer.parseInt(lines[0].split(" ")[1]), cookies, location,
          all.substring(split + 4));
    }
  }
}
