package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * The sign-in session cookie: an opaque 256-bit random id whose SHA-256 is the key of the {@link
 * io.admin.auth.core.spi.SignInSessionStore} (so a leaked store row cannot be replayed as a
 * cookie). {@code HttpOnly}, {@code SameSite=Lax} (it must reach the authorization endpoint on a
 * top-level navigation from the client's site), {@code Path=/}; {@code Secure} with the {@code
 * __Host-} prefix everywhere except plain http on a loopback host, where browsers would drop a
 * {@code Secure} cookie and development would be impossible.
 */
public final class SignInCookie {

  /** The name over https (and anywhere but plain-http loopback). */
  public static final String SECURE_NAME = "__Host-admin-auth-signin";
  /** The name on plain-http loopback, where the {@code __Host-} prefix is not allowed. */
  public static final String LOOPBACK_NAME = "admin-auth-signin";

  private static final int ID_BYTES = 32;
  private static final int MAX_ID_CHARS = 64;

  private SignInCookie() {}

  /**
   * Whether cookies set on this request must be {@code Secure}: always, unless the request came
   * over plain http to a loopback host name.
   */
  public static boolean secure(HttpServletRequest request) {
    return request.isSecure() || !loopbackHost(request.getServerName());
  }

  /** A fresh random session id (base64url, no padding). */
  public static String newId(SecureRandom random) {
    byte[] b = new byte[ID_BYTES];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** The store key of a session id: lowercase hex SHA-256. */
  public static String idHash(String id) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /**
   * The session id the request carries under the name this request's security allows, if it
   * looks like one of ours (anything else is ignored rather than looked up).
   */
  public static Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    String name = secure(request) ? SECURE_NAME : LOOPBACK_NAME;
    for (Cookie c : cookies) {
      String v = c.getValue();
      if (name.equals(c.getName()) && v != null && v.length() <= MAX_ID_CHARS
          && v.matches("[A-Za-z0-9_-]+")) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Sets the cookie for a session id; it lives as long as the browser session. */
  public static void write(HttpServletRequest request, HttpServletResponse response, String id) {
    response.addHeader("Set-Cookie", header(secure(request), id, -1));
  }

  /** Tells the browser to forget the cookie. */
  public static void clear(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Set-Cookie", header(secure(request), "", 0));
  }

  // Written by hand: Servlet 6's Cookie attributes cover SameSite only through setAttribute, and
  // the exact header is what the tests and browsers see.
  static String header(boolean secure, String value, int maxAge) {
    StringBuilder h = new StringBuilder(secure ? SECURE_NAME : LOOPBACK_NAME).append('=')
        .append(value).append("; Path=/; HttpOnly; SameSite=Lax");
    if (secure) {
      h.append("; Secure");
    }
    if (maxAge >= 0) {
      h.append("; Max-Age=").append(maxAge);
    }
    return h.toString();
  }

  static boolean loopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
  }
}
