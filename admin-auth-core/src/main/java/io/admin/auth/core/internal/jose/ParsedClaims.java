package io.admin.auth.core.internal.jose;

import io.admin.auth.core.TokenClaims;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.claims.ClaimValues;
import io.admin.auth.core.validation.JwtClaims;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The typed claims read from a claims JSON object (required claims present, each of its JSON
 * type), like the {@link TokenClaims} record but without building it: the record's
 * defensive copies (the "extra" map above all) the verifier's hot path does not need: it builds
 * the principal from these and the raw map, and the record only when a caller asks for it.
 *
 * <p>It is also the verifier's {@link JwtClaims} view for the validators, at no cost; as it keeps
 * only the typed claims, {@link #has} knows those and nothing else.
 *
 * @param scopes sorted and de-duplicated, owned by this value or immutable (never handed out
 *     mutable)
 */
public record ParsedClaims(String issuer, String subject, List<String> audience, Instant expiresAt,
    Instant issuedAt, Instant notBefore, String jwtId, String clientId, Set<String> scopes,
    String familyId) implements JwtClaims {

  /**
   * The claims of {@code json}, or {@code null} when a required claim ({@code iss sub aud exp iat
   * jti client_id}) is missing or a typed claim has the wrong JSON type.
   *
   * @throws RuntimeException only for a map that misbehaves; callers treat it as invalid
   */
  public static ParsedClaims parse(Map<String, Object> json) {
    String iss = string(json, ClaimNames.ISSUER);
    String sub = string(json, ClaimNames.SUBJECT);
    String jti = string(json, ClaimNames.JWT_ID);
    String clientId = string(json, ClaimNames.CLIENT_ID);
    List<String> aud = ClaimValues.audience(json.get(ClaimNames.AUDIENCE));
    Instant exp = ClaimValues.numericDate(json.get(ClaimNames.EXPIRES_AT));
    Instant iat = ClaimValues.numericDate(json.get(ClaimNames.ISSUED_AT));
    Object nbfRaw = json.get(ClaimNames.NOT_BEFORE);
    // A token's nbf is usually its iat: one instant serves both.
    Instant nbf = nbfRaw == null ? null
        : iat != null && nbfRaw.equals(json.get(ClaimNames.ISSUED_AT)) ? iat
        : ClaimValues.numericDate(nbfRaw);
    Object scopeRaw = json.get(ClaimNames.SCOPE);
    Object fidRaw = json.get(ClaimNames.FAMILY_ID);
    if (iss == null || sub == null || jti == null || clientId == null || aud == null
        || exp == null || iat == null || (nbfRaw != null && nbf == null)
        || (scopeRaw != null && !(scopeRaw instanceof String))
        || (fidRaw != null && !(fidRaw instanceof String))) {
      return null;
    }
    Set<String> scopes = new TreeSet<>();
    if (scopeRaw != null) {
      // Split on single spaces, dropping empty pieces (what split(" ") plus a filter did).
      String all = (String) scopeRaw;
      int from = 0;
      while (from <= all.length()) {
        int space = all.indexOf(' ', from);
        int to = space < 0 ? all.length() : space;
        if (to > from) {
          scopes.add(all.substring(from, to));
        }
        from = to + 1;
      }
    }
    return new ParsedClaims(iss, sub, aud, exp, iat, nbf, jti, clientId, scopes, (String) fidRaw);
  }

  /**
   * These claims with {@code audience} and {@code scopes}, equal to their own but held by objects
   * shared with other values (so that a cached token holds them once); the caller vouches for the
   * equality and that the set is immutable.
   */
  public ParsedClaims sharing(List<String> audience, Set<String> scopes) {
    return new ParsedClaims(issuer, subject, audience, expiresAt, issuedAt, notBefore, jwtId,
        clientId, scopes, familyId);
  }

  /** The record, with {@code json} as the source of its extra claims. */
  public TokenClaims toTokenClaims(Map<String, Object> json) {
    return new TokenClaims(issuer, subject, audience, expiresAt, issuedAt, notBefore, jwtId,
        clientId, scopes, familyId, json);
  }

  /**
   * Whether typed claim {@code name} is present; {@code false} for any claim this record does not
   * keep (so a rule requiring another claim must not be given this view).
   */
  @Override
  public boolean has(String name) {
    // The always-present claims by identity first: rules ask with the ClaimNames constants, and
    // the own verifier asks on every token (a string switch per name cost it about 3 %).
    if (name == ClaimNames.ISSUER || name == ClaimNames.SUBJECT || name == ClaimNames.AUDIENCE
        || name == ClaimNames.EXPIRES_AT || name == ClaimNames.ISSUED_AT
        || name == ClaimNames.JWT_ID || name == ClaimNames.CLIENT_ID) {
      return true;
    }
    return switch (name) {
      case ClaimNames.ISSUER, ClaimNames.SUBJECT, ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT,
          ClaimNames.ISSUED_AT, ClaimNames.JWT_ID, ClaimNames.CLIENT_ID -> true;
      case ClaimNames.NOT_BEFORE -> notBefore != null;
      case ClaimNames.FAMILY_ID -> familyId != null;
      // An absent scope claim and an empty one both parse to no scopes.
      case ClaimNames.SCOPE -> !scopes.isEmpty();
      default -> false;
    };
  }

  private static String string(Map<String, Object> json, String name) {
    return json.get(name) instanceof String s && !s.isEmpty() ? s : null;
  }
}
