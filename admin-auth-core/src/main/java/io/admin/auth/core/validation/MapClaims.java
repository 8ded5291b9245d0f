package io.admin.auth.core.validation;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.claims.ClaimValues;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@link JwtClaims#of}: a claims JSON object, read in place with the own verifier's typing rules. */
record MapClaims(Map<String, ?> json) implements JwtClaims {

  @Override
  public String issuer() {
    return string(ClaimNames.ISSUER);
  }

  @Override
  public String subject() {
    return string(ClaimNames.SUBJECT);
  }

  @Override
  public List<String> audience() {
    List<String> aud = ClaimValues.audience(json.get(ClaimNames.AUDIENCE));
    return aud == null ? List.of() : aud;
  }

  @Override
  public Instant expiresAt() {
    return ClaimValues.numericDate(json.get(ClaimNames.EXPIRES_AT));
  }

  @Override
  public Instant notBefore() {
    return ClaimValues.numericDate(json.get(ClaimNames.NOT_BEFORE));
  }

  @Override
  public Instant issuedAt() {
    return ClaimValues.numericDate(json.get(ClaimNames.ISSUED_AT));
  }

  @Override
  public boolean has(String name) {
    Object value = json.get(name);
    return value instanceof String s ? !s.isEmpty() : value != null;
  }

  private String string(String name) {
    return json.get(name) instanceof String s && !s.isEmpty() ? s : null;
  }
}
