package io.admin.auth.core.client;

import io.admin.auth.core.signin.Pkce;
import io.admin.auth.core.signin.ResponseMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Signs a person in with the authorization code grant and PKCE (RFC 6749 section 4.1, RFC 7636,
 * OpenID Connect Core section 3.1; docs/http-contract.md, "Signing people in"), for a public
 * client (no secret: native and browser apps) or a confidential one.
 *
 * <p>Three steps, each answering a value rather than throwing for what can go wrong:
 *
 * <pre>{@code
 * AuthorizationCodeClient signIn = AuthorizationCodeClient.builder()
 *     .issuer("https://auth.example.com")
 *     .authorizationEndpoint(URI.create("https://auth.example.com/api/v3/auth/authorize"))
 *     .tokenEndpoint(URI.create("https://auth.example.com/api/v3/auth/token"))
 *     .clientId("notes-app")                      // no clientSecret: a public client
 *     .redirectUri("http://127.0.0.1:8400/callback")
 *     .scope("openid profile offline_access")
 *     .issuerParameterRequired(true)              // metadata: authorization_response_iss_parameter_supported
 *     .build();
 *
 * PendingSignIn pending = signIn.start();  // keep it in the session
 * browser.open(pending.authorizationUri());
 * // ... the browser comes back to the redirect URI
 * AuthorizationCallback callback = signIn.callback(pending, redirectedTo);
 * if (callback instanceof AuthorizationCallback.Code c) {
 *   if (signIn.exchange(pending, c.code()) instanceof CodeExchange.SignedIn in) {
 *     String accessToken = in.tokens().accessToken();  // refreshed when due
 *   }
 * } else if (callback instanceof AuthorizationCallback.Refused r) {
 *   show("Sign-in cancelled: " + r.error());             // e.g. access_denied
 * } else {
 *   log.warn("rejected redirect: {}", ((AuthorizationCallback.Invalid) callback).reason());
 * }
 * }</pre>
 *
 * <p>{@link #start()} draws the PKCE verifier (S256), the {@code state} and, with {@code openid},
 * the {@code nonce} from the injected {@link SecureRandom}. {@link #callback} compares
 * {@code state} in constant time and checks {@code iss} (RFC 9207) against the issuer whenever it
 * is present, and requires it when {@link AuthorizationCodeClientBuilder#issuerParameterRequired} is set.
 * {@link #exchange} redeems the code once (never resent once it may have arrived), checks the ID
 * token's {@code iss}, {@code aud} and {@code nonce}, and hands back a {@link TokenClient} that
 * refreshes with the rotating refresh token and never falls back to {@code client_credentials}.
 * Immutable and thread-safe; no secret, code or token is logged.
 */
public final class AuthorizationCodeClient {

  /** Parameters that {@link #start(Map)} sets itself and an extra parameter may not replace. */
  private static final Set<String> OWN_PARAMETERS = Set.of("response_type", "client_id",
      "redirect_uri", "scope", "state", "nonce", "code_challenge", "code_challenge_method",
      "response_mode");
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String issuer;
  private final URI authorizationEndpoint;
  private final String clientId;
  private final String redirectUri;
  private final String scope;
  private final ResponseMode responseMode;
  private final boolean issuerParameterRequired;
  private final SecureRandom random;
  private final TokenClient.Builder tokenSettings;
  private final TokenGrants grants;

  AuthorizationCodeClient(AuthorizationCodeClientBuilder b, TokenClient.Builder tokenSettings) {
    this.issuer = b.issuer;
    this.authorizationEndpoint = b.authorizationEndpoint;
    this.clientId = b.clientId;
    this.redirectUri = b.redirectUri;
    this.scope = b.scope;
    this.responseMode = b.responseMode;
    this.issuerParameterRequired = b.issuerParameterRequired;
    this.random = b.random;
    this.tokenSettings = tokenSettings;
    this.grants = TokenGrants.forSignedInPerson(new TokenEndpointClient(tokenSettings),
        tokenSettings.refreshMargin);
  }

  /**
   * Starts a builder; issuer, both endpoints, client id, redirect URI and scope are required.
   *
   * @return a new builder
   */
  public static AuthorizationCodeClientBuilder builder() {
    return new AuthorizationCodeClientBuilder();
  }

  /**
   * A new sign-in: fresh verifier, state and (with {@code openid}) nonce.
   *
   * @return the sign-in to redirect the browser to and keep for the callback
   */
  public PendingSignIn start() {
    return start(Map.of());
  }

  /**
   * A new sign-in whose authorization request also carries {@code extra} parameters, such as
   * {@code prompt}, {@code max_age} or {@code login_hint}.
   *
   * @param extra further request parameters; may be empty
   * @return the sign-in to redirect the browser to and keep for the callback
   * @throws IllegalArgumentException when {@code extra} names a parameter this client sets itself
   */
  public PendingSignIn start(Map<String, String> extra) {
    for (String name : extra.keySet()) {
      if (OWN_PARAMETERS.contains(name)) {
        throw new IllegalArgumentException(name + " is set by the client itself");
      }
    }
    String state = randomText();
    String verifier = randomText();
    String nonce = Arrays.asList(scope.split(" ")).contains("openid") ? randomText() : null;
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", clientId);
    query.put("redirect_uri", redirectUri);
    query.put("scope", scope);
    query.put("state", state);
    query.put("code_challenge", Pkce.s256(verifier));
    query.put("code_challenge_method", Pkce.METHOD_S256);
    if (nonce != null) {
      query.put("nonce", nonce);
    }
    if (responseMode != null) {
      query.put("response_mode", responseMode.wireName());
    }
    query.putAll(extra);
    String encoded = query.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    String base = authorizationEndpoint.toString();
    URI uri = URI.create(base + (authorizationEndpoint.getRawQuery() == null ? "?" : "&")
        + encoded);
    return new PendingSignIn(uri, state, verifier, nonce, redirectUri);
  }

  /**
   * Checks the redirect URI the browser came back to (response mode {@code query}).
   *
   * @param pending the sign-in the browser was sent off with
   * @param redirectedTo the full URI the browser came back to
   * @return the code, the server's refusal, or why the redirect cannot be trusted
   * @see #callback(PendingSignIn, Map)
   */
  public AuthorizationCallback callback(PendingSignIn pending, URI redirectedTo) {
    Optional<Map<String, String>> parameters = CallbackParameters.ofQuery(
        redirectedTo.getRawQuery());
    if (parameters.isEmpty()) {
      return new AuthorizationCallback.Invalid("the redirect's query repeats a parameter or cannot be decoded");
    }
    return callback(pending, parameters.get());
  }

  /**
   * Checks the parameters of the redirect: the query's, or the form's with response mode
   * {@code form_post}. The {@code state} must be {@code pending}'s, {@code iss} (when present,
   * or when required) the issuer's; then the answer is the code, or the server's error.
   *
   * @param pending the sign-in the browser was sent off with
   * @param parameters the decoded parameters of the redirect
   * @return the code, the server's refusal, or why the redirect cannot be trusted
   */
  public AuthorizationCallback callback(PendingSignIn pending,
      Map<String, String> parameters) {
    Objects.requireNonNull(pending, "pending");
    String state = parameters.get("state");
    if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
        pending.state().getBytes(StandardCharsets.UTF_8))) {
      return new AuthorizationCallback.Invalid("the state is not this sign-in's");
    }
    String iss = parameters.get("iss");
    if (iss == null ? issuerParameterRequired : !iss.equals(issuer)) {
      return new AuthorizationCallback.Invalid(iss == null
          ? "the redirect has no iss, which this server always sends"
          : "the redirect comes from another issuer");
    }
    String error = parameters.get("error");
    if (error != null) {
      return new AuthorizationCallback.Refused(error,
          Optional.ofNullable(parameters.get("error_description")));
    }
    String code = parameters.get("code");
    if (code == null || code.isEmpty()) {
      return new AuthorizationCallback.Invalid("the redirect has neither a code nor an error");
    }
    return new AuthorizationCallback.Code(code);
  }

  /**
   * Redeems the code at the token endpoint with the pending sign-in's verifier and redirect URI.
   * Each call spends the code, whatever the answer.
   *
   * @param pending the sign-in the code belongs to
   * @param code the code of {@link AuthorizationCallback.Code}
   * @return the signed-in tokens, or why the exchange failed
   */
  public CodeExchange exchange(PendingSignIn pending, String code) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(code, "code");
    TokenEndpointClient.Answer answer;
    try {
      answer = grants.authorizationCode(code, pending.redirectUri(), pending.codeVerifier());
    } catch (TokenClientException e) {
      return new CodeExchange.Failed(e.status(), e.error(), e.code(), e.getMessage());
    }
    String granted = answer.token().scope() != null ? answer.token().scope() : scope;
    if (answer.idToken() == null) {
      if (Arrays.asList(granted.split(" ")).contains("openid")) {
        return refusedIdToken("openid was granted but the answer has no id_token");
      }
    } else {
      Optional<String> problem = IdTokenCheck.problem(answer.idToken(), issuer, clientId,
          pending.nonce());
      if (problem.isPresent()) {
        return refusedIdToken(problem.get());
      }
    }
    return new CodeExchange.SignedIn(TokenClient.signedIn(tokenSettings, grants, answer.token()),
        Optional.ofNullable(answer.idToken()), granted);
  }

  private static CodeExchange refusedIdToken(String why) {
    return new CodeExchange.Failed(TokenClientException.NO_RESPONSE, Optional.empty(),
        Optional.empty(), why);
  }

  private String randomText() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return B64.encodeToString(bytes);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Shows the configuration; never a secret. */
  @Override
  public String toString() {
    return "AuthorizationCodeClient[issuer=" + issuer + ", clientId=" + clientId
        + ", redirectUri=" + redirectUri + ", scope=" + scope + ", public="
        + (tokenSettings.clientSecret == null) + "]";
  }
}
