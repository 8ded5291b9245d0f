package io.admin.auth.core.client;

import io.admin.auth.core.internal.jose.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a client makes of an ID token it received straight from the token endpoint (OpenID
 * Connect Core section 3.1.3.7): {@code iss} is the expected issuer, {@code aud} names this
 * client (and {@code azp} does when there are several audiences), and {@code nonce} is this
 * sign-in's. The signature is not checked: the token came over the TLS connection the client
 * opened to the issuer's token endpoint, which section 3.1.3.7 accepts in its place.
 */
final class IdTokenCheck {

  private IdTokenCheck() {}

  /** Why {@code idToken} does not belong to this sign-in, or empty when it does. */
  static Optional<String> problem(String idToken, String issuer, String clientId, String nonce) {
    String[] parts = idToken.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.of("the id_token is not a compact JWS");
    }
    Map<String, Object> claims;
    try {
      claims = Json.parseObject(new String(Base64.getUrlDecoder().decode(parts[1]),
          StandardCharsets.UTF_8)).orElse(null);
    } catch (IllegalArgumentException e) {
      claims = null;
    }
    if (claims == null) {
      return Optional.of("the id_token's claims are not a JSON object");
    }
    if (!issuer.equals(claims.get("iss"))) {
      return Optional.of("the id_token was issued by another issuer");
    }
    Object aud = claims.get("aud");
    boolean single = clientId.equals(aud);
    boolean listed = aud instanceof List<?> list && list.contains(clientId);
    if (!single && !listed) {
      return Optional.of("the id_token is not for this client");
    }
    if (listed && ((List<?>) aud).size() > 1 && !clientId.equals(claims.get("azp"))) {
      return Optional.of("the id_token has several audiences and another azp");
    }
    if (nonce != null && !(claims.get("nonce") instanceof String sent
        && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
            nonce.getBytes(StandardCharsets.UTF_8)))) {
      return Optional.of("the id_token's nonce is not this sign-in's");
    }
    return Optional.empty();
  }
}
