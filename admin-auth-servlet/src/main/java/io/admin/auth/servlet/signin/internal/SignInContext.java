package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.issue.TokenService;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.signin.AuthorizationRequestParser;
import io.admin.auth.servlet.signin.SignIn;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Objects;

/**
 * What the sign-in servlets share: the token service, the settings, the request parser, the
 * clock and the brute-force throttles of Basic (the default login page counts against them).
 * Built once by the wiring; immutable.
 *
 * @param tokens the token service that issues codes and signs pending-request handles
 * @param settings the sign-in settings
 * @param parser the authorization-request parser over the service's clients
 * @param clock the time
 * @param perUser Basic's failure throttle keyed {@code "user:" + name}
 * @param perAddress Basic's failure throttle keyed by remote address
 */
public record SignInContext(TokenService tokens, SignIn settings,
    AuthorizationRequestParser parser, Clock clock, FailureThrottle perUser,
    FailureThrottle perAddress) {

  public SignInContext {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(parser, "parser");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(perUser, "perUser");
    Objects.requireNonNull(perAddress, "perAddress");
  }

  /** The path of {@code path} on this application, with its context path. */
  String url(HttpServletRequest request, String path) {
    return request.getContextPath() + path;
  }
}
