package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the logout endpoint and how it reads its parameters. The pages are static text:
 * nothing from the request is ever written into them, so there is nothing to escape. They are
 * never cached, never framed and run no script ({@code Content-Security-Policy}).
 */
final class LogoutPage {

  /** More parameters than any logout request needs: refused before anything is looked up. */
  static final int MAX_PARAMETERS = 32;
  /** Longer than any ID token hint the library issues plus the other parameters. */
  static final int MAX_TOTAL_CHARS = 16_384;

  private LogoutPage() {}

  /**
   * The request's parameters (query, and form body for {@code POST}), each present at most once;
   * empty values count as absent. Empty when a parameter is repeated, when there are too many or
   * they are too long, or when the container cannot decode them.
   */
  static Optional<Map<String, String>> singleParameters(HttpServletRequest request) {
    Map<String, String[]> raw;
    try {
      raw = request.getParameterMap();
    } catch (RuntimeException e) {
      // Containers throw their own exception types for undecodable parameters.
      return Optional.empty();
    }
    if (raw.size() > MAX_PARAMETERS) {
      return Optional.empty();
    }
    Map<String, String> out = new HashMap<>();
    int total = 0;
    for (Map.Entry<String, String[]> e : raw.entrySet()) {
      String[] values = e.getValue();
      if (values == null || values.length != 1) {
        return Optional.empty();
      }
      total += e.getKey().length() + values[0].length();
      if (total > MAX_TOTAL_CHARS) {
        return Optional.empty();
      }
      if (!values[0].isEmpty()) {
        out.put(e.getKey(), values[0]);
      }
    }
    return Optional.of(out);
  }

  /** The page after a logout that does not redirect. */
  static String signedOut() {
    return page("Signed out", "You are signed out.",
        "You can close this window, or return to the application you came from.");
  }

  /** A page explaining that the request could not be handled; {@code message} is static text. */
  static String error(String message) {
    return page("Sign-out failed", "Something went wrong.", message);
  }

  /** Writes {@code html} with the headers every sign-in page carries. */
  static void write(HttpServletResponse response, int status, String html) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    if (!response.isCommitted()) {
      response.resetBuffer();
    }
    response.setStatus(status);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none';"
            + " form-action 'none'");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setContentType("text/html;charset=UTF-8");
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }

  private static String page(String title, String heading, String text) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + title + "</title>"
        + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;"
        + "padding:0 1rem;color:#222}</style></head><body><h1>" + heading + "</h1><p>" + text
        + "</p></body></html>\n";
  }
}
