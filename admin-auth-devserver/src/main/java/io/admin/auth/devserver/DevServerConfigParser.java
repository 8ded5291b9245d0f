package io.admin.auth.devserver;

import io.admin.auth.core.signin.RedirectUris;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses flags and environment into a {@link DevServerConfig}: picocli reads the flags
 * ({@link DevServerFlags}), this class checks every value, whether it came from a flag or a
 * variable. A flag syntax error is reported first; then the first invalid setting in
 * {@link DevServerSetting} order wins, named as the user wrote it (flag or variable), so that
 * the message points at the thing to fix. Secret values are never echoed.
 */
final class DevServerConfigParser {

  private static final Set<String> ALGORITHMS = Set.of("RS256", "PS256", "ES256", "EdDSA");
  private static final int MIN_SECRET_LENGTH = 16;
  /** Host names (RFC 1123) and IP literals, IPv6 with or without brackets; resolved at bind. */
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%-]{1,253}");

  private final Map<DevServerSetting, String> values = new EnumMap<>(DevServerSetting.class);
  private final Map<DevServerSetting, String> sources = new EnumMap<>(DevServerSetting.class);
  private ConfigResult.Invalid error;

  private DevServerConfigParser() {}

  static ConfigResult parse(List<String> args, Map<String, String> env) {
    // --help wins wherever it stands, even after a mistyped flag, so a user can always ask.
    if (args.contains("--help") || args.contains("-h")) {
      return new ConfigResult.HelpRequested();
    }
    DevServerConfigParser p = new DevServerConfigParser();
    p.readEnv(env);
    DevServerFlags.Flags flags = DevServerFlags.read(args);
    if (flags.error().isPresent()) {
      return flags.error().get();
    }
    flags.values().forEach((s, v) -> {
      p.values.put(s, v);
      p.sources.put(s, s.flag());
    });
    DevServerConfig config = p.build();
    return p.error != null ? p.error : new ConfigResult.Valid(config);
  }

  static String usage() {
    return DevServerFlags.usage();
  }

  private void readEnv(Map<String, String> env) {
    for (DevServerSetting s : DevServerSetting.values()) {
      String v = env.get(s.env());
      // An empty variable is how "unset" looks in docker -e X= and CI templates.
      if (v != null && !v.isEmpty()) {
        values.put(s, v);
        sources.put(s, s.env());
      }
    }
  }

  private DevServerConfig build() {
    int port = read(DevServerSetting.PORT, DevServerConfig.DEFAULT_PORT, this::port);
    String host = read(DevServerSetting.HOST, DevServerConfig.DEFAULT_HOST, this::host);
    Optional<URI> issuer = Optional.ofNullable(read(DevServerSetting.ISSUER, null, this::issuer));
    Optional<String> audience =
        Optional.ofNullable(read(DevServerSetting.AUDIENCE, null, this::audience));
    Path dataDir = read(DevServerSetting.DATA_DIR, DevServerConfig.DEFAULT_DATA_DIR, this::dataDir);
    StoreChoice store = read(DevServerSetting.STORE,
        new StoreChoice.EmbeddedFile(dataDir == null ? DevServerConfig.DEFAULT_DATA_DIR : dataDir),
        this::store);
    String clientId = read(DevServerSetting.DEMO_CLIENT_ID, "demo-client", this::clientId);
    Optional<String> secret =
        Optional.ofNullable(read(DevServerSetting.DEMO_CLIENT_SECRET, null, this::clientSecret));
    String user = read(DevServerSetting.DEMO_USER, "demo", this::user);
    Optional<String> password =
        Optional.ofNullable(read(DevServerSetting.DEMO_PASSWORD, null, this::password));
    DemoSignInClients signInClients = signInClients(clientId);
    List<URI> trusted = read(DevServerSetting.TRUSTED_ISSUERS, List.of(), this::trustedIssuers);
    Optional<String> alg =
        Optional.ofNullable(read(DevServerSetting.SIGNING_ALG, null, this::algorithm));
    Duration access = read(DevServerSetting.ACCESS_TTL, DevServerConfig.MAX_ACCESS_TTL,
        v -> duration(v, DevServerConfig.MAX_ACCESS_TTL));
    Duration refresh = read(DevServerSetting.REFRESH_TTL, DevServerConfig.DEFAULT_REFRESH_TTL,
        v -> duration(v, null));
    DevRateLimits limits = read(DevServerSetting.RATE_LIMITS, DevRateLimits.defaults(),
        this::rateLimits);
    if (error != null) {
      return null;
    }
    return new DevServerConfig(port, host, issuer, audience, store, dataDir, clientId, secret,
        user, password, trusted, alg, access, refresh, limits, signInClients);
  }

  /** The seeded sign-in clients; their id must not be the demo client's, nor each other's. */
  private DemoSignInClients signInClients(String demoClientId) {
    List<String> spa = read(DevServerSetting.DEMO_SPA_REDIRECT_URIS, List.of(),
        this::redirectUris);
    String partnerId = read(DevServerSetting.DEMO_PARTNER_ID,
        DemoSignInClients.DEFAULT_PARTNER_ID, v -> partnerId(v, demoClientId));
    Optional<String> partnerSecret =
        Optional.ofNullable(read(DevServerSetting.DEMO_PARTNER_SECRET, null, this::clientSecret));
    List<String> partnerUris = read(DevServerSetting.DEMO_PARTNER_REDIRECT_URIS,
        List.of(DemoSignInClients.DEFAULT_PARTNER_REDIRECT_URI), this::redirectUris);
    if (error != null) {
      return DemoSignInClients.defaults();
    }
    if (List.of(partnerId, DemoSignInClients.SPA_ID).contains(demoClientId)) {
      fail(sources.getOrDefault(DevServerSetting.DEMO_CLIENT_ID,
          DevServerSetting.DEMO_CLIENT_ID.env()), quote(demoClientId)
          + " is the id of a seeded sign-in client; choose another");
      return DemoSignInClients.defaults();
    }
    return new DemoSignInClients(spa, partnerId, partnerSecret, partnerUris);
  }

  private String partnerId(String v, String demoClientId) {
    if (clientId(v) == null) {
      return null;
    }
    return v.equals(demoClientId) || v.equals(DemoSignInClients.SPA_ID)
        ? problem(quote(v) + " is already the id of another seeded client") : v;
  }

  /** Comma-separated redirect URIs, each registrable as the core requires; at least one. */
  private List<String> redirectUris(String v) {
    List<String> out = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      String uri = part.strip();
      if (uri.isEmpty()) {
        continue;
      }
      Optional<String> why = RedirectUris.problem(uri);
      if (why.isPresent()) {
        return problem(quote(uri) + " " + why.get());
      }
      if (!out.contains(uri)) {
        out.add(uri);
      }
    }
    return out.isEmpty() ? problem("needs at least one redirect URI") : out;
  }

  /**
   * The parsed value of a setting, its default when unset, or the default after recording an
   * error (the parse function answers null with {@link #problem} set).
   */
  private <T> T read(DevServerSetting s, T fallback, Function<String, T> parse) {
    String raw = values.get(s);
    if (raw == null || error != null) {
      return fallback;
    }
    problem = null;
    T parsed = parse.apply(raw);
    if (problem != null) {
      fail(sources.get(s), problem);
      return fallback;
    }
    return parsed;
  }

  private String problem;

  private <T> T problem(String message) {
    problem = message;
    return null;
  }

  private Integer port(String v) {
    try {
      int p = Integer.parseInt(v.strip());
      return p >= 0 && p <= 65535 ? p : problem(quote(v) + " is not a port (0 to 65535)");
    } catch (NumberFormatException e) {
      return problem(quote(v) + " is not a port (0 to 65535)");
    }
  }

  private String host(String v) {
    String h = v.strip();
    if (h.length() > 2 && h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return HOST.matcher(h).matches() ? h
        : problem(quote(v) + " is not an IP address or host name (0.0.0.0 for every interface)");
  }

  private URI issuer(String v) {
    URI uri = absoluteHttpUri(v);
    if (uri == null) {
      return null;
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      return problem(quote(v) + ": an issuer has no query or fragment (RFC 8414 section 2)");
    }
    return uri;
  }

  private String audience(String v) {
    return v.isBlank() || v.chars().anyMatch(Character::isWhitespace)
        ? problem(quote(v) + " must be one value without spaces") : v;
  }

  private StoreChoice store(String v) {
    if (v.equals("memory")) {
      return new StoreChoice.Memory();
    }
    if (v.startsWith("jdbc:") && v.length() > "jdbc:".length()) {
      return new StoreChoice.Jdbc(v);
    }
    return problem("must be \"memory\" or a JDBC URL (jdbc:...); leave it unset for the"
        + " embedded file store");
  }

  private Path dataDir(String v) {
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      return problem(quote(v) + " is not a folder path");
    }
  }

  private String clientId(String v) {
    return v.length() <= 255 && v.chars().allMatch(c -> c > 0x20 && c < 0x7F) ? v
        : problem(quote(v) + " must be 1 to 255 visible ASCII characters");
  }

  private String clientSecret(String v) {
    return v.length() >= MIN_SECRET_LENGTH ? v
        : problem("must have at least " + MIN_SECRET_LENGTH + " characters (value not shown)");
  }

  private String user(String v) {
    // RFC 7617 section 2: a user-id containing a colon cannot be sent in Basic credentials.
    return v.chars().allMatch(c -> c > 0x20 && c != 0x7F) && v.indexOf(':') < 0 ? v
        : problem(quote(v) + " must not contain spaces, control characters or ':'");
  }

  private String password(String v) {
    if (v.length() < DevServerConfig.MIN_DEMO_PASSWORD_LENGTH) {
      return problem("must have at least " + DevServerConfig.MIN_DEMO_PASSWORD_LENGTH
          + " characters (value not shown)");
    }
    return v.chars().noneMatch(Character::isISOControl) ? v
        : problem("must not contain control characters (value not shown)");
  }

  private List<URI> trustedIssuers(String v) {
    List<URI> out = new ArrayList<>();
    for (String part : v.split(",", -1)) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      URI uri = absoluteHttpUri(item);
      if (uri == null) {
        return null;
      }
      if (uri.getScheme().equals("http") && !isLoopback(uri.getHost())) {
        return problem(quote(item) + ": plain http is allowed for loopback issuers only");
      }
      if (!out.contains(uri)) {
        out.add(uri);
      }
    }
    return out;
  }

  private String algorithm(String v) {
    return ALGORITHMS.contains(v) ? v
        : problem(quote(v) + " is not one of RS256, PS256, ES256, EdDSA");
  }

  private Duration duration(String v, Duration max) {
    Duration d;
    try {
      d = Duration.parse(v.strip());
    } catch (DateTimeParseException e) {
      return problem(quote(v) + " is not an ISO-8601 duration such as PT15M or P30D");
    }
    if (d.isNegative() || d.isZero()) {
      return problem(quote(v) + " must be positive");
    }
    if (max != null && d.compareTo(max) > 0) {
      return problem(quote(v) + " is longer than " + max + " (the longest access-token lifetime the library allows)");
    }
    return d;
  }

  private DevRateLimits rateLimits(String v) {
    try {
      return DevRateLimits.parse(v);
    } catch (IllegalArgumentException e) {
      return problem(e.getMessage());
    }
  }

  private URI absoluteHttpUri(String v) {
    try {
      URI uri = new URI(v);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
          && uri.getScheme().equals(scheme)) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // answered below
    }
    return problem(quote(v) + " is not an absolute http(s) URL");
  }

  private static boolean isLoopback(String host) {
    return host.equalsIgnoreCase("localhost") || host.startsWith("127.") || host.equals("[::1]");
  }

  private void fail(String source, String message) {
    if (error == null) {
      error = new ConfigResult.Invalid(source, message);
    }
  }

  private static String quote(String v) {
    String shown = v.length() > 80 ? v.substring(0, 80) + "..." : v;
    return "\"" + shown + "\"";
  }
}
