package io.admin.auth.servlet.endpoint;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthPrincipal;
import io.admin.auth.core.apikey.ApiKeyService;
import io.admin.auth.core.apikey.IssuedApiKey;
import io.admin.auth.core.spi.ApiKey;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The five management operations of {@link ApiKeysServlet} for an already authorized caller.
 * Ownership is enforced here, by {@link AuthPrincipal#identity()} (so a third-party token never
 * owns a local subject's keys): a caller sees only its own keys unless it holds the admin scope,
 * and every other id answers like an unknown one (404), so nobody learns which ids exist.
 */
final class ApiKeyOperations {

  // The servlet's logger: operators filter management audit lines by that category.
  private static final Logger LOG = LoggerFactory.getLogger(ApiKeysServlet.class);
  private static final String NOT_FOUND = "No API key with this id.";

  private final ApiKeyService keys;
  private final AuthErrorRenderer renderer;
  private final String adminScope;
  private final JsonBodies json;

  ApiKeyOperations(ApiKeyService keys, AuthErrorRenderer renderer, String adminScope,
      JsonBodies json) {
    this.keys = keys;
    this.renderer = renderer;
    this.adminScope = adminScope;
    this.json = json;
  }

  /** {@code GET <base>}: the caller's keys (every key for an admin), without secrets. */
  void list(HttpServletResponse response, AuthPrincipal caller) throws IOException {
    List<ApiKey> found = isAdmin(caller) ? keys.listAll() : keys.listByOwner(caller.identity());
    JsonBodies.send(response, 200, Map.of("api_keys",
        found.stream().map(ApiKeyRequests::metadata).toList()));
  }

  /** {@code POST <base>}: a new key owned by the caller, carrying only scopes it holds. */
  void create(HttpServletRequest request, HttpServletResponse response, AuthPrincipal caller)
      throws IOException {
    Optional<Map<String, Object>> body = json.read(request, response, false);
    if (body.isEmpty()) {
      return;
    }
    ApiKeyRequests.Parsed<ApiKeyRequests.Create> parsed =
        ApiKeyRequests.create(body.get(), keys.maxExpiresIn());
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
      issued = keys.create(caller.identity(), req.name(), req.scopes(), req.expiresIn());
    } catch (IllegalArgumentException e) {
      renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID,
          "The API key request is invalid."), List.of());
      return;
    }
    LOG.info("API key {} created by {}", issued.metadata().id(), caller.identity());
    JsonBodies.send(response, 201, ApiKeyRequests.issued(issued));
  }

  /** {@code GET <base>/{id}}: one visible key's metadata. */
  void get(HttpServletResponse response, AuthPrincipal caller, String id) throws IOException {
    Optional<ApiKey> key = visible(caller, id);
    if (key.isEmpty()) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    JsonBodies.send(response, 200, ApiKeyRequests.metadata(key.get()));
  }

  /** {@code DELETE <base>/{id}}: revokes a visible key; 204, idempotent. */
  void revoke(HttpServletResponse response, AuthPrincipal caller, String id) throws IOException {
    if (visible(caller, id).isEmpty() || !keys.revoke(id)) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    LOG.info("API key {} revoked by {}", id, caller.identity());
    response.setStatus(204);
    response.setHeader("Cache-Control", "no-store");
  }

  /**
   * {@code POST <base>/{id}/rotate}: a new secret, the old one valid for the grace period. Only
   * the owner receives a new secret, and only while it holds every scope of the key: otherwise an
   * admin could take over another owner's key, and an owner whose scopes shrank could keep an
   * older, broader key alive (403 either way; revoking stays open to admins).
   */
  void rotate(HttpServletRequest request, HttpServletResponse response, AuthPrincipal caller,
      String id) throws IOException {
    Optional<ApiKey> key = visible(caller, id);
    if (key.isEmpty()) {
      renderer.notFound(response, NOT_FOUND);
      return;
    }
    if (!key.get().owner().equals(caller.subject())) {
      refuse(response, "Only the owner of an API key can rotate it.", List.of());
      return;
    }
    Set<String> notHeld = new TreeSet<>(key.get().scopes());
    notHeld.removeAll(caller.scopes());
    if (!notHeld.isEmpty()) {
      refuse(response, "Rotating this API key needs every scope it carries.",
          List.copyOf(notHeld));
      return;
    }
    Optional<Map<String, Object>> body = json.read(request, response, true);
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
      renderer.conflict(response, "A revoked or expired API key cannot be rotated.");
      return;
    }
    LOG.info("API key {} rotated by {}", id, caller.identity());
    JsonBodies.send(response, 200, ApiKeyRequests.issued(rotated.get()));
  }

  /** 403 {@code insufficient_scope}, naming the scopes that would have been needed. */
  private void refuse(HttpServletResponse response, String message, List<String> required)
      throws IOException {
    renderer.render(response, new AuthError(AuthErrorCode.AUTH_INSUFFICIENT_SCOPE, message,
        Map.of("required_scopes", required)), List.of());
  }

  /** The key if it exists and the caller owns it or is an admin. */
  private Optional<ApiKey> visible(AuthPrincipal caller, String id) {
    return keys.get(id).filter(k -> isAdmin(caller) || k.owner().equals(caller.identity()));
  }

  private boolean isAdmin(AuthPrincipal caller) {
    return caller.scopes().contains(adminScope);
  }
}
