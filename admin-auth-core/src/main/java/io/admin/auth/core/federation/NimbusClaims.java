package io.admin.auth.core.federation;

import com.nimbusds.jwt.JWTClaimsSet;
import io.admin.auth.core.validation.JwtClaims;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A provider token's claims set as the validators' {@link JwtClaims}, read in place. */
record NimbusClaims(JWTClaimsSet claims) implements JwtClaims {

  @Override
  public String issuer() {
    return claims.getIssuer();
  }

  @Override
  public String subject() {
    return claims.getSubject();
  }

  @Override
  public List<String> audience() {
    List<String> audience = claims.getAudience();
    return audience == null ? List.of() : audience;
  }

  @Override
  public Instant expiresAt() {
    return instant(claims.getExpirationTime());
  }

  @Override
  public Instant notBefore() {
    return instant(claims.getNotBeforeTime());
  }

  @Override
  public Instant issuedAt() {
    return instant(claims.getIssueTime());
  }

  @Override
  public boolean has(String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s ? !s.isEmpty() : value != null;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
