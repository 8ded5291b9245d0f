package io.admin.auth.devserver;

/**
 * Every setting of the dev server (docs/http-contract.md), with its environment variable and the
 * command-line flag that mirrors it. A flag wins over the variable.
 */
public enum DevServerSetting {
  PORT("ADMIN_AUTH_PORT", "--port", "listen port, 0 for any free port (default 8080)"),
  HOST("ADMIN_AUTH_HOST", "--host",
      "listen address; 0.0.0.0 for every interface (default 127.0.0.1, this machine only)"),
  ISSUER("ADMIN_AUTH_ISSUER", "--issuer", "iss of issued tokens (default http://localhost:<port>)"),
  AUDIENCE("ADMIN_AUTH_AUDIENCE", "--audience", "aud of issued and accepted tokens (default the issuer)"),
  STORE("ADMIN_AUTH_STORE", "--store", "memory, or a JDBC URL (default an embedded file store in the data folder)"),
  DATA_DIR("ADMIN_AUTH_DATA_DIR", "--data-dir",
      "folder of the embedded store, and of the generated key-encryption key and pepper (default ./data)"),
  DEMO_CLIENT_ID("ADMIN_AUTH_DEMO_CLIENT_ID", "--demo-client-id", "seeded client id (default demo-client)"),
  DEMO_CLIENT_SECRET("ADMIN_AUTH_DEMO_CLIENT_SECRET", "--demo-client-secret",
      "seeded client secret, at least 16 characters (default random, printed at start)"),
  DEMO_USER("ADMIN_AUTH_DEMO_USER", "--demo-user", "seeded Basic user (default demo)"),
  DEMO_PASSWORD("ADMIN_AUTH_DEMO_PASSWORD", "--demo-password",
      "seeded Basic user's password, at least 12 characters (default random, printed at start)"),
  DEMO_SPA_REDIRECT_URIS("ADMIN_AUTH_DEMO_SPA_REDIRECT_URIS", "--demo-spa-redirect-uris",
      "comma-separated redirect URIs of the seeded public sign-in client demo-spa"
          + " (default http://localhost:<port>/demo/callback)"),
  DEMO_PARTNER_ID("ADMIN_AUTH_DEMO_PARTNER_ID", "--demo-partner-id",
      "seeded third-party sign-in client id (default demo-partner)"),
  DEMO_PARTNER_SECRET("ADMIN_AUTH_DEMO_PARTNER_SECRET", "--demo-partner-secret",
      "seeded third-party client's secret, at least 16 characters (default random, printed at start)"),
  DEMO_PARTNER_REDIRECT_URIS("ADMIN_AUTH_DEMO_PARTNER_REDIRECT_URIS", "--demo-partner-redirect-uris",
      "comma-separated redirect URIs of the third-party client (default http://127.0.0.1:9999/callback)"),
  TRUSTED_ISSUERS("ADMIN_AUTH_TRUSTED_ISSUERS", "--trusted-issuers",
      "comma-separated third-party OIDC issuer URLs whose tokens are accepted (default none)"),
  SIGNING_ALG("ADMIN_AUTH_SIGNING_ALG", "--signing-alg", "RS256, PS256, ES256 or EdDSA (default the library's)"),
  ACCESS_TTL("ADMIN_AUTH_ACCESS_TTL", "--access-ttl", "access token lifetime, ISO-8601, at most PT1H (default PT1H)"),
  REFRESH_TTL("ADMIN_AUTH_REFRESH_TTL", "--refresh-ttl", "refresh token lifetime, ISO-8601 (default P30D)"),
  RATE_LIMITS("ADMIN_AUTH_RATE_LIMITS", "--rate-limits",
      "off, or name=value items: token-per-address, token-per-client, per-principal as <n>/s,"
          + " <n>/min, <n>/h or off; client-failures, basic-failures as <n> or off"
          + " (default the library's: 300/min, 60/min, off, 10, 5)");

  private final String env;
  private final String flag;
  private final String help;

  DevServerSetting(String env, String flag, String help) {
    this.env = env;
    this.flag = flag;
    this.help = help;
  }

  /** The environment variable, e.g. {@code ADMIN_AUTH_PORT}. */
  public String env() {
    return env;
  }

  /** The command-line flag, e.g. {@code --port}. */
  public String flag() {
    return flag;
  }

  /** One line of usage text. */
  public String help() {
    return help;
  }

  /** How error messages name the setting: {@code ADMIN_AUTH_PORT (--port)}. */
  public String label() {
    return env + " (" + flag + ")";
  }
}
