package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.store.PersistentStores;
import io.admin.auth.servlet.signin.SignIn;
import io.admin.auth.servlet.signin.SignInPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signing people in from the properties file (docs/http-contract.md, "Signing people in"): the
 * keys under {@value #PREFIX}. Off unless {@code enabled=true}; any other key of the namespace is
 * then refused rather than ignored, like an unknown key. With the persistent store of {@link
 * AdminAuthProperties#STORE_DATASOURCE}, sign-in sessions and consents live in it, so a sign-in
 * started on one node finishes on another; otherwise in memory.
 *
 * <ul>
 *   <li>{@code enabled}: {@code true} / {@code false} (default);
 *   <li>{@code session-ttl}: ISO-8601 duration of a sign-in session, default {@code PT8H};
 *   <li>{@code authorize-path}, {@code login-path}, {@code consent-path}, {@code userinfo-path},
 *       {@code logout-path}: where the pages and endpoints are mapped, defaults those of the
 *       contract.
 * </ul>
 *
 * <p>The clients that sign people in are ordinary clients with {@code redirect-uris} (see {@link
 * DefaultTokenServiceFactory}).
 */
final class SignInProperties {

  /** Prefix of every key read here. */
  static final String PREFIX = AdminAuthProperties.PREFIX + "sign-in.";
  static final String ENABLED = PREFIX + "enabled";
  static final Set<String> KEYS = Set.of("enabled", "session-ttl", "authorize-path", "login-path",
      "consent-path", "userinfo-path", "logout-path");

  private static final List<String> PATH_KEYS =
      List.of("authorize-path", "login-path", "consent-path", "userinfo-path", "logout-path");

  private SignInProperties() {}

  /**
   * The configured paths, each checked alone against the defaults of the others (so a malformed
   * one is named), then together (a clash is blamed on the last one set).
   */
  private static Optional<SignInPaths> paths(ConfigReader s) {
    List<String> defaults = List.copyOf(SignInPaths.defaults().all());
    List<String> chosen = new ArrayList<>(defaults);
    String last = null;
    for (int i = 0; i < PATH_KEYS.size(); i++) {
      String key = PATH_KEYS.get(i);
      Optional<String> value = s.string(key);
      if (value.isEmpty()) {
        continue;
      }
      List<String> alone = new ArrayList<>(defaults);
      alone.set(i, value.get());
      s.check(key, () -> of(alone));
      chosen.set(i, value.get());
      last = key;
    }
    if (last == null) {
      return Optional.empty();
    }
    SignInPaths[] out = new SignInPaths[1];
    s.check(last, () -> out[0] = of(chosen));
    return Optional.of(out[0]);
  }

  private static SignInPaths of(List<String> p) {
    return new SignInPaths(p.get(0), p.get(1), p.get(2), p.get(3), p.get(4));
  }

  /**
   * Gives {@code builder} its {@link SignIn} settings when enabled.
   *
   * @throws AdminAuthConfigException naming the first key that cannot be used
   */
  static void apply(ConfigReader c, AdminAuth.Builder builder, Optional<PersistentStores> stores) {
    read(c, stores).ifPresent(builder::signIn);
  }

  /**
   * The {@link SignIn} settings, or empty when signing in is off.
   *
   * @throws AdminAuthConfigException naming the first key that cannot be used
   */
  static Optional<SignIn> read(ConfigReader c, Optional<PersistentStores> stores) {
    ConfigReader s = c.under(PREFIX);
    for (String name : s.names()) {
      if (!KEYS.contains(name)) {
        throw s.error(name, "unknown property");
      }
    }
    if (!s.bool("enabled", false)) {
      for (String name : s.names()) {
        if (!name.equals("enabled")) {
          throw s.error(name, "only meaningful with " + ENABLED + "=true");
        }
      }
      return Optional.empty();
    }
    if (!c.bool(AdminAuthProperties.ENDPOINTS_ENABLED, true)) {
      throw c.error(ENABLED, "needs the token endpoint, where codes are redeemed: "
          + AdminAuthProperties.ENDPOINTS_ENABLED + " must not be false");
    }
    SignIn.Builder signIn = SignIn.builder();
    s.duration("session-ttl").ifPresent(ttl -> s.check("session-ttl", () -> signIn.sessionTtl(ttl)));
    paths(s).ifPresent(signIn::paths);
    stores.ifPresent(st -> signIn.sessionStore(st.signInSessionStore())
        .consentStore(st.consentStore()));
    return Optional.of(signIn.build());
  }
}
