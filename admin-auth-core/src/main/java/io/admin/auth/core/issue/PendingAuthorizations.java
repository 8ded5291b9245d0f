package io.admin.auth.core.issue;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.signin.PendingAuthorization;
import io.admin.auth.core.spi.SigningKey;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs and opens the handle of a {@link PendingAuthorization}: a compact JWS with the service's
 * current signing key, so every node sharing the key ring can open it and nobody can change the
 * request or its {@code requested_at}. What keeps it from passing for any other token: its
 * {@code typ} is {@value #TYPE} (the access-token verifier requires {@code at+jwt}, ID-token
 * checks {@code JWT}), it has no {@code sub}, {@code client_id}, {@code scope} or {@code jti},
 * and it lives {@link #TTL} from the original request.
 */
final class PendingAuthorizations {

  /** The {@code typ} of the handle. */
  static final String TYPE = "admin-auth-signin+jwt";
  /** How long a pending request may wait for the person. */
  static final Duration TTL = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(PendingAuthorizations.class);
  private static final String REQUEST = "req";
  // A handle holds at most the parser's limits (about 5,000 characters) in base64url and a
  // signature; anything much longer is not ours.
  private static final int MAX_CHARS = 16_384;

  private final String issuer;
  private final Clock clock;
  private final JwsCrypto crypto;
  private final Supplier<SigningKey> activeKey;
  private final Function<String, Optional<SigningKey>> keys;

  PendingAuthorizations(String issuer, Clock clock, JwsCrypto crypto,
      Supplier<SigningKey> activeKey, Function<String, Optional<SigningKey>> keys) {
    this.issuer = issuer;
    this.clock = clock;
    this.crypto = crypto;
    this.activeKey = activeKey;
    this.keys = keys;
  }

  String sign(PendingAuthorization pending) {
    SigningKey key = activeKey.get();
    Map<String, Object> header = new LinkedHashMap<>();
    header.put(ClaimNames.HEADER_ALG, key.algorithm().jwsName());
    header.put(ClaimNames.HEADER_TYP, TYPE);
    header.put(ClaimNames.HEADER_KID, key.kid());
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put(ClaimNames.ISSUER, issuer);
    claims.put(ClaimNames.AUDIENCE, issuer);
    claims.put(ClaimNames.ISSUED_AT, pending.requestedAt().getEpochSecond());
    claims.put(ClaimNames.EXPIRES_AT, pending.requestedAt().plus(TTL).getEpochSecond());
    claims.put(REQUEST, new LinkedHashMap<>(pending.parameters()));
    String input = encode(Json.write(header)) + "." + encode(Json.write(claims));
    byte[] signature = crypto.sign(key, input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64Url.encode(signature);
  }

  Optional<PendingAuthorization> open(String handle) {
    try {
      return Optional.ofNullable(openOrNull(handle));
    } catch (RuntimeException e) {
      // A corner of a forged handle nobody foresaw must still be a refusal, never an error page.
      LOG.debug("Unexpected failure opening a pending-request handle", e);
      return Optional.empty();
    }
  }

  private PendingAuthorization openOrNull(String handle) {
    if (handle == null || handle.isEmpty() || handle.length() > MAX_CHARS) {
      return null;
    }
    int d1 = handle.indexOf('.');
    int d2 = d1 < 0 ? -1 : handle.indexOf('.', d1 + 1);
    if (d1 <= 0 || d2 < 0 || handle.indexOf('.', d2 + 1) >= 0) {
      return null;
    }
    Map<String, Object> header = json(handle, 0, d1);
    if (header == null || header.size() != 3 || !TYPE.equals(header.get(ClaimNames.HEADER_TYP))
        || !(header.get(ClaimNames.HEADER_KID) instanceof String kid)) {
      return null;
    }
    Optional<SigningKey> key = keys.apply(kid);
    if (key.isEmpty()
        || !key.get().algorithm().jwsName().equals(header.get(ClaimNames.HEADER_ALG))) {
      return null;
    }
    byte[] signature = Base64Url.decodeStrict(handle, d2 + 1, handle.length());
    if (signature == null || !crypto.verify(key.get(),
        handle.getBytes(StandardCharsets.US_ASCII), d2, signature)) {
      return null;
    }
    // Only now is the payload ours to read.
    Map<String, Object> claims = json(handle, d1 + 1, d2);
    if (claims == null || !issuer.equals(claims.get(ClaimNames.ISSUER))
        || !issuer.equals(claims.get(ClaimNames.AUDIENCE))
        || !(claims.get(ClaimNames.ISSUED_AT) instanceof Number iat)
        || !(claims.get(ClaimNames.EXPIRES_AT) instanceof Number exp)
        || !(claims.get(REQUEST) instanceof Map<?, ?> request)) {
      return null;
    }
    if (clock.instant().getEpochSecond() >= exp.longValue()) {
      return null;
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : request.entrySet()) {
      if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof String value)
          || !PendingAuthorization.PARAMETERS.contains(name)) {
        return null;
      }
      parameters.put(name, value);
    }
    return new PendingAuthorization(parameters, Instant.ofEpochSecond(iat.longValue()));
  }

  private static Map<String, Object> json(String token, int from, int to) {
    String text = Base64Url.decodeText(token, from, to);
    return text == null ? null : Json.parseObject(text).orElse(null);
  }

  private static String encode(String json) {
    return Base64Url.encode(json.getBytes(StandardCharsets.UTF_8));
  }
}
