package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages of the logout endpoint and how it reads its parameters. The pages are fixed text
 * (nothing from the request is written into them) with the headers of every sign-in page
 * ({@link HtmlPage}): never cached, never framed, no script.
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

  /** Writes the page after a logout that does not redirect. */
  static void signedOut(HttpServletResponse response) throws IOException {
    HtmlPage.write(response, 200, "Signed out", "<h1>You are signed out.</h1><p>You can close"
        + " this window, or return to the application you came from.</p>", null, null);
  }

  /** Writes a page saying the request could not be handled; {@code sentence} is fixed text. */
  static void error(HttpServletResponse response, int status, String sentence)
      throws IOException {
    HtmlPage.error(response, status, "Cannot sign you out", sentence);
  }
}
