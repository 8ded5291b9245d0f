package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.signin.AuthorizationResponse;
import io.admin.auth.core.signin.ResponseMode;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends an {@link AuthorizationResponse} to the client: a 302 to its {@code location()} in
 * {@code query} mode; in {@code form_post} mode (OAuth 2.0 Form Post Response Mode) a page whose
 * form posts the parameters to the redirect URI, submitted by one inline script the page's CSP
 * allows by its hash, with a button for browsers without scripts.
 */
final class ResponseWriter {

  private static final String SCRIPT = "document.forms[0].submit();";
  private static final String SCRIPT_HASH = "'sha256-" + Sha256.base64(SCRIPT) + "'";

  private ResponseWriter() {}

  static void send(HttpServletResponse response, AuthorizationResponse answer)
      throws IOException {
    if (answer.responseMode() == ResponseMode.QUERY) {
      response.setStatus(HttpServletResponse.SC_FOUND);
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Referrer-Policy", "no-referrer");
      response.setHeader("Location", answer.location());
      return;
    }
    StringBuilder body = new StringBuilder("<form method=\"post\" action=\"")
        .append(HtmlPage.escape(answer.redirectUri())).append("\">");
    for (AuthorizationResponse.Parameter p : answer.parameters()) {
      body.append(HtmlPage.hidden(p.name(), p.value()));
    }
    body.append("<noscript><button type=\"submit\">Continue</button></noscript></form><script>")
        .append(SCRIPT).append("</script>");
    HtmlPage.write(response, HttpServletResponse.SC_OK, "Continuing", body.toString(),
        answer.redirectUri(), SCRIPT_HASH);
  }
}
