package io.admin.auth.core.signin;

import io.admin.auth.core.signin.AuthorizationRequestResult.RedirectError;
import io.admin.auth.core.signin.AuthorizationRequestResult.ShowErrorPage;
import io.admin.auth.core.signin.AuthorizationRequestResult.Valid;
import io.admin.auth.core.signin.RawParameters.Field;
import io.admin.auth.core.spi.ClientStore;
import io.admin.auth.core.spi.OAuthClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and checks an authorization request ({@code GET /api/v3/auth/authorize}) against
 * {@code docs/http-contract.md}, "Signing people in". The client and the redirect URI are checked
 * first: while either is in doubt the answer is an error page, never a redirect. After that every
 * problem is an error for the redirect URI, carrying the request's {@code state} when it is
 * usable. Thread-safe; reads the client store once per request.
 *
 * <p>Choices the contract leaves open: {@code redirect_uri} is required even for a client with a
 * single registered URI (as OpenID Connect does); a request without {@code scope} is
 * {@code invalid_scope} rather than silently given defaults; {@code request} and
 * {@code request_uri} are refused with OpenID Connect's not-supported errors.
 */
public final class AuthorizationRequestParser {

  /** Longest {@code state} and {@code nonce} accepted, in characters. */
  public static final int MAX_STATE_LENGTH = 512;
  /** Longest {@code redirect_uri} accepted. */
  public static final int MAX_REDIRECT_URI_LENGTH = 2_000;
  /** Longest {@code scope} accepted. */
  public static final int MAX_SCOPE_LENGTH = 1_000;
  /** Longest {@code client_id} (as long as a registration allows). */
  public static final int MAX_CLIENT_ID_LENGTH = 255;
  /** Most parameters accepted, known or not. */
  public static final int MAX_PARAMETERS = 64;
  /** Most characters accepted in all names and values together. */
  public static final int MAX_TOTAL_CHARS = 16_384;
  /** Largest {@code max_age}: ten years in seconds. */
  public static final long MAX_AGE_LIMIT_SECONDS = 315_360_000L;

