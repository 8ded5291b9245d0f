package io.admin.auth.core.verify;

import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.internal.jose.ParsedClaims;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one cached token is counted as against the cache's byte bound: an estimate, on the high
 * side, of the heap it retains on a 64-bit JVM with compressed references (the layout
 * {@code MemoryFootprint} in the benchmarks module measures): {@value #ENTRY_OVERHEAD_BYTES} bytes
 * for the objects every entry has, plus the token string (one byte per character, as a token that
 * verified is ASCII), plus {@value #PER_MEMBER_BYTES} per claim, plus each claim value
 * that is not shared with other tokens (see {@link ClaimCanon}; the registered claim names are
 * the claims parser's constants), strings at one byte per Latin-1 character.
 */
final class EntryFootprint {

  /**
   * The objects of every entry: map node and table slot (40), queue slot (8), entry with its
   * hash and the token reference (32), answer, outcome, principal and typed claims (32 + 16 + 48
   * + 56), the claims' holder and array header (32), the {@code exp} and {@code iat} instants
   * (48), and slack for the map's table and the queues, which grow by doubling (40).
   */
  static final int ENTRY_OVERHEAD_BYTES = 352;
  /** A claim's name and value references. */
  static final int PER_MEMBER_BYTES = 8;

  // Member names the claims parser returns as shared constants rather than new strings.
  private static final Set<String> PARSER_NAMES = Set.of(ClaimNames.ISSUER, ClaimNames.SUBJECT,
      ClaimNames.AUDIENCE, ClaimNames.EXPIRES_AT, ClaimNames.ISSUED_AT, ClaimNames.NOT_BEFORE,
      ClaimNames.JWT_ID, ClaimNames.FAMILY_ID, ClaimNames.CLIENT_ID, ClaimNames.SCOPE);

  private final ClaimCanon canon;

  EntryFootprint(ClaimCanon canon) {
    this.canon = canon;
  }

  /** The estimate for {@code token}, cached with its answer {@code verified}. */
  long of(String token, Checked verified) {
    AuthPrincipal p = verified.outcome().principal();
    ParsedClaims claims = verified.parsed();
    long total = ENTRY_OVERHEAD_BYTES - 32 + string(token) + object(p.claims());
    if (!canon.isShared(p.claims().get(ClaimNames.SCOPE), p.scopes())) {
      total += 32 + 4L * p.scopes().size();
      for (String scope : p.scopes()) {
        total += value(scope);
      }
    }
    if (!canon.isShared(claims.audience())) {
      total += value(claims.audience());
    }
    if (claims.notBefore() != null && claims.notBefore() != claims.issuedAt()) {
      total += 24;
    }
    return total;
  }

  private long object(Map<?, ?> map) {
    long total = 32;
    Object iat = map.get(ClaimNames.ISSUED_AT);
    for (Map.Entry<?, ?> e : map.entrySet()) {
      Object name = e.getKey();
      Object value = e.getValue();
      total += PER_MEMBER_BYTES + (PARSER_NAMES.contains(name) ? 0 : value(name))
          + (value == iat && !ClaimNames.ISSUED_AT.equals(name) ? 0 : value(value));
    }
    return total;
  }

  private long value(Object v) {
    if (v == null || v instanceof Boolean || canon.isShared(v)) {
      return 0;
    }
    if (v instanceof String s) {
      return string(s);
    }
    if (v instanceof Map<?, ?> m) {
      return object(m);
    }
    if (v instanceof List<?> l) {
      long total = 32;
      for (Object item : l) {
        total += 4 + value(item);
      }
      return total;
    }
    return 24; // a boxed number
  }

  // String object, array header, one byte per Latin-1 char (two otherwise), 8-byte aligned.
  private static long string(String s) {
    long chars = latin1(s) ? s.length() : 2L * s.length();
    return 24 + ((16 + chars + 7) & ~7L);
  }

  private static boolean latin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xFF) {
        return false;
      }
    }
    return true;
  }
}
