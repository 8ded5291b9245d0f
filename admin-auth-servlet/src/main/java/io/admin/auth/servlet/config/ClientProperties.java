package io.admin.auth.servlet.config;

import io.admin.auth.core.config.ConfigReader;
import io.admin.auth.core.crypto.SecretHasher;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.signin.StandardClaims;
import io.admin.auth.core.spi.OAuthClient;
import io.admin.auth.core.spi.SignInSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The clients of the properties file, {@code admin.auth.client.<id>.<setting>} (the settings are
 * listed on {@link DefaultTokenServiceFactory}). Each setting is checked as it is added to a
 * registration that is valid without it, so whatever the core refuses is named by the setting
 * just added.
 *
 * <p>A client with {@code redirect-uris} signs people in (docs/http-contract.md, "Signing people
 * in"): its grants default to {@code authorization_code refresh_token}, and it is a third party
 * (consent asked) unless {@code first-party=true}. {@code public=true} makes it a public client,
 * which has no secret at all. The sign-in settings of a client without {@code redirect-uris} are
 * refused rather than ignored, as is {@code authorization_code} without them.
 */
final class ClientProperties {

  static final String CLIENT = AdminAuthProperties.PREFIX + "client.";
  static final Set<String> KEYS = Set.of("secret", "secret-hash", "scopes", "grants",
      "refresh-for-client-credentials", "access-ttl", "refresh-ttl", "redirect-uris",
      "post-logout-redirect-uris", "public", "first-party", "display-name");
  private static final List<String> SIGN_IN_ONLY =
      List.of("post-logout-redirect-uris", "first-party", "display-name");

  /**
   * One configured client: a registration whose secret the service hashes, or, with {@code
   * secret-hash}, the client as stored.
   */
  record Configured(ClientRegistration registration, Optional<OAuthClient> hashed) {

    /** Whether it may sign people in and ask for an ID token. */
    boolean wantsIdTokens() {
      return registration.signIn().signsPeopleIn()
          && registration.allowedScopes().contains(StandardClaims.OPENID);
    }
  }

  private ClientProperties() {}

  /**
   * Every client under {@link #CLIENT}.
   *
   * @param pepperSet whether {@code admin.auth.token.pepper} is set ({@code secret-hash} needs it)
   */
  static List<Configured> read(ConfigReader config, boolean pepperSet) {
    ConfigReader clientKeys = config.under(CLIENT);
    List<Configured> out = new ArrayList<>();
    for (String id : ids(clientKeys)) {
      ConfigReader c = clientKeys.under(id + ".");
      ClientRegistration r = registration(c, id);
      Optional<OAuthClient> hashed = secretHash(c, pepperSet).map(hash -> new OAuthClient(id, hash,
          r.allowedScopes(), r.grantTypes(), r.refreshTokenForClientCredentials(),
          r.accessTokenTtl(), r.refreshTokenTtl(), r.signIn()));
      out.add(new Configured(r, hashed));
    }
    return out;
  }

  /** The ids of {@code admin.auth.client.<id>.<setting>} keys; any other key there is an error. */
  private static Set<String> ids(ConfigReader c) {
    Set<String> ids = new TreeSet<>();
    for (String rest : c.names()) {
      int dot = rest.lastIndexOf('.');
      if (dot <= 0 || !KEYS.contains(rest.substring(dot + 1))) {
        throw c.error(rest, "expected " + CLIENT + "<id>.<"
            + String.join("|", new TreeSet<>(KEYS)) + ">");
      }
      ids.add(rest.substring(0, dot));
    }
    return ids;
  }

  private static ClientRegistration registration(ConfigReader c, String id) {
    boolean isPublic = c.bool("public", false);
    boolean signsIn = c.isSet("redirect-uris");
    if (!signsIn) {
      for (String key : SIGN_IN_ONLY) {
        if (c.isSet(key)) {
          throw c.error(key, "only meaningful with " + c.key("redirect-uris"));
        }
      }
      if (isPublic) {
        throw c.error("public", "a public client only signs people in: set "
            + c.key("redirect-uris"));
      }
    }
    String secret = secret(c, isPublic);
    SignInSettings bare = isPublic
        ? new SignInSettings(true, List.of(), List.of(), false, null) : SignInSettings.NONE;
    Set<String> defaultGrants =
        signsIn ? ClientRegistration.SIGN_IN_GRANTS : ClientRegistration.MACHINE_GRANTS;
    c.check(isPublic ? "public" : "secret", () -> new ClientRegistration(id, secret, Set.of(),
        ClientRegistration.SIGN_IN_GRANTS, false, null, null, bare));
    Set<String> scopes = words(c.string("scopes", ""));
    c.check("scopes", () -> new ClientRegistration(id, secret, scopes,
        ClientRegistration.SIGN_IN_GRANTS, false, null, null, bare));
    // Present but blank is an empty set of grants (refused), not the default.
    Set<String> grants = c.isSet("grants") ? words(c.string("grants", "")) : defaultGrants;
    c.check("grants",
        () -> new ClientRegistration(id, secret, scopes, grants, true, null, null, bare));
    boolean code = grants.contains(ClientRegistration.GRANT_AUTHORIZATION_CODE);
    if (code && !signsIn) {
      throw c.error("grants", ClientRegistration.GRANT_AUTHORIZATION_CODE + " needs "
          + c.key("redirect-uris"));
    }
    if (signsIn && !code) {
      throw c.error("redirect-uris", "only meaningful with the "
          + ClientRegistration.GRANT_AUTHORIZATION_CODE + " grant");
    }
    boolean refreshForCc = c.bool("refresh-for-client-credentials", true);
    Duration access = c.duration("access-ttl").orElse(null);
    c.check("access-ttl", () -> new ClientRegistration(id, secret, scopes, grants, refreshForCc,
        access, null, bare));
    Duration refresh = c.duration("refresh-ttl").orElse(null);
    c.check("refresh-ttl", () -> new ClientRegistration(id, secret, scopes, grants, refreshForCc,
        access, refresh, bare));
    List<String> redirects = List.copyOf(words(c.string("redirect-uris", "")));
    SignInSettings withRedirects = new SignInSettings(isPublic, redirects, List.of(), false, null);
    c.check("redirect-uris", () -> new ClientRegistration(id, secret, scopes, grants,
        refreshForCc, access, refresh, withRedirects));
    List<String> logouts = List.copyOf(words(c.string("post-logout-redirect-uris", "")));
    SignInSettings signIn = signsIn ? new SignInSettings(isPublic, redirects, logouts,
        c.bool("first-party", false), c.string("display-name").orElse(null)) : bare;
    c.check("post-logout-redirect-uris", () -> new ClientRegistration(id, secret, scopes, grants,
        refreshForCc, access, refresh, signIn));
    return new ClientRegistration(id, secret, scopes, grants, refreshForCc, access, refresh,
        signIn);
  }

  /** The plain secret, a stand-in when only its hash is configured, or none for a public client. */
  private static String secret(ConfigReader c, boolean isPublic) {
    if (isPublic) {
      for (String key : List.of("secret", "secret-hash")) {
        if (c.isSet(key)) {
          throw c.error(key, "a public client has no secret");
        }
      }
      return null;
    }
    if (c.isSet("secret-hash") && c.isSet("secret")) {
      throw c.error("secret-hash", "set either secret or secret-hash, not both");
    }
    // With a secret hash, the registration only carries the other settings; its secret is a
    // stand-in that is never hashed or stored.
    String secret = c.isSet("secret-hash")
        ? "x".repeat(ClientRegistration.MIN_SECRET_LENGTH) : c.requiredString("secret");
    if (secret.length() < ClientRegistration.MIN_SECRET_LENGTH) {
      throw c.error("secret", "must have at least " + ClientRegistration.MIN_SECRET_LENGTH
          + " characters");
    }
    return secret;
  }

  /** The client's {@code secret-hash}, checked for form; it needs an explicit pepper. */
  private static Optional<String> secretHash(ConfigReader c, boolean pepperSet) {
    Optional<String> hash = c.value("secret-hash",
        SecretHasher.PREFIX + "<43 base64url characters>, as the hash-secret command prints it",
        v -> {
          if (!SecretHasher.isWellFormed(v)) {
            throw new IllegalArgumentException("malformed");
          }
          return v;
        });
    if (hash.isPresent() && !pepperSet) {
      throw c.error("secret-hash", "needs " + DefaultTokenServiceFactory.TOKEN + "pepper: a hash"
          + " made under one pepper never matches under the random pepper used when none is set");
    }
    return hash;
  }

  /** Space- or comma-separated words, in order, without duplicates. */
  static Set<String> words(String v) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
