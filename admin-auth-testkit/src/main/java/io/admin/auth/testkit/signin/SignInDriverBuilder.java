package io.admin.auth.testkit.signin;

import io.admin.auth.core.client.AuthorizationCodeClient;
import io.admin.auth.core.client.AuthorizationCodeClientBuilder;
import io.admin.auth.core.signin.ResponseMode;
import io.admin.auth.servlet.endpoint.EndpointPaths;
import io.admin.auth.servlet.signin.SignInPaths;
import java.net.URI;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Configures a {@link SignInDriver}: the client id, redirect URI and scope are required; the
 * endpoints default to the contract's paths under the base URI and the issuer to the base URI.
 */
public final class SignInDriverBuilder {
  final URI base;
  String redirectUri;
  String decision = "allow";
  HttpClient httpClient;
  final Map<String, String> extraParameters = new LinkedHashMap<>();
  private String issuer;
  private String authorizePath = SignInPaths.defaults().authorize();
  private String tokenPath = EndpointPaths.defaults().token();
  private String clientId;
  private String clientSecret;
  private String scope;
  private ResponseMode responseMode;
  private SecureRandom random;
  private Clock clock = Clock.systemUTC();
  private boolean allowPlainHttp;

  SignInDriverBuilder(URI base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * The issuer the redirect's {@code iss} and the ID token must name; default the base URI.
   *
   * @param issuer the issuer URL; {@code null} for the default
   * @return this builder
   */
  public SignInDriverBuilder issuer(String issuer) {
    this.issuer = issuer;
    return this;
  }

  /**
   * The authorization endpoint's path; default {@code /api/v3/auth/authorize}.
   *
   * @param path an absolute path, appended to the base URI's scheme and authority
   * @return this builder
   */
  public SignInDriverBuilder authorizePath(String path) {
    this.authorizePath = path;
    return this;
  }

  /**
   * The token endpoint's path; default {@code /api/v3/auth/token}.
   *
   * @param path an absolute path, appended to the base URI's scheme and authority
   * @return this builder
   */
  public SignInDriverBuilder tokenPath(String path) {
    this.tokenPath = path;
    return this;
  }

  /**
   * The client id. Required.
   *
   * @param clientId the id the client is registered under
   * @return this builder
   */
  public SignInDriverBuilder clientId(String clientId) {
    this.clientId = clientId;
    return this;
  }

  /**
   * The secret of a confidential client; unset for a public client.
   *
   * @param clientSecret the secret, sent at the code exchange; {@code null} for a public client
   * @return this builder
   */
  public SignInDriverBuilder clientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
    return this;
  }

  /**
   * A redirect URI registered for the client, exactly. Required; it is never called.
   *
   * @param redirectUri the absolute URI, as registered
   * @return this builder
   */
  public SignInDriverBuilder redirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
    return this;
  }

  /**
   * The space-separated scopes to ask for. Required.
   *
   * @param scope for example {@code openid profile offline_access}
   * @return this builder
   */
  public SignInDriverBuilder scope(String scope) {
    this.scope = scope;
    return this;
  }

  /**
   * The {@code response_mode}; default none sent ({@code query}).
   *
   * @param responseMode the mode to ask for; {@code null} to send none
   * @return this builder
   */
  public SignInDriverBuilder responseMode(ResponseMode responseMode) {
    this.responseMode = responseMode;
    return this;
  }

  /**
   * The consent page's answer, {@code allow} (the default) or {@code deny}.
   *
   * @param decision {@code allow} or {@code deny}; anything else is refused at once
   * @return this builder
   * @throws IllegalArgumentException for any other decision
   */
  public SignInDriverBuilder decision(String decision) {
    if (!"allow".equals(decision) && !"deny".equals(decision)) {
      throw new IllegalArgumentException("decision is allow or deny");
    }
    this.decision = decision;
    return this;
  }

  /**
   * An extra authorization request parameter, e.g. {@code prompt} or {@code max_age}.
   *
   * @param name the parameter name; not null; a later call with the same name replaces the value
   * @param value the parameter value; not null
   * @return this builder
   */
  public SignInDriverBuilder parameter(String name, String value) {
    extraParameters.put(Objects.requireNonNull(name, "name"),
        Objects.requireNonNull(value, "value"));
    return this;
  }

  /**
   * The HTTP client; it must not follow redirects. Default a new one.
   *
   * @param httpClient the client every request goes through; {@code null} for the default
   * @return this builder
   */
  public SignInDriverBuilder httpClient(HttpClient httpClient) {
    this.httpClient = httpClient;
    return this;
  }

  /**
   * The source of verifiers, states and nonces; default a new {@link SecureRandom}.
   *
   * @param random the source of randomness; {@code null} for the default
   * @return this builder
   */
  public SignInDriverBuilder random(SecureRandom random) {
    this.random = random;
    return this;
  }

  /**
   * The clock the returned token client measures expiry with; default the system clock.
   *
   * @param clock the clock; not null
   * @return this builder
   */
  public SignInDriverBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Allows a plain-http server that is not on a loopback address; off by default.
   *
   * @param allowPlainHttp true to allow {@code http} to any host; loopback hosts are always allowed
   * @return this builder
   */
  public SignInDriverBuilder allowPlainHttp(boolean allowPlainHttp) {
    this.allowPlainHttp = allowPlainHttp;
    return this;
  }

  /**
   * Builds the driver.
   *
   * @return a new driver; it may run {@link SignInDriver#signIn} many times
   * @throws IllegalArgumentException for a missing setting, or an HTTP client that follows
   *     redirects (the driver must see each one to keep cookies and stop at the redirect URI)
   */
  public SignInDriver build() {
    if (base.getScheme() == null || base.getHost() == null) {
      throw new IllegalArgumentException("the base URI needs a scheme and a host");
    }
    if (httpClient == null) {
      httpClient = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    } else if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
      throw new IllegalArgumentException("the HTTP client must not follow redirects");
    }
    String origin = base.getScheme() + "://" + base.getRawAuthority();
    AuthorizationCodeClientBuilder client = AuthorizationCodeClient.builder()
        .issuer(issuer != null ? issuer : origin)
        .authorizationEndpoint(URI.create(origin + authorizePath))
        .tokenEndpoint(URI.create(origin + tokenPath))
        .clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri).scope(scope)
        .responseMode(responseMode).issuerParameterRequired(true).httpClient(httpClient)
        .clock(clock).allowPlainHttp(allowPlainHttp);
    if (random != null) {
      client.random(random);
    }
    return new SignInDriver(this, client.build());
  }
}
