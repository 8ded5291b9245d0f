package io.admin.auth.servlet.endpoint.internal;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.AuthUnavailableException;
import io.admin.auth.core.issue.TokenService;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public JWK Set (RFC 7517 section 5), read from the token service on every request so a
 * rotated key appears at once, and cacheable by clients for {@code maxAge} ({@code Cache-Control:
 * public, max-age}). GET and HEAD only.
 */
public final class JwksServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(JwksServlet.class);

  private final transient TokenService tokens;
  private final transient AuthErrorRenderer renderer;
  private final long maxAgeSeconds;

  /**
   * Serves this endpoint from {@code tokens}.
   *
   * @param tokens the token service
   * @param renderer the error renderer
   * @param maxAge how long clients may cache the document (not negative)
   */
  public JwksServlet(TokenService tokens, AuthErrorRenderer renderer, Duration maxAge) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    if (maxAge.isNegative()) {
      throw new IllegalArgumentException("maxAge must not be negative");
    }
    this.maxAgeSeconds = maxAge.toSeconds();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      response.setHeader("Allow", "GET, HEAD");
      renderer.render(response, 405,
          AuthError.of(AuthErrorCode.AUTH_REQUEST_INVALID, "This endpoint accepts GET only."));
      return;
    }
    String json;
    try {
      json = tokens.jwkSetJson();
    } catch (AuthUnavailableException e) {
      LOG.warn("JWK Set unavailable: {}", e.getMessage());
      renderer.unavailable(response);
      return;
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    response.setStatus(200);
    response.setHeader("Cache-Control", "public, max-age=" + maxAgeSeconds);
    response.setContentType("application/json;charset=UTF-8");
    response.setContentLength(bytes.length);
    if (method.equals("GET")) {
      response.getOutputStream().write(bytes);
    }
  }
}
