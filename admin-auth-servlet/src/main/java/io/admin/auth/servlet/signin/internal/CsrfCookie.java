package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF defence of the login and consent forms (double submit): the browser holds a random
 * secret in an {@code HttpOnly}, {@code SameSite=Strict} cookie that other sites can neither
 * read nor make it send, and each form carries {@code HMAC-SHA256(secret, pending handle)}. A
 * post counts only when the form's token equals the one computed from the cookie and the posted
 * handle (compared in constant time), so a token is bound to its pending request and is useless
 * without the cookie. Stateless: any node checks it.
 */
final class CsrfCookie {

  /** The form field of the token. */
  static final String FIELD = "csrf";
  static final String SECURE_NAME = "__Host-admin-auth-csrf";
  static final String LOOPBACK_NAME = "admin-auth-csrf";

  private CsrfCookie() {}

  /**
   * The token for a form about {@code handle}, setting a new secret cookie when the browser sent
   * none.
   */
  static String tokenFor(HttpServletRequest request, HttpServletResponse response, String handle,
      SecureRandom random) {
    String secret = read(request).orElse(null);
    if (secret == null) {
      secret = SignInCookie.newId(random);
      boolean secure = SignInCookie.secure(request);
      response.addHeader("Set-Cookie", (secure ? SECURE_NAME : LOOPBACK_NAME) + "=" + secret
          + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : ""));
    }
    return token(secret, handle);
  }

  /** Whether {@code presented} is the token of the browser's secret and {@code handle}. */
  static boolean valid(HttpServletRequest request, String handle, String presented) {
    Optional<String> secret = read(request);
    if (secret.isEmpty() || presented == null || handle == null) {
      return false;
    }
    return MessageDigest.isEqual(token(secret.get(), handle).getBytes(StandardCharsets.US_ASCII),
        presented.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<String> read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    String name = SignInCookie.secure(request) ? SECURE_NAME : LOOPBACK_NAME;
    for (Cookie c : cookies) {
      String v = c.getValue();
      if (name.equals(c.getName()) && v != null && v.length() >= 32 && v.length() <= 64
          && v.matches("[A-Za-z0-9_-]+")) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  private static String token(String secret, String handle) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(mac.doFinal(handle.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }
}
