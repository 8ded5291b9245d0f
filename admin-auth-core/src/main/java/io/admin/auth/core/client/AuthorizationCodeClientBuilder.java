package io.admin.auth.core.client;

import io.admin.auth.core.signin.ResponseMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Configures an {@link AuthorizationCodeClient}. The issuer, both endpoints, the client id, the
 * redirect URI and the scope are required; {@link #build()} checks everything and takes a copy,
 * so changing the builder later does not change a built client.
 */
public final class AuthorizationCodeClientBuilder {
  String issuer;
  URI authorizationEndpoint;
  String clientId;
  String redirectUri;
  String scope;
  ResponseMode responseMode;
  boolean issuerParameterRequired;
  SecureRandom random;
  private URI tokenEndpoint;
  private String clientSecret;
  private ClientAuthMethod authMethod = ClientAuthMethod.CLIENT_SECRET_BASIC;
  private Clock clock = Clock.systemUTC();
  private HttpClient httpClient;
  private Duration requestTimeout = Duration.ofSeconds(10);
  private Duration refreshMargin = Duration.ofSeconds(60);
  private boolean allowPlainHttp;

  AuthorizationCodeClientBuilder() {}

  /**
   * The issuer identifier the {@code iss} of the redirect and of the ID token must equal.
   *
   * @param issuer the issuer identifier, exactly as the server writes {@code iss}
   * @return this builder
   */
  public AuthorizationCodeClientBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * The authorization endpoint, e.g. {@code https://auth.example.com/api/v3/auth/authorize}.
   *
   * @param authorizationEndpoint the absolute {@code https} URI of the endpoint
   * @return this builder
   */
  public AuthorizationCodeClientBuilder authorizationEndpoint(URI authorizationEndpoint) {
    this.authorizationEndpoint = authorizationEndpoint;
    return this;
  }

  /**
   * The token endpoint, e.g. {@code https://auth.example.com/api/v3/auth/token}.
   *
   * @param tokenEndpoint the absolute URI of the endpoint
   * @return this builder
   */
  public AuthorizationCodeClientBuilder tokenEndpoint(URI tokenEndpoint) {
    this.tokenEndpoint = tokenEndpoint;
    return this;
  }

  /**
   * The client id.
   *
   * @param clientId the registered client id; required
   * @return this builder
   */
  public AuthorizationCodeClientBuilder clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  /**
   * The client secret of a confidential client; leave it unset for a public client, which sends
   * its {@code client_id} alone. Never logged or printed.
   *
   * @param clientSecret the secret, or {@code null} for a public client
   * @return this builder
   */
  public AuthorizationCodeClientBuilder clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /**
   * How a confidential client sends its secret; default
   * {@link ClientAuthMethod#CLIENT_SECRET_BASIC}.
   *
   * @param authMethod how the secret is sent
   * @return this builder
   */
  public AuthorizationCodeClientBuilder authMethod(ClientAuthMethod authMethod) {
    this.authMethod = authMethod;
    return this;
  }

  /**
   * The redirect URI, exactly as registered (the server compares strings).
   *
   * @param redirectUri the registered redirect URI; required
   * @return this builder
   */
  public AuthorizationCodeClientBuilder redirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
    return this;
  }

  /**
   * The space-separated scopes to ask for: {@code openid} for an ID token (and a nonce),
   * {@code offline_access} for a refresh token.
   *
   * @param scope the scopes, space separated; required
   * @return this builder
   */
  public AuthorizationCodeClientBuilder scope(String scope) {
    this.scope = scope;
    return this;
  }

  /**
   * The {@code response_mode} to ask for; default none sent, which means {@code query}.
   *
   * @param responseMode the response mode, or {@code null} for none sent
   * @return this builder
   */
  public AuthorizationCodeClientBuilder responseMode(ResponseMode responseMode) {
    this.responseMode = responseMode;
    return this;
  }

  /**
   * Whether a redirect without {@code iss} is refused: set it when the server's metadata says
   * {@code authorization_response_iss_parameter_supported} (RFC 9207 section 2.4). Default false;
   * an {@code iss} that is present is always checked.
   *
   * @param required {@code true} to refuse a redirect without {@code iss}
   * @return this builder
   */
  public AuthorizationCodeClientBuilder issuerParameterRequired(boolean required) {
    this.issuerParameterRequired = required;
    return this;
  }

  /**
   * The source of verifiers, states and nonces; default a new {@link SecureRandom}.
   *
   * @param random the source of verifiers, states and nonces
   * @return this builder
   */
  public AuthorizationCodeClientBuilder random(SecureRandom random) {
    this.random = random;
    return this;
  }

  /**
   * The clock token expiry is measured with; default {@link Clock#systemUTC()}.
   *
   * @param clock the clock token expiry is measured with
   * @return this builder
   */
  public AuthorizationCodeClientBuilder clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /**
   * The HTTP client for token requests; default a new one that does not follow redirects.
   *
   * @param httpClient the client for token requests; it should not follow redirects
   * @return this builder
   */
  public AuthorizationCodeClientBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * Timeout of one token request; default 10 s.
   *
   * @param requestTimeout the timeout, positive
   * @return this builder
   */
  public AuthorizationCodeClientBuilder requestTimeout(Duration requestTimeout) {
    this.requestTimeout = requestTimeout;
    return this;
  }

  /**
   * How long before expiry the access token is refreshed; default 60 s (see {@link TokenClient}).
   *
   * @param refreshMargin the margin, not negative
   * @return this builder
   */
  public AuthorizationCodeClientBuilder refreshMargin(Duration refreshMargin) {
    this.refreshMargin = refreshMargin;
    return this;
  }

  /**
   * Allows plain {@code http} endpoints on a non-loopback host; off by default.
   *
   * @param allowPlainHttp {@code true} to allow {@code http} (for development only)
   * @return this builder
   */
  public AuthorizationCodeClientBuilder allowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
    return this;
  }

  /**
   * Validates the settings and builds the client.
   *
   * @return a ready client
   * @throws IllegalArgumentException if a required setting is missing or a value is invalid
   */
  public AuthorizationCodeClient build() {
    TokenClient.Builder.require(issuer != null && !issuer.isBlank(), "issuer is required");
    TokenClient.Builder.require(authorizationEndpoint != null
        && authorizationEndpoint.isAbsolute() && authorizationEndpoint.getHost() != null
        && authorizationEndpoint.getRawFragment() == null,
        "authorizationEndpoint must be an absolute URI with a host and no fragment");
    TokenClient.Builder.require("https".equalsIgnoreCase(authorizationEndpoint.getScheme())
        || ("http".equalsIgnoreCase(authorizationEndpoint.getScheme())
            && (allowPlainHttp || TokenClient.Builder.isLoopback(authorizationEndpoint))),
        "authorizationEndpoint must use https (or set allowPlainHttp)");
    TokenClient.Builder.require(redirectUri != null && !redirectUri.isEmpty(),
        "redirectUri is required");
    TokenClient.Builder.require(scope != null && !scope.isBlank()
        && scope.equals(scope.strip()) && !scope.contains("  "),
        "scope is required: words separated by single spaces");
    TokenClient.Builder settings = new TokenClient.Builder()
        .tokenEndpoint(tokenEndpoint).clientId(clientId).clientSecret(clientSecret)
        .authMethod(Objects.requireNonNull(authMethod, "authMethod")).clock(clock)
        .httpClient(httpClient).requestTimeout(requestTimeout).refreshMargin(refreshMargin)
        .allowPlainHttp(allowPlainHttp);
    settings.validate();
    if (random == null) {
      random = new SecureRandom();
    }
    return new AuthorizationCodeClient(this, settings);
  }
}
