package io.admin.auth.servlet.signin.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Locale;

/**
 * Writes the sign-in pages: small plain HTML, no external resources, every dynamic value escaped
 * with {@link #escape}, and the headers every page carries (docs/http-contract.md, "Signing
 * people in"): {@code Cache-Control: no-store}, a {@code Content-Security-Policy} that allows
 * nothing but inline-free markup and forms to this origin (plus the client's redirect target
 * when the answer or its follow-up goes there), {@code X-Frame-Options: DENY} against
 * clickjacking of the login and consent forms, and {@code Referrer-Policy: no-referrer} so the
 * pending request never leaks in a {@code Referer}.
 */
final class HtmlPage {

  private static final String STYLE = "body{font-family:sans-serif;max-width:30em;margin:3em auto;"
      + "padding:0 1em}label,input,button{display:block;margin:.5em 0}";

  private HtmlPage() {}

  /**
   * Writes a page.
   *
   * @param status the HTTP status
   * @param title the page title, plain text
   * @param bodyHtml the body, already escaped
   * @param formTarget a redirect URI a form on this page (or the redirects after it) may reach
   *     besides this origin, or {@code null}
   * @param scriptHash the CSP hash source of the page's one inline script, or {@code null}
   */
  static void write(HttpServletResponse response, int status, String title, String bodyHtml,
      String formTarget, String scriptHash) throws IOException {
    response.setStatus(status);
    headers(response, formTarget, scriptHash);
    PrintWriter w = response.getWriter();
    w.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width\"><title>" + escape(title)
        + "</title><style>" + STYLE + "</style></head><body>\n" + bodyHtml + "\n</body></html>\n");
    w.flush();
  }

  /** An error page: a title and one sentence (both fixed text), nothing else. */
  static void error(HttpServletResponse response, int status, String title, String sentence)
      throws IOException {
    write(response, status, title, "<h1>" + escape(title) + "</h1><p>" + escape(sentence)
        + "</p>", null, null);
  }

  static void headers(HttpServletResponse response, String formTarget, String scriptHash) {
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("Pragma", "no-cache");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    String target = formTarget == null ? null : cspSource(formTarget);
    String styleHash = "'sha256-" + Sha256.base64(STYLE) + "'";
    response.setHeader("Content-Security-Policy", "default-src 'none'; style-src " + styleHash
        + (scriptHash == null ? "" : "; script-src " + scriptHash)
        + "; form-action 'self'" + (target == null ? "" : " " + target)
        + "; frame-ancestors 'none'; base-uri 'none'");
  }

  /**
   * The CSP source expression of a redirect URI: its origin for http(s), its scheme for a
   * private-use scheme; {@code null} when it cannot be written safely (then only this origin is
   * allowed, and the browser may block the redirect: safe, never an injection).
   */
  static String cspSource(String redirectUri) {
    try {
      URI u = new URI(redirectUri);
      String scheme = u.getScheme();
      if (scheme == null || !scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
        return null;
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        return scheme + ":";
      }
      String host = u.getHost();
      if (host == null || !host.matches("[A-Za-z0-9.\\[\\]:-]+")) {
        return null;
      }
      return scheme + "://" + host + (u.getPort() >= 0 ? ":" + u.getPort() : "");
    } catch (Exception e) {
      return null;
    }
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A hidden form field. */
  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value)
        + "\">";
  }
}
