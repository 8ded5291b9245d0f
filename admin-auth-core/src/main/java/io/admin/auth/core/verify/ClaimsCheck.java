package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.core.internal.jose.ParsedClaims;
import io.admin.auth.core.internal.jose.StrictJson;
import io.admin.auth.core.VerificationKey;
import io.admin.auth.core.validation.JwtClaims;
import io.admin.auth.core.validation.TokenValidator;
import io.admin.auth.core.validation.ValidationResult;
import java.util.Map;

/**
 * The claims of a token whose signature verified: the payload parsed (strict JSON fast path),
 * its repeated values shared ({@link ClaimCanon}) and typed, then the kind's claim rules, then,
 * when asked, its {@link Liveness}. The rules see the typed claims only, unless built to see the
 * whole payload ({@link PayloadClaims}): rules that refuse an untyped claim need that, and the
 * others are spared the wrapper.
 */
final class ClaimsCheck {

  private final TokenValidator<JwtClaims> rules;
  private final Liveness liveness;
  private final VerificationAudit audit;
  private final ClaimCanon canon;
  private final boolean wholePayload;

  ClaimsCheck(TokenValidator<JwtClaims> rules, Liveness liveness, VerificationAudit audit,
      ClaimCanon canon, boolean wholePayload) {
    this.rules = rules;
    this.canon = canon;
    this.liveness = liveness;
    this.audit = audit;
    this.wholePayload = wholePayload;
  }

  /**
   * The verified token, or its audited rejection.
   *
   * @param input the token as US-ASCII bytes; the payload is {@code input[from, to)}
   * @param withTime whether to check lifetime and revocation too
   */
  Checked check(byte[] input, int from, int to, String token, VerificationKey key, boolean withTime) {
    Map<String, Object> payload = payload(input, from, to);
    if (payload != null) {
      canon.share(payload);
    }
    ParsedClaims claims = payload == null ? null : ParsedClaims.parse(payload);
    if (claims == null) {
      return audit.invalid("missing or malformed claims", token, null);
    }
    ValidationResult result = rules.validate(wholePayload ? new PayloadClaims(claims, payload)
        : claims);
    if (!result.isValid()) {
      return audit.reject((ValidationResult.Rejected) result, token, claims.jwtId());
    }
    if (withTime) {
      Checked dead = liveness.check(claims, token);
      if (dead != null) {
        return dead;
      }
    }
    Checked verified = Checked.verified(canon.share(claims, payload), payload, key);
    canon.remember(payload, verified.outcome().principal().scopes());
    return verified;
  }

  // The fast parser for ASCII JSON, Json for the rest.
  private static Map<String, Object> payload(byte[] input, int from, int to) {
    byte[] bytes = Base64Url.decodeStrict(input, from, to);
    if (bytes == null) {
      return null;
    }
    Map<String, Object> fast = StrictJson.parseAscii(bytes);
    if (fast != null) {
      return fast;
    }
    String text = Base64Url.utf8(bytes);
    return text == null ? null : Json.parseObject(text).orElse(null);
  }
}
