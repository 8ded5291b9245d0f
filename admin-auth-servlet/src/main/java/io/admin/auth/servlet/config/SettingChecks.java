package io.admin.auth.servlet.config;

/**
 * The rules {@link AdminAuth.Builder} settings must follow, in one place so that the builder and
 * {@link AdminAuthProperties} refuse exactly the same values. Each check throws {@link
 * IllegalArgumentException} or {@link IllegalStateException} with a message that names what is
 * wrong.
 */
final class SettingChecks {

  private SettingChecks() {}

  /** The endpoint body bound: 256 bytes to 1 MiB. */
  static void checkMaxRequestBytes(int bytes) {
    if (bytes < 256 || bytes > (1 << 20)) {
      throw new IllegalArgumentException("must be between 256 and 1048576, was " + bytes);
    }
  }

  /** The API key management path: an exact path without dot segments. */
  static void checkApiKeysPath(String path) {
    if (path == null || !path.matches("(/[A-Za-z0-9._~-]+)+") || path.contains("/./")
        || path.contains("/../") || path.endsWith("/.") || path.endsWith("/..")) {
      throw new IllegalArgumentException("must be an exact path like /a/b, was " + path);
    }
  }

  /** The metadata base URL. */
  static void checkBaseUrl(String base) {
    // Endpoint URLs in the metadata are this plus a path, so no query, fragment or spaces.
    if (base == null || !base.matches("https?://[^\\s?#]+")) {
      throw new IllegalArgumentException("must be an http(s) URL without query or fragment, was "
          + base);
    }
  }

  /** Everything {@link AdminAuth.Builder#build()} checks before wiring anything. */
  static void checkBuildable(AdminAuth.Builder b) {
    checkMaxRequestBytes(b.maxRequestBytes);
    if (b.jwksMaxAge.isNegative()) {
      throw new IllegalArgumentException("jwksMaxAge must not be negative");
    }
    if (b.endpoints && b.tokens == null) {
      throw new IllegalStateException("a resource server has no endpoints: it issues no tokens"
          + " and holds no signing key");
    }
    if (b.endpoints) {
      checkBaseUrl(b.baseUrlOrIssuer());
    }
    if (!b.bearer && !b.trustedIssuers.isEmpty()) {
      throw new IllegalStateException("trusted issuers need the Bearer scheme enabled");
    }
    if (!b.bearer && b.apiKeys == null && b.basic == null && b.extraSchemes.isEmpty()) {
      throw new IllegalStateException("no authentication scheme is enabled");
    }
  }
}
