package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.signin.PendingAuthorization;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The pending authorization request as the pages pass it along: one parameter {@value #PARAM}
 * holding the token service's signed handle ({@link TokenService#signPendingAuthorization}).
 *
 * @param handle the signed handle, as the browser sent it
 * @param request the request it holds
 */
record Pending(String handle, PendingAuthorization request) {

  /** The parameter that carries the handle. */
  static final String PARAM = "pending";

  /**
   * The handle the request carries, opened; empty when it is absent, repeated, forged or expired.
   */
  static Optional<Pending> read(HttpServletRequest request, TokenService tokens) {
    String[] values = request.getParameterMap().get(PARAM);
    if (values == null || values.length != 1) {
      return Optional.empty();
    }
    return tokens.openPendingAuthorization(values[0]).map(p -> new Pending(values[0], p));
  }

  /** Whether {@code parameters} name the pending parameter at all. */
  static boolean named(Map<String, String[]> parameters) {
    return parameters.containsKey(PARAM);
  }

  /** {@code base} (a path) continued with this handle as its query. */
  String url(String base) {
    return base + "?" + PARAM + "=" + URLEncoder.encode(handle, StandardCharsets.UTF_8);
  }
}
