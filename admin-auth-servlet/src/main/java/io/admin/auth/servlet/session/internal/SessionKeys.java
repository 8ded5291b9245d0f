package io.admin.auth.servlet.session.internal;

import io.admin.auth.servlet.session.BrowserSessions;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The two keys of browser sessions, derived from one root: the configured secret, else an
 * HMAC-SHA256 of the client secret. Each key is HMAC-SHA256(root, label) with its own label, so
 * the pending-login encryption key and the CSRF key are independent, and neither reveals the
 * client secret. Deterministic: every node with the same settings derives the same keys, which is
 * what lets a sign-in started on one node finish on another without shared memory.
 *
 * @param csrf the HMAC-SHA256 key of CSRF tokens
 * @param seal the AES-256 key of the pending-login cookie
 */
record SessionKeys(byte[] csrf, byte[] seal) {

  static SessionKeys of(BrowserSessions settings) {
    byte[] root = settings.secret();
    if (root == null) {
      root = hmac(settings.clientSecret().getBytes(StandardCharsets.UTF_8),
          "admin-auth browser-session root");
    }
    return new SessionKeys(hmac(root, "admin-auth csrf"), hmac(root, "admin-auth pending-login"));
  }

  static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SessionKeys k && Arrays.equals(csrf, k.csrf) && Arrays.equals(seal, k.seal);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(csrf);
  }

  /** Never prints the keys. */
  @Override
  public String toString() {
    return "SessionKeys[**********]";
  }
}
