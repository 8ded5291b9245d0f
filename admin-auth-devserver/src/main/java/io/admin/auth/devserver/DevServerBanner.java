package io.admin.auth.devserver;

import io.admin.auth.core.internal.jose.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the dev server prints on start (docs/http-contract.md): settings, demo credentials, one line
 * per endpoint, a ready-to-paste curl for the token request, the sign-in clients with a
 * ready-to-try authorization URL, and {@code ready} on a line of its own, last, so that scripts
 * and tests can wait for it.
 */
final class DevServerBanner {

  /** The line that tells a script or test the server accepts requests. */
  static final String READY = "ready";

  /**
   * One served endpoint.
   *
   * @param method HTTP method(s), e.g. {@code GET} or {@code GET POST}
   * @param path the path
   * @param note what it is and what it needs
   */
  record Endpoint(String method, String path, String note) {
    Endpoint {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(note, "note");
    }
  }

  private final String base;
  private final String issuer;
  private final String audience;
  private final String store;
  private final List<String> notices;
  private final DevCredentials credentials;
  private final List<Endpoint> endpoints;
  private final String tokenPath;
  private final List<String> trustedIssuers;
  private final boolean basic;
  private final List<String> signIn;

  DevServerBanner(String base, String issuer, String audience, String store, List<String> notices,
      DevCredentials credentials, List<Endpoint> endpoints, String tokenPath,
      List<String> trustedIssuers, boolean basic, List<String> signIn) {
    this.base = base;
    this.issuer = issuer;
    this.audience = audience;
    this.store = store;
    this.notices = List.copyOf(notices);
    this.credentials = credentials;
    this.endpoints = List.copyOf(endpoints);
    this.tokenPath = tokenPath;
    this.trustedIssuers = List.copyOf(trustedIssuers);
    this.basic = basic;
    this.signIn = List.copyOf(signIn);
  }

  void print(PrintStream out) {
    StringBuilder b = new StringBuilder();
    b.append("admin-auth dev server on ").append(base).append('\n');
    for (String notice : notices) {
      b.append("NOTICE: ").append(notice).append('\n');
    }
    b.append("issuer:   ").append(issuer).append('\n');
    b.append("audience: ").append(audience).append('\n');
    b.append("store:    ").append(store).append('\n');
    if (!trustedIssuers.isEmpty()) {
      b.append("trusted issuers: ").append(String.join(", ", trustedIssuers)).append('\n');
    }
    b.append("demo client: ").append(credentials.clientId()).append(" / ")
        .append(credentials.clientSecretGenerated() ? credentials.clientSecret()
            + "  (generated; set ADMIN_AUTH_DEMO_CLIENT_SECRET to choose one)" : "(as configured)")
        .append('\n');
    if (basic) {
      b.append("demo user:   ").append(credentials.user()).append(" / ")
          .append(credentials.passwordGenerated() ? credentials.password()
              + "  (generated; set ADMIN_AUTH_DEMO_PASSWORD to choose one)" : "(as configured)")
          .append("  (HTTP Basic, scope users:read)\n");
    }
    b.append("endpoints:\n");
    for (Endpoint e : endpoints) {
      b.append(String.format(java.util.Locale.ROOT, "  %-" + methodWidth() + "s %-" + width()
          + "s %s%n", e.method(),
          base + e.path(), e.note()));
    }
    b.append("get a token:\n  ").append(tokenCurl()).append('\n');
    b.append("then call the API with it:\n  curl -s ").append(base)
        .append("/api/v3/users -H \"Authorization: Bearer $ACCESS_TOKEN\"\n");
    signIn.forEach(line -> b.append(line).append('\n'));
    b.append(READY).append('\n');
    out.print(b);
    out.flush();
  }

  /** Column width for the methods: the longest, such as {@code GET POST}. */
  private int methodWidth() {
    return endpoints.stream().mapToInt(e -> e.method().length()).max().orElse(0);
  }

  /** Column width for the endpoint URLs: the longest one, so notes line up. */
  private int width() {
    return endpoints.stream().mapToInt(e -> base.length() + e.path().length()).max().orElse(0);
  }

  /** The token request exactly as the README shows it: a JSON body. */
  String tokenCurl() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("client_id", credentials.clientId());
    body.put("client_secret", credentials.clientSecret());
    body.put("grant_type", "client_credentials");
    return "curl -s -X POST " + base + tokenPath
        + " -H 'Content-Type: application/json' -d " + shellQuote(Json.write(body));
  }

  /** POSIX single quoting, so a configured secret with quotes still pastes safely. */
  static String shellQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }
}
