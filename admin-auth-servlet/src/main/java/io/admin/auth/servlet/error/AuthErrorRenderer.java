package io.admin.auth.servlet.error;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that writes error responses (docs/http-contract.md, "Errors"): the JSON body {@code error},
 * {@code error_description}, {@code message}, {@code code}, {@code details}, the status from the
 * code, {@code WWW-Authenticate} per RFC 6750 section 3 / RFC 7617, and {@code Retry-After} for
 * 429. Error responses are never cached. Immutable and thread-safe.
 */
public final class AuthErrorRenderer {

  /** {@code code} of the 503 answer when a credential could not be checked. */
  public static final String UNAVAILABLE_CODE = "AUTH_UNAVAILABLE";

  /** {@code code} of a 404 from a management endpoint (an unknown or foreign resource). */
  public static final String NOT_FOUND_CODE = "AUTH_NOT_FOUND";

  /** {@code code} of a 409 from a management endpoint (the resource's state forbids it). */
  public static final String CONFLICT_CODE = "AUTH_CONFLICT";

  /** {@code code} of the 500 answer for an unexpected failure (details are only logged). */
  public static final String INTERNAL_CODE = "AUTH_INTERNAL_ERROR";

  private final String realm;

  /**
   * A renderer whose challenges carry {@code realm="<realm>"}.
   *
   * @param realm the realm of every challenge, such as {@code admin}; not null
   */
  public AuthErrorRenderer(String realm) {
    this.realm = Objects.requireNonNull(realm, "realm");
  }

  /**
   * The realm used in challenges.
   *
   * @return the realm given to the constructor
   */
  public String realm() {
    return realm;
  }

  /**
   * Writes {@code error} with the status its code maps to. {@code challenges} are sent, one
   * {@code WWW-Authenticate} header each, on 401 only; a 403 insufficient-scope answer gets its
   * RFC 6750 challenge with {@code scope} from the {@code required_scopes} detail; a 429 gets
   * {@code Retry-After} from {@code retry_after_seconds}.
   *
   * @param response the response to reset and write; its buffered output is discarded
   * @param error the error; its code gives the status
   * @param challenges the challenges of a 401, in order; not null, may be empty
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void render(HttpServletResponse response, AuthError error, List<Challenge> challenges)
      throws IOException {
    int status = error.code().httpStatus();
    resetForError(response);
    if (status == 401) {
      for (Challenge c : challenges) {
        response.addHeader("WWW-Authenticate", c.toHeaderValue());
      }
    } else if (error.code() == AuthErrorCode.AUTH_INSUFFICIENT_SCOPE) {
      response.setHeader("WWW-Authenticate", insufficientScope(error).toHeaderValue());
    } else if (error.code() == AuthErrorCode.AUTH_RATE_LIMITED) {
      Object retry = error.details().get("retry_after_seconds");
      if (retry instanceof Number n) {
        response.setHeader("Retry-After", Long.toString(Math.max(0, n.longValue())));
      }
    }
    write(response, status, body(error.code().error(), error.code().name(), error.message(),
        error.details()));
  }

  /**
   * Writes {@code error} with an explicit status (e.g. 405 for a wrong method at an endpoint).
   *
   * @param response the response to reset and write; its buffered output is discarded
   * @param status the HTTP status to send instead of the one the error's code maps to
   * @param error the error for the body; no challenge or {@code Retry-After} is derived from it
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void render(HttpServletResponse response, int status, AuthError error) throws IOException {
    resetForError(response);
    write(response, status, body(error.code().error(), error.code().name(), error.message(),
        error.details()));
  }

  /**
   * 503 {@code temporarily_unavailable}: a credential could not be checked (a store is down).
   * Never 401, so a client does not discard a good credential because of an outage.
   *
   * @param response the response to reset and write, with {@code Retry-After: 5}
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void unavailable(HttpServletResponse response) throws IOException {
    resetForError(response);
    response.setHeader("Retry-After", "5");
    String msg = "Authentication is temporarily unavailable. Try again later.";
    write(response, 503, body("temporarily_unavailable", UNAVAILABLE_CODE, msg, Map.of()));
  }

  /**
   * 404 {@code not_found} in the contract's error shape, for a resource of a management endpoint
   * that does not exist <em>or that the caller may not see</em>: one answer for both, so that
   * nobody learns which ids exist.
   *
   * @param response the response to reset and write
   * @param message the human-readable {@code message}; must not say whether the resource exists
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void notFound(HttpServletResponse response, String message) throws IOException {
    resetForError(response);
    write(response, 404, body("not_found", NOT_FOUND_CODE, message, Map.of()));
  }

  /**
   * 409 {@code conflict} in the contract's error shape, for a change the resource's current state
   * forbids (rotating a revoked or expired API key); only for a resource the caller may see.
   *
   * @param response the response to reset and write
   * @param message the human-readable {@code message}, saying which state forbids the change
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void conflict(HttpServletResponse response, String message) throws IOException {
    resetForError(response);
    write(response, 409, body("conflict", CONFLICT_CODE, message, Map.of()));
  }

  /**
   * 500 {@code server_error}, without any detail of the cause (it is logged, not sent).
   *
   * @param response the response to reset and write
   * @throws IOException if the response cannot be written (the client went away)
   */
  public void internalError(HttpServletResponse response) throws IOException {
    resetForError(response);
    write(response, 500, body("server_error", INTERNAL_CODE, "An unexpected error occurred.",
        Map.of()));
  }

