package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The answers the sign-in pages share: redirects and the fixed error pages. */
final class Pages {

  private Pages() {}

  /**
   * A redirect that is never cached and leaks no {@code Referer}; {@code location} is written as
   * given (a path stays relative, RFC 9110 section 10.2.2), the same on every container.
   */
  static void redirect(HttpServletResponse resp, int status, String location) {
    resp.setStatus(status);
    resp.setHeader("Cache-Control", "no-store");
    resp.setHeader("Referrer-Policy", "no-referrer");
    resp.setHeader("Location", location);
  }

  /** The pending request is missing, forged or older than ten minutes. */
  static void expired(HttpServletResponse resp) throws IOException {
    HtmlPage.error(resp, 400, "Cannot sign you in",
        "This sign-in link has expired or is broken. Go back to the application and try again.");
  }

  /** A form post whose CSRF token does not match the browser's cookie. */
  static void forbidden(HttpServletResponse resp) throws IOException {
    HtmlPage.error(resp, 403, "Cannot sign you in",
        "This form was not sent from this page. Go back to the application and try again.");
  }

  /** A store or the password check could not be reached. */
  static void unavailable(HttpServletResponse resp) throws IOException {
    HtmlPage.error(resp, 503, "Try again later",
        "Signing in is not possible right now. Please try again in a moment.");
  }
}
