package io.admin.auth.servlet.endpoint;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthMethod;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.servlet.AdminAuthFilter;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API key management endpoints (docs/http-contract.md, "Endpoints" and "API keys"), mapped at {@code <base>} and
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
 * open it: the caller must have authenticated with a bearer token (docs/http-contract.md, "Endpoints"; an API key
 * must not mint API keys, which would outlive its own revocation) holding {@value #MANAGE_SCOPE}.
 * The owner of a new key is the caller's subject. A caller sees and manages only keys it owns,
 * unless it holds the admin scope (default {@value #DEFAULT_ADMIN_SCOPE}); any other id, like an
 * unknown one, is 404 {@code not_found}, so that nobody learns which ids exist. A key may carry
 * only scopes its creator holds (400 {@code invalid_scope} otherwise, as at the token endpoint:
 * the request asks for more than the caller may have). Every key expires: without {@code
 * expires_in} after the service's default lifetime, and a longer {@code expires_in} than its
 * maximum is 400 {@code invalid_request}. Only the owner may rotate a key, and only while it
 * holds every scope of the key; an admin rotating another owner's key, or an owner whose scopes
 * shrank, gets 403 {@code insufficient_scope} and no secret. Instants are ISO-8601 UTC.
 *
 * <p>This class authorizes and routes; {@code ApiKeyOperations} performs each operation, {@code
 * ApiKeyRequests} reads and writes the JSON documents, {@code JsonBodies} the HTTP bodies.
 */
public final class ApiKeysServlet extends HttpServlet {

  /** The scope every management call needs. */
  public static final String MANAGE_SCOPE = "api-keys:manage";
  /** The default scope that lifts the owner restriction. */
  public static final String DEFAULT_ADMIN_SCOPE = "api-keys:admin";

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeysServlet.class);

  private final transient AuthErrorRenderer renderer;
  private final transient ApiKeyOperations operations;

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
    Objects.requireNonNull(keys, "keys");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    Objects.requireNonNull(adminScope, "adminScope");
    if (adminScope.isBlank() || maxBodyBytes < 256) {
      throw new IllegalArgumentException("adminScope must not be blank, maxBodyBytes >= 256");
    }
    this.operations = new ApiKeyOperations(keys, renderer, adminScope,
        new JsonBodies(renderer, maxBodyBytes));
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
        case "GET" -> operations.list(response, caller);
        case "POST" -> operations.create(request, response, caller);
        default -> notAllowed(response, "GET, POST");
      }
    } else if (seg.length == 1) {
      switch (method) {
        case "GET" -> operations.get(response, caller, seg[0]);
        case "DELETE" -> operations.revoke(response, caller, seg[0]);
        default -> notAllowed(response, "GET, DELETE");
      }
    } else if (seg.length == 2 && seg[1].equals("rotate")) {
      if (method.equals("POST")) {
        operations.rotate(request, response, caller, seg[0]);
      } else {
        notAllowed(response, "POST");
      }
    } else {
      renderer.notFound(response, "No such resource.");
    }
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
}
