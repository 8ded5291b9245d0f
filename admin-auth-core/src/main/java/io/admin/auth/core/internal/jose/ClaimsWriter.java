package io.admin.auth.core.internal.jose;

import io.admin.auth.core.ClaimNames;
import io.admin.auth.core.TokenClaims;


/**
 * Writes {@link TokenClaims#toJsonObject()} as JSON text without the general-purpose writer when
 * the claims have no extra members (what the issuer always produces): the same members in the same
 * order, strings escaped per RFC 8259 section 7. With extra members it defers to {@link Json}.
 */
public final class ClaimsWriter {

  private ClaimsWriter() {}

  /** The claims as a JSON object. */
  public static String write(TokenClaims c) {
    if (!c.extra().isEmpty()) {
      return Json.write(c.toJsonObject());
    }
    StringBuilder b = new StringBuilder(256);
    b.append('{');
    member(b, ClaimNames.ISSUER, c.issuer()).append(',');
    member(b, ClaimNames.SUBJECT, c.subject()).append(',');
    name(b, ClaimNames.AUDIENCE);
    if (c.audience().size() == 1) {
      string(b, c.audience().get(0));
    } else {
      b.append('[');
      for (int i = 0; i < c.audience().size(); i++) {
        string(i == 0 ? b : b.append(','), c.audience().get(i));
      }
      b.append(']');
    }
    name(b.append(','), ClaimNames.EXPIRES_AT).append(c.expiresAt().getEpochSecond());
    name(b.append(','), ClaimNames.ISSUED_AT).append(c.issuedAt().getEpochSecond());
    if (c.notBefore() != null) {
      name(b.append(','), ClaimNames.NOT_BEFORE).append(c.notBefore().getEpochSecond());
    }
    member(b.append(','), ClaimNames.JWT_ID, c.jwtId());
    member(b.append(','), ClaimNames.CLIENT_ID, c.clientId());
    member(b.append(','), ClaimNames.SCOPE, String.join(" ", c.scopes()));
    if (c.familyId() != null) {
      member(b.append(','), ClaimNames.FAMILY_ID, c.familyId());
    }
    return b.append('}').toString();
  }

  private static StringBuilder member(StringBuilder b, String name, String value) {
    return string(name(b, name), value);
  }

  private static StringBuilder name(StringBuilder b, String name) {
    return string(b, name).append(':');
  }

  private static StringBuilder string(StringBuilder b, String s) {
    b.append('"');
    if (plain(s)) {
      return b.append(s).append('"');
    }
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
        }
      }
    }
    return b.append('"');
  }

  // Whether s needs no escaping (the common case, appended in one bulk copy).
  private static boolean plain(String s) {
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch < 0x20 || ch == '"' || ch == '\\' || ch == '\u2028' || ch == '\u2029') {
        return false;
      }
    }
    return true;
  }
}
