package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.spi.SignInSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Finds and starts the library's sign-in sessions, through {@link SignInCookie}. */
final class Sessions {

  private Sessions() {}

  /** The session of the browser's cookie, if the store has it (expired ones included). */
  static Optional<SignInSession> current(HttpServletRequest request, SignInContext ctx) {
    return SignInCookie.read(request)
        .flatMap(id -> ctx.settings().sessions().find(SignInCookie.idHash(id)));
  }

  /**
   * Starts a session for a person who just logged in: always a new random id (never one the
   * browser brought: session fixation), the old session of the browser ended, the cookie set.
   *
   * @param authTime when the person authenticated
   */
  static SignInSession start(HttpServletRequest request, HttpServletResponse response,
      SignInContext ctx, String subject, Instant authTime, Set<String> methods) {
    SignInCookie.read(request)
        .ifPresent(old -> ctx.settings().sessions().delete(SignInCookie.idHash(old)));
    String id = SignInCookie.newId(ctx.settings().random());
    Instant now = ctx.clock().instant();
    SignInSession session = new SignInSession(SignInCookie.idHash(id), subject, authTime,
        methods, now.plus(ctx.settings().sessionTtl()));
    ctx.settings().sessions().save(session);
    SignInCookie.write(request, response, id);
    return session;
  }
}
