package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.key.KeyRing;
import io.admin.auth.core.spi.KeyState;
import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.spi.SigningKey;
import io.admin.auth.core.key.SigningKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds compact JWS strings from raw JSON, for tests that need exact control over the bytes. */
final class TestJws {

  static final String ISSUER = "https://auth.example.test";
  static final String AUDIENCE = "https://api.example.test";
  static final Instant T0 = Instant.parse("2025-03-15T10:00:00Z");

  /** One key per algorithm, generated once per JVM (RSA generation is slow). */
  static final Map<SigningAlgorithm, SigningKey> KEYS = new EnumMap<>(SigningAlgorithm.class);
  static final KeyRing RING;

  static {
    SigningKeys gen = new SigningKeys(new SecureRandom());
    for (SigningAlgorithm a : SigningAlgorithm.values()) {
      KEYS.put(a, gen.generate(a, KeyState.ACTIVE, T0));
    }
    RING = KeyRing.of(new ArrayList<>(KEYS.values()));
  }

  private TestJws() {}

  static String b64(String s) {
    return b64(s.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  /** header.payload.signature with a real signature by {@code key} over the given JSON. */
  static String compact(String headerJson, String payloadJson, SigningKey key) {
    String input = b64(headerJson) + "." + b64(payloadJson);
    byte[] sig = JwsCrypto.jdk().sign(key, input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(sig);
  }

  static Map<String, Object> header(SigningKey key) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", key.algorithm().jwsName());
    h.put("typ", "at+jwt");
    h.put("kid", key.kid());
    return h;
  }

  /** Valid claims issued at {@code iat} for one hour. */
  static Map<String, Object> claims(Instant iat) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("iss", ISSUER);
    c.put("sub", "client-a");
    c.put("aud", AUDIENCE);
    c.put("exp", iat.plusSeconds(3600).getEpochSecond());
    c.put("iat", iat.getEpochSecond());
    c.put("nbf", iat.getEpochSecond());
    c.put("jti", "jti-1");
    c.put("client_id", "client-a");
    c.put("scope", "users:read users:write");
    return c;
  }

  static String token(Map<String, Object> header, Map<String, Object> claims, SigningKey key) {
    return compact(Json.write(header), Json.write(claims), key);
  }

  static String token(SigningAlgorithm alg, Map<String, Object> claims) {
    SigningKey key = KEYS.get(alg);
    return token(header(key), claims, key);
  }
}
