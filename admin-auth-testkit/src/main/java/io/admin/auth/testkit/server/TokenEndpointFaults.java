package io.admin.auth.testkit.server;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.internal.jose.Json;
import io.admin.auth.servlet.error.AuthErrorRenderer;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sits in front of the token endpoint of the {@link MockAuthorizationServer}: counts every token
 * request and, when told to, answers the next N with a failure instead of passing them on, so that
 * a client's retry logic meets real HTTP responses. Thread-safe.
 */
final class TokenEndpointFaults implements Filter {

  /** A planned failure: the status and, for 429, the {@code Retry-After}. */
  private record Fault(int status, Duration retryAfter) {}

  private final AtomicInteger requests = new AtomicInteger();
  private final Object lock = new Object();
  private int remaining;
  private Fault fault;
  private final AuthErrorRenderer renderer = new AuthErrorRenderer("admin");

  void failNext(int count, int status, Duration retryAfter) {
    synchronized (lock) {
      remaining = count;
      fault = new Fault(status, retryAfter);
    }
  }

  int requests() {
    return requests.get();
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    requests.incrementAndGet();
    Fault now = null;
    synchronized (lock) {
      if (remaining > 0) {
        remaining--;
        now = fault;
      }
    }
    if (now == null) {
      chain.doFilter(req, res);
      return;
    }
    try (InputStream in = req.getInputStream()) {
      // Read (bounded) what the client sent, so that it gets this answer and not a reset.
      in.readNBytes(64 * 1024);
    }
    fail((HttpServletResponse) res, now);
  }

  private void fail(HttpServletResponse res, Fault f) throws IOException {
    if (f.status() == 429) {
      AuthError error = AuthError.of(AuthErrorCode.AUTH_RATE_LIMITED, "Too many requests.");
      if (f.retryAfter() != null) {
        error = error.withDetail("retry_after_seconds", f.retryAfter().toSeconds());
      }
      renderer.render(res, error, List.of());
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    String message = "Injected failure (mock authorization server).";
    body.put("error", f.status() >= 500 ? "server_error" : "invalid_request");
    body.put("error_description", message);
    body.put("message", message);
    body.put("code", f.status() >= 500 ? AuthErrorRenderer.INTERNAL_CODE
        : AuthErrorCode.AUTH_REQUEST_INVALID.name());
    res.setStatus(f.status());
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    if (f.retryAfter() != null) {
      res.setHeader("Retry-After", Long.toString(f.retryAfter().toSeconds()));
    }
    res.getWriter().write(Json.write(body));
  }
}
