package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.servlet.session.BrowserSessionPaths;
import io.admin.auth.servlet.session.BrowserSessions;
import io.admin.auth.servlet.signin.SignIn;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Browser sessions from the properties file ({@value #PREFIX}{@code *}, docs/http-contract.md,
 * "Browser apps"); as strict about unknown keys as {@link AdminAuthProperties}. With {@code
 * enabled=true}, {@code client-id} and {@code client-secret} are required: a confidential,
 * first-party client registered for sign-in (for example with {@code admin.auth.client.*}). When
 * nothing else configured signing people in, the defaults of {@link SignIn} are used, with the
 * persistent store's sign-in sessions and consents when one is configured.
 */
final class BrowserSessionProperties {

  /** Prefix of every key. */
  static final String PREFIX = AdminAuthProperties.PREFIX + "session.";
  /** {@code true} / {@code false} (default). */
  static final String ENABLED = "enabled";
  /** The confidential first-party client the library signs people in as (required). */
  static final String CLIENT_ID = "client-id";
  /** Its secret (required; a {@code ${env:...}} or {@code ${file:...}} reference is best). */
  static final String CLIENT_SECRET = "client-secret";
  /** Absolute callback URI registered for the client; default base URL + callback path. */
  static final String REDIRECT_URI = "redirect-uri";
  /** Space- or comma-separated scopes to ask for; default {@code openid offline_access}. */
  static final String SCOPES = "scopes";
  /** Comma-separated path patterns on which the access-token cookie is accepted; default none. */
  static final String COOKIE_PATHS = "cookie-paths";
  /** {@code lax} (default) or {@code strict}. */
  static final String SAME_SITE = "same-site";
  /** Stem of the cookie names; default {@code admin-auth}. */
  static final String COOKIE_NAME_STEM = "cookie-name-stem";
  /** Base path of the session endpoints and the refresh cookie; default {@code /api/v3/auth/session}. */
  static final String PATH = "path";
  /** Base64 of at least 32 bytes, the same on every node; default derived from the client secret. */
  static final String SECRET = "secret";
  /** ISO-8601 duration of the two-tab refresh leeway; default {@code PT10S}, {@code PT0S} off. */
  static final String REFRESH_LEEWAY = "refresh-leeway";
  /** Comma-separated origins the CSRF check accepts besides the request's own. */
  static final String TRUSTED_ORIGINS = "trusted-origins";

  private static final Set<String> KNOWN = Set.of(ENABLED, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI,
      SCOPES, COOKIE_PATHS, SAME_SITE, COOKIE_NAME_STEM, PATH, SECRET, REFRESH_LEEWAY,
      TRUSTED_ORIGINS);

  private BrowserSessionProperties() {}

  /** Applies the settings to {@code builder}; nothing when not enabled. */
  static void apply(ConfigReader all, AdminAuth.Builder builder,
      Optional<PersistentStores> stores) {
    ConfigReader c = all.under(PREFIX);
    for (String name : c.names()) {
      if (!KNOWN.contains(name)) {
        throw c.error(name, "unknown property");
      }
    }
    if (!c.bool(ENABLED, false)) {
      return;
    }
    if (builder.tokens == null) {
      throw c.error(ENABLED, "a resource server cannot keep browser sessions");
    }
    String id = c.requiredString(CLIENT_ID);
    String secret = c.requiredString(CLIENT_SECRET);
    if (secret.length() < 16) {
      throw c.error(CLIENT_SECRET, "must have at least 16 characters");
    }
    BrowserSessions.Builder b = BrowserSessions.builder(id, secret);
    c.string(REDIRECT_URI).ifPresent(v -> c.check(REDIRECT_URI, () -> b.redirectUri(v)));
    if (c.isSet(SCOPES)) {
      List<String> scopes = c.list(SCOPES).stream()
          .flatMap(item -> Arrays.stream(item.trim().split("\\s+")))
          .filter(item -> !item.isEmpty()).toList();
      c.check(SCOPES, () -> b.scopes(scopes));
    }
    for (String p : c.list(COOKIE_PATHS)) {
      c.check(COOKIE_PATHS, () -> b.cookiePath(p.trim()));
    }
    b.sameSite(c.enumValue(SAME_SITE, BrowserSessions.SameSite.class,
        BrowserSessions.SameSite.LAX));
    c.string(COOKIE_NAME_STEM).ifPresent(v -> c.check(COOKIE_NAME_STEM,
        () -> b.cookieNameStem(v)));
    c.string(PATH).ifPresent(p -> c.check(PATH, () -> b.paths(new BrowserSessionPaths(p,
        p + "/login", p + "/callback", p + "/refresh", p + "/logout"))));
    c.value(SECRET, "base64 of at least 32 bytes", v -> Base64.getDecoder().decode(v.trim()))
        .ifPresent(bytes -> c.check(SECRET, () -> b.secret(bytes)));
    c.duration(REFRESH_LEEWAY).ifPresent(d -> c.check(REFRESH_LEEWAY, () -> b.refreshLeeway(d)));
    for (String o : c.list(TRUSTED_ORIGINS)) {
      c.check(TRUSTED_ORIGINS, () -> b.trustedOrigin(o.trim()));
    }
    b.clock(builder.clock);
    builder.browserSessions(b.build());
    if (builder.signIn == null) {
      SignIn.Builder signIn = SignIn.builder();
      stores.ifPresent(s -> signIn.sessionStore(s.signInSessionStore())
          .consentStore(s.consentStore()));
      builder.signIn(signIn.build());
    }
  }
}
