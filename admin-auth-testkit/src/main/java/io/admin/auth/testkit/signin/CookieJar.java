package io.admin.auth.testkit.signin;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The cookies of one sign-in against one server, kept by hand: the driver talks to a single
 * origin, so domain and path are not matched; a cookie is dropped when the server expires it
 * ({@code Max-Age=0} or a past-looking {@code Expires} of 1970). Not thread-safe: one per run.
 */
final class CookieJar {

  private final Map<String, String> cookies = new LinkedHashMap<>();

  /** Takes in every {@code Set-Cookie} of a response. */
  void receive(HttpHeaders headers) {
    for (String header : headers.allValues("Set-Cookie")) {
      String[] parts = header.split(";");
      int eq = parts[0].indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = parts[0].substring(0, eq).strip();
      String value = parts[0].substring(eq + 1).strip();
      boolean expired = false;
      for (int i = 1; i < parts.length; i++) {
        String attribute = parts[i].strip().toLowerCase(Locale.ROOT);
        expired |= attribute.equals("max-age=0") || attribute.startsWith("max-age=-")
            || (attribute.startsWith("expires=") && attribute.contains("1970"));
      }
      if (expired) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
  }

  /** The {@code Cookie} header to send, if there is any cookie. */
  Optional<String> header() {
    if (cookies.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("; ")));
  }

  /** The names of the cookies held, for messages (never the values). */
  String names() {
    return String.join(", ", cookies.keySet());
  }
}
