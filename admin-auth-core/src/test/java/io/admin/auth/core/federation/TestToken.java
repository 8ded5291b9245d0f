package io.admin.auth.core.federation;

import com.nimbusds.jose.util.Base64URL;
import io.admin.auth.core.internal.jose.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds compact JWS tokens by hand, so tests can put any header in (jwk, crit, a foreign kid)
 * that a well-behaved signing library would refuse to write.
 */
final class TestToken {
  private final Map<String, Object> header = new LinkedHashMap<>();
  private final Map<String, Object> claims = new LinkedHashMap<>();

  private TestToken() {}

  /** Defaults: {@code typ at+jwt}, subject alice, audience api, scope users:read, 5 minutes valid. */
  static TestToken of(String issuer, Instant now) {
    TestToken t = new TestToken();
    t.header.put("typ", "at+jwt");
    t.claims.put("iss", issuer);
    t.claims.put("sub", "alice");
    t.claims.put("aud", "api");
    t.claims.put("client_id", "reporting-app");
    t.claims.put("scope", "users:read users:write");
    t.claims.put("iat", now.getEpochSecond());
    t.claims.put("nbf", now.getEpochSecond());
    t.claims.put("exp", now.plus(Duration.ofMinutes(5)).getEpochSecond());
    t.claims.put("jti", "id-" + now.toEpochMilli());
    return t;
  }

  TestToken header(String name, Object value) {
    header.put(name, value);
    return this;
  }

  TestToken withoutHeader(String name) {
    header.remove(name);
    return this;
  }

  TestToken claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  TestToken without(String name) {
    claims.remove(name);
    return this;
  }

  TestToken audience(String... values) {
    claims.put("aud", values.length == 1 ? values[0] : List.of(values));
    return this;
  }

  TestToken expiresAt(Instant exp) {
    claims.put("exp", exp.getEpochSecond());
    return this;
  }

  /** Signed with {@code key}; {@code alg} and {@code kid} default to the key's own. */
  String sign(TestKey key) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("alg", key.alg());
    h.put("kid", key.kid());
    h.putAll(header);
    h.values().removeIf(v -> v == null);
    String input = b64(Json.write(h)) + "." + b64(Json.write(claims));
    return input + "." + Base64URL.encode(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** {@code alg none}: no signature at all (RFC 7519 section 6). */
  String unsecured() {
    Map<String, Object> h = new LinkedHashMap<>(header);
    h.put("alg", "none");
    return b64(Json.write(h)) + "." + b64(Json.write(claims)) + ".";
  }

  private static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
