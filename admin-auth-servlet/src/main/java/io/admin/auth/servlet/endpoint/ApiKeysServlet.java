package io.admin.auth.servlet.endpoint;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.apikey.IssuedApiKey;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.endpoint.internal.RequestParameters;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key management endpoints (contract sections 1 and 4), mapped at {@code <base>} and
 * {@code <base>/*} (default {@code /api/v3/api-keys}):
 *
 * <ul>
 *   <li>{@code POST <base>} creates a key: 201 with {@code id, name, key, prefix, scopes,
 *       created_at, expires_at}; the {@code key} is shown this once.
 *   <li>{@code GET <base>} lists the caller's keys as {@code {"api_keys":[...]}}; {@code GET
 *       <base>/{id}} one key; both without {@code key}, with {@code last_used_at} and {@code
 *       revoked_at}.
 *   <li>{@code POST <base>/{id}/rotate} with optional {@code grace_period} (seconds, default
 *       86400): 200 with the create fields and the new {@code key}.
 *   <li>{@code DELETE <base>/{id}} revokes: 204, idempotent.
 * </ul>
 *
 * <p>Runs behind {@link AdminAuthFilter}, and checks again itself so that a mis-set policy cannot
 * open it: the caller must have authenticated with a bearer token (contract section 1; an API key
 * must not mint API keys, which would outlive its own revocation) holding {@value #MANAGE_SCOPE}.
 * The owner of a new key is the caller's subject. A caller sees and manages only keys it owns,
 * unless it holds the admin scope (default {@value #DEFAULT_ADMIN_SCOPE}); any other id, like an
 * unknown one, is 404 {@code not_found}, so that nobody learns which ids exist. A key may carry
 * only scopes its creator holds (400 {@code invalid_scope} otherwise, as at the token endpoint:
 * the request asks for more than the caller may have). Instants are ISO-8601 UTC.
 */
public final class ApiKeysServlet extends HttpServlet {

  /** The scope every management call needs. */
  public static final String MANAGE_SCOPE = "api-keys:manage";
  /** The default scope that lifts the owner restriction. */
  public static final String DEFAULT_ADMIN_SCOPE = "api-keys:admin";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeysServlet.class);
  private static final String NOT_FOUND = "No API key with this id.";

  private final transient ApiKeyService keys;
  private final transient AuthErrorRenderer renderer;
  private final String adminScope;
  private final int maxBodyBytes;

  /**
   * Serves the management endpoints from {@code keys}.
   *
   * @param keys the key service
   * @param renderer the error renderer
   * @param adminScope the scope that gives access to every owner's keys
   * @param maxBodyBytes largest accepted request body (at least 256)
   */
  public ApiKeysServlet(ApiKeyService keys, AuthErrorRenderer renderer, String adminScope,
      int maxBodyBytes) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.adminScope = Objects.requireNonNull(adminScope, "adminScope");
    if (adminScope.isBlank() || maxBodyBytes < 256) {
      throw new IllegalArgumentException("adminScope must not be blank, maxBodyBytes >= 256");
    }
    this.maxBodyBytes = maxBodyBytes;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      Optional<AuthPrincipal> caller = authorize(request, response);
      if (caller.isPresent()) {
        route(request, response, caller.get());
      }
    } catch (AuthUnavailableException e) {
      LOG.warn("API key management unavailable: {}", e.getMessage());
      renderer.unavailable(response);
    } catch (RuntimeException e) {
      LOG.error("API key management failed unexpectedly", e);
      renderer.internalError(response);
    }
  }

  private Optional<AuthPrincipal> authorize(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!(request.getAttribute(AdminAuthFilter.PRINCIPAL_ATTRIBUTE) instanceof AuthPrincipal p)) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_CREDENTIALS_MISSING,
          "Authentication is required to access this resource."), List.of());
      return Optional.empty();
    }
    if (p.method() != AuthMethod.BEARER || !p.scopes().contains(MANAGE_SCOPE)) {
      String msg = p.method() != AuthMethod.BEARER
          ? "API keys are managed with a bearer token."
          : "The access token does not grant the scopes this resource requires.";
      renderer.render(response, new AuthError(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE, msg,
          Map.of("required_scopes", List.of(MANAGE_SCOPE))), List.of());
      return Optional.empty();
    }
    return Optional.of(p);
  }

  private void route(HttpServletRequest request, HttpServletResponse response, AuthPrincipal caller)
      throws IOException {
    String method = request.getMethod();
    String[] seg = segments(request.getPathInfo());
    if (seg.length == 0) {
      switch (method) {
        case "GET" -> list(response, caller);
        case "POST" -> create(request, response, caller);
        default -> notAllowed(response, "GET, POST");
      }
    } else if (seg.length == 1) {
      switch (method) {
        case "GET" -> get(response, caller, seg[0]);
        case "DELETE" -> revoke(response, caller, seg[0]);
        default -> notAllowed(response, "GET, DELETE");
      }
    } else if (seg.length == 2 && seg[1].equals("rotate")) {
      if (method.equals("POST")) {
        rotate(request, response, caller, seg[0]);
      } else {
        notAllowed(response, "POST");
      }
    } else {
      renderer.notFound(response, "No such resource.");
    }
  }

  private void list(HttpServletResponse response, AuthPrincipal caller) throws IOException {
    List<ApiKey> found = isAdmin(caller) ? keys.listAll() : keys.listByOwner(caller.subject());
    send(response, 200, Map.of("api_keys",
        found.stream().map(ApiKeyRequests::metadata).toList()));
  }

  private void create(HttpServletRequest request, HttpServletResponse response, AuthPrincipal caller)
      throws IOException {
    Optional<Map<String, Object>> body = body(request, response, false);
    if (body.isEmpty()) {
      return;
    }
    ApiKeyRequests.Parsed<ApiKeyRequests.Create> parsed = ApiKeyRequests.create(body.get());
    if (parsed instanceof ApiKeyRequests.Parsed.Invalid<ApiKeyRequests.Create> invalid) {
      renderer.render(response, invalid.error(), List.of());
      return;
    }
    ApiKeyRequests.Create req = ((ApiKeyRequests.Parsed.Ok<ApiKeyRequests.Create>) parsed).value();
    Set<String> notHeld = new TreeSet<>(req.scopes());
    notHeld.removeAll(caller.scopes());
    if (!notHeld.isEmpty()) {
      // Otherwise a key would escalate its creator's privileges.
      renderer.render(response, new AuthError(AuthErrorCode.AUTH_SCOPE_INVALID,
          "An API key may only carry scopes its creator holds.",
          Map.of("scopes_not_held", List.copyOf(notHeld))), List.of());
      return;
    }
    IssuedApiKey issued;
    try {
      issued = keys.create(caller.subject(), req.name(), req.scopes(), req.expiresIn());
    } catch (IllegalArgumentException e) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The API key request is invalid."), List.of());
      return;
    }
    LOG.info("API key {} created by {}", issued.metadata().id(), caller.subject());
    send(response, 201, ApiKeyRequests.issued(issued));
  }

  private void get(HttpServletResponse response, AuthPrincipal caller, String id) throws IOException {
    Optional<ApiKey> key = visible(caller, id);
    if (key.isEmpty()) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    send(response, 200, ApiKeyRequests.metadata(key.get()));
  }

  private void revoke(HttpServletResponse response, AuthPrincipal caller, String id)
      throws IOException {
    if (visible(caller, id).isEmpty() || !keys.revoke(id)) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    LOG.info("API key {} revoked by {}", id, caller.subject());
    response.setStatus(204);
    response.setHeader("Cache-Control", "no-store");
  }

  private void rotate(HttpServletRequest request, HttpServletResponse response, AuthPrincipal caller,
      String id) throws IOException {
    if (visible(caller, id).isEmpty()) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    Optional<Map<String, Object>> body = body(request, response, true);
    if (body.isEmpty()) {
      return;
    }
    ApiKeyRequests.Parsed<Duration> grace =
        ApiKeyRequests.gracePeriod(body.get(), ApiKeyService.DEFAULT_GRACE_PERIOD);
    if (grace instanceof ApiKeyRequests.Parsed.Invalid<Duration> invalid) {
      renderer.render(response, invalid.error(), List.of());
      return;
    }
    Optional<IssuedApiKey> rotated =
        keys.rotate(id, ((ApiKeyRequests.Parsed.Ok<Duration>) grace).value());
    if (rotated.isEmpty()) {
      // The caller can see the key, so saying why is no leak; 409: the key's state forbids it.
      renderer.render(response, 409, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "A revoked or expired API key cannot be rotated."));
      return;
    }
    LOG.info("API key {} rotated by {}", id, caller.subject());
    send(response, 200, ApiKeyRequests.issued(rotated.get()));
  }

  /** The key if it exists and the caller owns it or is an admin. */
  private Optional<ApiKey> visible(AuthPrincipal caller, String id) {
    return keys.get(id).filter(k -> isAdmin(caller) || k.owner().equals(caller.subject()));
  }

  private boolean isAdmin(AuthPrincipal caller) {
    return caller.scopes().contains(adminScope);
  }

  /** The JSON object body; an empty body is {@code {}} when {@code optional}. */
  private Optional<Map<String, Object>> body(HttpServletRequest request,
      HttpServletResponse response, boolean optional) throws IOException {
    byte[] raw = RequestParameters.readBounded(request, maxBodyBytes);
    if (raw == null) {
      return invalidBody(response, "The request body is too large.");
    }
    if (raw.length == 0 && optional) {
      return Optional.of(Map.of());
    }
    String type = Optional.ofNullable(request.getContentType()).orElse("");
    if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      return invalidBody(response, "The request body must be application/json.");
    }
    Optional<Map<String, Object>> json =
        Json.parseObject(new String(raw, StandardCharsets.UTF_8));
    if (json.isEmpty()) {
      return invalidBody(response, "The request body is not a valid JSON object.");
    }
    return json;
  }

  private Optional<Map<String, Object>> invalidBody(HttpServletResponse response, String message)
      throws IOException {
    renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message), List.of());
    return Optional.empty();
  }

  private void notAllowed(HttpServletResponse response, String allow) throws IOException {
    response.setHeader("Allow", allow);
    renderer.render(response, 405, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
        "This method is not allowed here."));
  }

  /** Path segments below the mapping; {@code null} and {@code ""} are the collection itself. */
  private static String[] segments(String pathInfo) {
    if (pathInfo == null || pathInfo.isEmpty()) {
      return new String[0];
    }
    return pathInfo.substring(1).split("/", -1);
  }

  private static void send(HttpServletResponse response, int status, Map<String, ?> json)
      throws IOException {
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