  static final String AUTHORIZATION_CODE = "authorization_code";
  private static final String INVALID_REQUEST = "invalid_request";
  private static final String INVALID_SCOPE = "invalid_scope";
  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationRequestParser.class);

  private final Function<String, Optional<OAuthClient>> clients;

  /**
   * A parser that looks clients up in {@code clients}.
   *
   * @param clients the store clients are looked up in
   */
  public AuthorizationRequestParser(ClientStore clients) {
    this(Objects.requireNonNull(clients, "clients")::findById);
  }

  /**
   * A parser that looks clients up by id with {@code clients}, e.g. {@code
   * tokenService::findClient}; the function must not return {@code null} and may throw only
   * {@link io.admin.auth.core.AuthUnavailableException}.
   *
   * @param clients looks a client up by id
   */
  public AuthorizationRequestParser(Function<String, Optional<OAuthClient>> clients) {
    this.clients = Objects.requireNonNull(clients, "clients");
  }

  /**
   * The verdict on one request. Never throws for any input.
   *
   * @param parameters the parameters as {@code ServletRequest.getParameterMap()} gives them;
   *     {@code null} is treated as empty
   * @return the request, an error to redirect, or an error page to show
   * @throws io.admin.auth.core.AuthUnavailableException when the client store cannot be reached
   *     (the endpoint answers 503)
   */
  public AuthorizationRequestResult parse(Map<String, String[]> parameters) {
    RawParameters p = new RawParameters(parameters);
    Field clientId = p.single("client_id", MAX_CLIENT_ID_LENGTH, RawParameters.VISIBLE_NO_SPACE);
    Optional<OAuthClient> found =
        clientId.usable() ? clients.apply(clientId.value()) : Optional.empty();
    if (found.isEmpty()) {
      return page("The application that sent you here is not known.");
    }
    OAuthClient client = found.get();
    if (!client.signIn().signsPeopleIn()) {
      return page("The application that sent you here cannot sign people in.");
    }
    Field redirect =
        p.single("redirect_uri", MAX_REDIRECT_URI_LENGTH, RawParameters.VISIBLE_NO_SPACE);
    if (!redirect.usable()
        || RedirectUris.match(client.signIn().redirectUris(), redirect.value()).isEmpty()) {
      return page("The address to return to is not registered for this application.");
    }
    return afterTrust(p, client, redirect.value());
  }

  private AuthorizationRequestResult afterTrust(RawParameters p, OAuthClient client, String uri) {
    Field stateField = p.single("state", MAX_STATE_LENGTH, RawParameters.VISIBLE);
    String state = stateField.value();
    Field modeField = p.single("response_mode", 16, RawParameters.VISIBLE_NO_SPACE);
    Optional<ResponseMode> mode = modeField.usable()
        ? ResponseMode.fromWire(modeField.value())
        : modeField.ok() ? Optional.of(ResponseMode.QUERY) : Optional.empty();
    Errors errors = new Errors(client, uri, mode.orElse(ResponseMode.QUERY), state);
    if (mode.isEmpty()) {
      return errors.of(INVALID_REQUEST, "response_mode must be query or form_post.");
    }
    if (!stateField.ok()) {
      return errors.of(INVALID_REQUEST, "state is repeated, too long or not visible ASCII.");
    }
    if (p.exceeds(MAX_PARAMETERS, MAX_TOTAL_CHARS)) {
      return errors.of(INVALID_REQUEST, "The request has too many or too large parameters.");
    }
    if (p.present("request")) {
      return errors.of("request_not_supported", "Request objects are not supported.");
    }
    if (p.present("request_uri")) {
      return errors.of("request_uri_not_supported", "request_uri is not supported.");
    }
    Field responseType = p.single("response_type", 64, RawParameters.VISIBLE);
    if (!responseType.usable()) {
      return errors.of(INVALID_REQUEST, "response_type is required, once.");
    }
    if (!"code".equals(responseType.value())) {
      return errors.of("unsupported_response_type", "Only response_type code is supported.");
    }
    if (!client.grantTypes().contains(AUTHORIZATION_CODE)) {
      return errors.of("unauthorized_client", "The client may not use the authorization code.");
    }
    Field challenge = p.single("code_challenge", 128, RawParameters.VISIBLE_NO_SPACE);
    Field method = p.single("code_challenge_method", 16, RawParameters.VISIBLE_NO_SPACE);
    if (!challenge.ok() || !method.ok() || !"S256".equals(method.value())) {
      return errors.of(INVALID_REQUEST, "PKCE with code_challenge_method S256 is required.");
    }
    if (!CodeChallenge.isS256(challenge.value())) {
      return errors.of(INVALID_REQUEST, "code_challenge must be a base64url SHA-256 value.");
    }
    Field scopeField = p.single("scope", MAX_SCOPE_LENGTH, RawParameters.VISIBLE);
    if (!scopeField.ok()) {
      return errors.of(INVALID_REQUEST, "scope is repeated or too long.");
    }
    Optional<Set<String>> scopes = ScopeParameter.parse(scopeField.value());
    if (scopes.isEmpty() || scopes.get().isEmpty()) {
      return errors.of(INVALID_SCOPE, "scope is required and must be well-formed.");
    }
    if (!client.allowedScopes().containsAll(scopes.get())) {
      return errors.of(INVALID_SCOPE, "A requested scope is not allowed for this client.");
    }
    Field nonce = p.single("nonce", MAX_STATE_LENGTH, RawParameters.VISIBLE);
    if (!nonce.ok()) {
      return errors.of(INVALID_REQUEST, "nonce is repeated, too long or not visible ASCII.");
    }
    Field promptField = p.single("prompt", 64, RawParameters.VISIBLE);
    Optional<Set<Prompt>> prompts =
        promptField.ok() ? PromptParameter.parse(promptField.value()) : Optional.empty();
    if (prompts.isEmpty()) {
      return errors.of(INVALID_REQUEST, "prompt must be none alone, or login and/or consent.");
    }
    Field maxAgeField = p.single("max_age", 9, RawParameters.DIGITS);
    if (!maxAgeField.ok()
        || (maxAgeField.value() != null
            && Long.parseLong(maxAgeField.value()) > MAX_AGE_LIMIT_SECONDS)) {
      return errors.of(INVALID_REQUEST, "max_age must be a number of seconds, at most ten years.");
    }
    Duration maxAge =
        maxAgeField.value() == null ? null : Duration.ofSeconds(Long.parseLong(maxAgeField.value()));
    return new Valid(new AuthorizationRequest(client, uri, mode.get(), scopes.get(), state,
        nonce.value(), challenge.value(), prompts.get(), maxAge));
  }

  private static ShowErrorPage page(String reason) {
    LOG.debug("Authorization request refused with an error page: {}", reason);
    return new ShowErrorPage(reason);
  }

  /** Builds the redirected errors of one request, and logs them at debug level (no input). */
  private record Errors(OAuthClient client, String uri, ResponseMode mode, String state) {
    RedirectError of(String error, String description) {
      LOG.debug("Authorization request of client {} refused: {} ({})", client.clientId(), error,
          description);
      return new RedirectError(uri, mode, error, description, state);
    }
  }
}
