package io.admin.auth.servlet.config;

import io.admin.auth.core.SigningAlgorithm;
import io.admin.auth.core.issue.ClientRegistration;
import io.admin.auth.core.issue.DefaultTokenService;
import io.admin.auth.core.issue.DefaultTokenServiceBuilder;
import io.admin.auth.core.issue.TokenService;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The built-in {@link TokenServiceFactory}: a core {@link DefaultTokenService} with in-memory
 * stores and the clients listed in the properties. Keys, refresh tokens and revocations do not
 * survive a restart; for persistent stores, name your own factory.
 *
 * <p>Properties (besides {@code admin.auth.issuer}):
 *
 * <ul>
 *   <li>{@code admin.auth.token.audience}, {@code .signing-alg} (RS256, PS256, ES256, EdDSA),
 *       {@code .access-ttl}, {@code .refresh-ttl}, {@code .clock-skew} (ISO-8601 durations),
 *       {@code .pepper} (base64, at least 32 bytes);
 *   <li>per client {@code admin.auth.client.<id>.secret} (required, at least 16 characters),
 *       {@code .scopes} (space or comma separated), {@code .grants} (default both), {@code
 *       .refresh-for-client-credentials} (default true), {@code .access-ttl}, {@code
 *       .refresh-ttl}.
 * </ul>
 */
public final class DefaultTokenServiceFactory implements TokenServiceFactory {

  static final String TOKEN = AdminAuthProperties.PREFIX + "token.";
  static final String CLIENT = AdminAuthProperties.PREFIX + "client.";
  private static final Set<String> TOKEN_KEYS =
      Set.of("audience", "signing-alg", "access-ttl", "refresh-ttl", "clock-skew", "pepper");
  private static final Set<String> CLIENT_KEYS = Set.of("secret", "scopes", "grants",
      "refresh-for-client-credentials", "access-ttl", "refresh-ttl");

  @Override
  public TokenService create(Properties p) {
    String issuer = AdminAuthProperties.required(p, AdminAuthProperties.ISSUER);
    DefaultTokenServiceBuilder b = DefaultTokenService.builder().issuer(issuer);
    Map<String, Map<String, String>> clients = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key).strip();
      if (key.startsWith(TOKEN)) {
        String name = key.substring(TOKEN.length());
        if (!TOKEN_KEYS.contains(name)) {
          throw new AdminAuthConfigException(key, "unknown property");
        }
        applyToken(b, key, name, value);
      } else if (key.startsWith(CLIENT)) {
        String rest = key.substring(CLIENT.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0 || !CLIENT_KEYS.contains(rest.substring(dot + 1))) {
          throw new AdminAuthConfigException(key, "expected " + CLIENT + "<id>.<"
              + String.join("|", new java.util.TreeSet<>(CLIENT_KEYS)) + ">");
        }
        clients.computeIfAbsent(rest.substring(0, dot), k -> new TreeMap<>())
            .put(rest.substring(dot + 1), value);
      }
    }
    DefaultTokenService service;
    try {
      service = b.build();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AdminAuthConfigException(builderCulprit(e.getMessage()), e.getMessage(), e);
    }
    clients.forEach((id, attrs) -> service.registerClient(registration(id, attrs)));
    return service;
  }

  private static void applyToken(DefaultTokenServiceBuilder b, String key, String name, String v) {
    try {
      switch (name) {
        case "audience" -> b.audience(v);
        case "signing-alg" -> b.signingAlgorithm(algorithm(v));
        case "access-ttl" -> b.accessTokenTtl(Duration.parse(v));
        case "refresh-ttl" -> b.refreshTokenTtl(Duration.parse(v));
        case "clock-skew" -> b.clockSkew(Duration.parse(v));
        case "pepper" -> b.secretPepper(pepper(v));
        default -> throw new AdminAuthConfigException(key, "unknown property");
      }
    } catch (DateTimeParseException e) {
      throw new AdminAuthConfigException(key, "not an ISO-8601 duration: '" + v + "'", e);
    } catch (IllegalArgumentException e) {
      throw new AdminAuthConfigException(key, e.getMessage(), e);
    }
  }

  private static SigningAlgorithm algorithm(String v) {
    SigningAlgorithm alg = SigningAlgorithm.fromJwsName(v)
        .orElseThrow(() -> new IllegalArgumentException("unknown algorithm '" + v + "'"));
    if (alg.isSymmetric()) {
      throw new IllegalArgumentException("a symmetric algorithm cannot be published in the JWK Set");
    }
    return alg;
  }

  private static byte[] pepper(String v) {
    byte[] bytes = Base64.getDecoder().decode(v);
    if (bytes.length < 32) {
      throw new IllegalArgumentException("must decode to at least 32 bytes");
    }
    return bytes;
  }

  private static ClientRegistration registration(String id, Map<String, String> attrs) {
    String prefix = CLIENT + id + ".";
    String secret = attrs.get("secret");
    if (secret == null || secret.isEmpty()) {
      throw new AdminAuthConfigException(prefix + "secret", "is required");
    }
    Set<String> scopes = words(attrs.getOrDefault("scopes", ""));
    Set<String> grants = attrs.containsKey("grants")
        ? words(attrs.get("grants")) : ClientRegistration.SUPPORTED_GRANTS;
    String refreshForCc = attrs.getOrDefault("refresh-for-client-credentials", "true");
    if (!refreshForCc.equals("true") && !refreshForCc.equals("false")) {
      throw new AdminAuthConfigException(prefix + "refresh-for-client-credentials",
          "must be true or false");
    }
    Duration access = duration(prefix + "access-ttl", attrs.get("access-ttl"));
    Duration refresh = duration(prefix + "refresh-ttl", attrs.get("refresh-ttl"));
    try {
      return new ClientRegistration(id, secret, scopes, grants,
          Boolean.parseBoolean(refreshForCc), access, refresh);
    } catch (IllegalArgumentException e) {
      throw new AdminAuthConfigException(prefix + culprit(e.getMessage()), e.getMessage(), e);
    }
  }

  /** Which property a core builder error is about (its message names the setting). */
  private static String builderCulprit(String message) {
    String m = String.valueOf(message);
    if (m.contains("accessTokenTtl")) {
      return TOKEN + "access-ttl";
    } else if (m.contains("refreshTokenTtl")) {
      return TOKEN + "refresh-ttl";
    } else if (m.contains("clockSkew")) {
      return TOKEN + "clock-skew";
    } else if (m.contains("audience")) {
      return TOKEN + "audience";
    } else if (m.contains("epper")) {
      return TOKEN + "pepper";
    }
    return AdminAuthProperties.ISSUER;
  }

  /** Which client property a registration error is about (its message names the field). */
  private static String culprit(String message) {
    String m = String.valueOf(message);
    if (m.contains("clientSecret")) {
      return "secret";
    } else if (m.contains("scope")) {
      return "scopes";
    } else if (m.contains("grantTypes")) {
      return "grants";
    } else if (m.contains("accessTokenTtl")) {
      return "access-ttl";
    } else if (m.contains("refreshTokenTtl")) {
      return "refresh-ttl";
    }
    return "secret";
  }

  private static Duration duration(String key, String value) {
    if (value == null) {
      return null;
    }
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new AdminAuthConfigException(key, "not an ISO-8601 duration: '" + value + "'", e);
    }
  }

  private static Set<String> words(String v) {
    Set<String> out = new LinkedHashSet<>();
    Arrays.stream(v.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(out::add);
    return out;
  }
}
