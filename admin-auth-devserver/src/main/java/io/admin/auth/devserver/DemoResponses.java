package io.admin.auth.devserver;

import io.admin.auth.core.internal.jose.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** JSON in and out for the demo resources, in the contract's error shape. */
final class DemoResponses {

  /** Demo request bodies are tiny; anything larger is refused before it is read. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  private DemoResponses() {}

  static void json(HttpServletResponse res, int status, Map<String, ?> body) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    res.setHeader("Cache-Control", "no-store");
    res.getWriter().write(Json.write(body));
  }

  /** A 400 with {@code invalid_request} in the error shape of docs/http-contract.md. */
  static void badRequest(HttpServletResponse res, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "invalid_request");
    body.put("error_description", message);
    body.put("message", message);
    body.put("code", "AUTH_REQUEST_INVALID");
    body.put("details", Map.of());
    json(res, 400, body);
  }

  /** The request body as a JSON object; empty when it is not JSON, too large or not an object. */
  static Optional<Map<String, Object>> readObject(HttpServletRequest req) throws IOException {
    String type = req.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return Optional.empty();
    }
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      return Optional.empty();
    }
    try (InputStream in = req.getInputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        return Optional.empty();
      }
      return Json.parseObject(new String(bytes, StandardCharsets.UTF_8));
    }
  }
}
