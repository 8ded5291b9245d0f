package io.admin.auth.it;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The secrets the WAR's properties file refers to, fresh per test, as the container's JNDI
 * entries ({@code java:comp/env/admin-auth/...}) carry them.
 *
 * @param kek the key-encryption key
 * @param tokenPepper the client-secret and refresh-token pepper
 * @param apiKeyPepper the API-key pepper
 * @param clientSecret the secret of client {@code it-client}
 */
record Secrets(String kek, String tokenPepper, String apiKeyPepper, String clientSecret) {

  static Secrets random() {
    SecureRandom r = new SecureRandom();
    return new Secrets(b64(r, 32), b64(r, 32), b64(r, 32), "it-client-" + b64(r, 24));
  }

  private static String b64(SecureRandom r, int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Base64.getEncoder().encodeToString(b);
  }

  /** JNDI name below {@code java:comp/env} to value. */
  Map<String, String> entries() {
    return Map.of("admin-auth/kek", kek, "admin-auth/token-pepper", tokenPepper,
        "admin-auth/api-key-pepper", apiKeyPepper, "admin-auth/client-secret", clientSecret);
  }

  /** Every secret value, for scanning logs. */
  List<String> values() {
    return List.of(kek, tokenPepper, apiKeyPepper, clientSecret);
  }
}
