package io.admin.auth.servlet.endpoint;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.internal.RequestParameters;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The JSON transport of the API key management endpoints: reading a bounded {@code
 * application/json} object body (answering 400 {@code invalid_request} itself when it cannot) and
 * writing uncacheable JSON answers.
 */
final class JsonBodies {

  private final AuthErrorRenderer renderer;
  private final int maxBodyBytes;

  JsonBodies(AuthErrorRenderer renderer, int maxBodyBytes) {
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * The JSON object body, or empty after the refusal has been rendered; an empty body is {@code
   * {}} when {@code optional}.
   */
  Optional<Map<String, Object>> read(HttpServletRequest request, HttpServletResponse response,
      boolean optional) throws IOException {
    byte[] raw = RequestParameters.readBounded(request, maxBodyBytes);
    if (raw == null) {
      return refuse(response, "The request body is too large.");
    }
    if (raw.length == 0 && optional) {
      return Optional.of(Map.of());
    }
    String type = Optional.ofNullable(request.getContentType()).orElse("");
    if (!type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT).equals("application/json")) {
      return refuse(response, "The request body must be application/json.");
    }
    Optional<Map<String, Object>> json =
        Json.parseObject(new String(raw, StandardCharsets.UTF_8));
    if (json.isEmpty()) {
      return refuse(response, "The request body is not a valid JSON object.");
    }
    return json;
  }

  /** Writes {@code json} with {@code status}, never cacheable (it may carry a new key). */
  static void send(HttpServletResponse response, int status, Map<String, ?> json)
      throws IOException {
    byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private Optional<Map<String, Object>> refuse(HttpServletResponse response, String message)
      throws IOException {
    renderer.render(response, AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message), List.of());
    return Optional.empty();
  }
}
