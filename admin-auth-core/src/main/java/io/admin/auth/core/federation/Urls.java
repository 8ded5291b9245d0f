package io.admin.auth.core.federation;

import java.net.URI;
import java.util.Locale;

/** The one place that decides which URLs federation may fetch from. */
final class Urls {

  private Urls() {}

  /**
   * Whether the host is a loopback name or literal. Decided on the text only, never by DNS, so a
   * name that resolves to 127.0.0.1 elsewhere cannot be used to downgrade to plain http.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost")
        || h.equals("::1")
        || h.equals("0:0:0:0:0:0:0:1")
        || h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
  }

  /**
   * Whether {@code uri} may be fetched: absolute https, or http to a loopback host when
   * {@code allowInsecureLoopback}; never with user info (credentials in URLs leak into logs).
   */
  static boolean fetchable(URI uri, boolean allowInsecureLoopback) {
    if (uri == null || !uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null) {
      return false;
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    return scheme.equals("https")
        || (scheme.equals("http") && allowInsecureLoopback && isLoopback(uri.getHost()));
  }
}
