package io.admin.auth.micrometer;

import java.util.Set;

/**
 * Keeps tag values in the small sets the meters document. The callers already promise constants;
 * this is the second line, so that a future caller passing request data by mistake can only ever
 * add one more value ({@code other} or {@code custom}), never one per request.
 */
final class TagValues {

  private static final Set<String> GRANTS =
      Set.of("client_credentials", "authorization_code", "refresh_token");
  private static final Set<String> REVOKED_KINDS = Set.of("access_token", "refresh_family");
  private static final int MAX_NAME = 40;

  private TagValues() {}

  /** A grant type this library issues tokens for, else {@code other}. */
  static String grant(String grantType) {
    return grantType != null && GRANTS.contains(grantType) ? grantType : "other";
  }

  /** {@code access_token} or {@code refresh_family}, else {@code other}. */
  static String revokedKind(String kind) {
    return kind != null && REVOKED_KINDS.contains(kind) ? kind : "other";
  }

  /**
   * A method or limit name as given when it is a short lower-case identifier ({@code [a-z0-9_]},
   * at most 40), else {@code fallback}.
   */
  static String name(String name, String fallback) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
      return fallback;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
        return fallback;
      }
    }
    return name;
  }
}