  /**
   * The contract JSON body for an error status the container raised before any filter ran (a
   * URI it refused, an unknown path, a method no servlet takes), for a container error handler to
   * send so that such answers are JSON too. Never carries the container's reason text, which may
   * echo the request.
   *
   * @param status the status the container raised, such as 400, 404, 405 or 503
   * @return the JSON body; a generic {@code server_error} for any other 5xx, and {@code
   *     invalid_request} with code {@code AUTH_HTTP_<status>} for any other status
   */
  public static String containerErrorBody(int status) {
    return switch (status) {
      case 400 -> body(AuthErrorCode.AUTH_REQUEST_INVALID.error(),
          AuthErrorCode.AUTH_REQUEST_INVALID.name(), "The request is malformed.", Map.of());
      case 404 -> body("not_found", NOT_FOUND_CODE, "No resource at this path.", Map.of());
      case 405 -> body("method_not_allowed", "AUTH_METHOD_NOT_ALLOWED",
          "This method is not allowed here.", Map.of());
      case 503 -> body("temporarily_unavailable", UNAVAILABLE_CODE,
          "The service is temporarily unavailable. Try again later.", Map.of());
      default -> status >= 500
          ? body("server_error", INTERNAL_CODE, "An unexpected error occurred.", Map.of())
          : body("invalid_request", "AUTH_HTTP_" + status, "The request was refused.", Map.of());
    };
  }

  /**
   * The contract JSON body for an error.
   *
   * @param error the error; its code gives {@code error} and {@code code}
   * @return the JSON object, with {@code message} also as {@code error_description}
   */
  public static String body(AuthError error) {
    return body(error.code().error(), error.code().name(), error.message(), error.details());
  }

  private Challenge insufficientScope(AuthError error) {
    Challenge c = Challenge.of("Bearer", realm)
        .with("error", error.code().error())
        .with("error_description", error.message());
    Object required = error.details().get("required_scopes");
    if (required instanceof Iterable<?> it) {
      Set<String> scopes = new TreeSet<>();
      it.forEach(s -> scopes.add(String.valueOf(s)));
      if (!scopes.isEmpty()) {
        c = c.with("scope", String.join(" ", scopes));
      }
    }
    return c;
  }

  private static String body(String error, String code, String message, Map<String, Object> det) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("error", error);
    json.put("error_description", message);
    json.put("message", message);
    json.put("code", code);
    json.put("details", new LinkedHashMap<>(det));
    return Json.write(json);
  }

  private static void resetForError(HttpServletResponse response) {
    if (!response.isCommitted()) {
      response.resetBuffer();
    }
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
  }

  private static void write(HttpServletResponse response, int status, String json)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
    response.flushBuffer();
  }
}
