package io.admin.auth.servlet.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the parameters of an endpoint request from its body only: {@code
 * application/x-www-form-urlencoded} (RFC 6749) or {@code application/json} (docs/http-contract.md,
 * "Request format").
 *
 * <p>The query string is never read: secrets in URLs leak into logs. Bodies are bounded; a
 * parameter given twice is refused (RFC 6749 section 3.2); empty values count as absent (section
 * 3.1); JSON members must be strings.
 *
 * <p>Public only for {@link #readBounded}, which the API key management endpoints share; not API.
 */
public final class RequestParameters {

  /** Parsed parameters, or the error to render. */
  public sealed interface Result {
    /** The parameters by name, each present once. */
    record Parsed(Map<String, String> values) implements Result {
      /** The parameter's value, if the request carried it. */
      public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
      }
    }

    /** Why the body could not be read, as the error to render. */
    record Invalid(AuthError error) implements Result {}
  }

  /** Oversized bodies are read and discarded up to this many bytes before answering. */
  static final long DRAIN_LIMIT = 1 << 20;

  private RequestParameters() {}

  /**
   * The request's parameters from a form or JSON body of at most {@code maxBytes}; never throws for
   * malformed input, which is an {@link Result.Invalid}.
   */
  public static Result read(HttpServletRequest request, int maxBytes) throws IOException {
    String type = Optional.ofNullable(request.getContentType()).orElse("");
    String mediaType = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    boolean json = mediaType.equals("application/json");
    if (!json && !mediaType.equals("application/x-www-form-urlencoded")) {
      return invalid("The request body must be application/x-www-form-urlencoded or application/json.");
    }
    byte[] body = readBounded(request, maxBytes);
    if (body == null) {
      return invalid("The request body is too large.");
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return json ? fromJson(text) : fromForm(text);
  }

  /**
   * The whole body, or {@code null} when it is larger than {@code maxBytes} (then a bounded part
   * of it has been read and discarded, see {@link #drain}).
   */
  public static byte[] readBounded(HttpServletRequest request, int maxBytes) throws IOException {
    try (InputStream in = request.getInputStream()) {
      if (request.getContentLengthLong() > maxBytes) {
        drain(in);
        return null;
      }
      byte[] body = in.readNBytes(maxBytes + 1);
      if (body.length > maxBytes) {
        drain(in);
        return null;
      }
      return body;
    }
  }

  /**
   * Reads and discards a bounded amount of an oversized body, so that a client still sending it
   * receives the error instead of a reset connection (Tomcat swallows up to 2 MB itself; Jetty
   * closes the connection on unread content).
   */
  private static void drain(InputStream in) throws IOException {
    long left = DRAIN_LIMIT;
    byte[] buf = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
      left -= n;
    }
  }

  private static Result fromJson(String text) {
    Optional<Map<String, Object>> parsed = Json.parseObject(text);
    if (parsed.isEmpty()) {
      return invalid("The request body is not a valid JSON object.");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : parsed.get().entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      if (!(e.getValue() instanceof String s)) {
        return invalid("Parameter '" + safe(e.getKey()) + "' must be a string.");
      }
      if (!s.isEmpty()) {
        values.put(e.getKey(), s);
      }
    }
    return new Result.Parsed(values);
  }

  private static Result fromForm(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    if (text.isEmpty()) {
      return new Result.Parsed(values);
    }
    for (String pair : text.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return invalid("The request body is not valid form encoding.");
      }
      if (values.containsKey(name)) {
        return invalid("Parameter '" + safe(name) + "' is repeated.");
      }
      values.put(name, value);
    }
    values.values().removeIf(String::isEmpty);
    return new Result.Parsed(values);
  }

  /** Parameter names are echoed in messages; keep them short and printable. */
  private static String safe(String name) {
    String s = name.length() > 40 ? name.substring(0, 40) : name;
    return s.replaceAll("[^A-Za-z0-9_.-]", "?");
  }

  static Result invalid(String message) {
    return new Result.Invalid(AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, message));
  }
}
