package io.admin.auth.core.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Reads the parameters of a redirect's query string. */
final class CallbackParameters {

  private CallbackParameters() {}

  /**
   * The decoded parameters of {@code rawQuery} ({@code null} is none), or empty when a parameter
   * appears twice: RFC 6749 section 3.1 forbids it, and which copy counts would be a guess an
   * attacker could steer.
   */
  static Optional<Map<String, String>> ofQuery(String rawQuery) {
    Map<String, String> parameters = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Optional.of(parameters);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (name == null || value == null || parameters.put(name, value) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
