package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.validation.JwtClaims;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The typed claims, plus every other member of the payload for {@link #has}: the view for claim
 * rules that look for claims the typed record does not keep (the ID-token claims refused when
 * {@code typ} {@code JWT} is accepted). A present member counts, whatever its value.
 */
record PayloadClaims(ParsedClaims typed, Map<String, Object> payload) implements JwtClaims {

  @Override
  public String issuer() {
    return typed.issuer();
  }

  @Override
  public String subject() {
    return typed.subject();
  }

  @Override
  public List<String> audience() {
    return typed.audience();
  }

  @Override
  public Instant expiresAt() {
    return typed.expiresAt();
  }

  @Override
  public Instant notBefore() {
    return typed.notBefore();
  }

  @Override
  public Instant issuedAt() {
    return typed.issuedAt();
  }

  @Override
  public boolean has(String name) {
    return typed.has(name) || payload.containsKey(name);
  }
}
