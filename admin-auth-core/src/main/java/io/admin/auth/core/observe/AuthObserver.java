package io.admin.auth.core.observe;

import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;

/**
 * Receives what admin-auth does, for metrics. Every method has a no-op default, so an
 * implementation overrides only what it counts, and a new observation point never breaks one.
 *
 * <p>Promises of the callers: every argument is drawn from a small set fixed by configuration or
 * by this library (method names, error codes, limit names, configured issuers, lifecycle steps),
 * never from a request, so each can safely become a metrics tag; no argument is a token, secret,
 * subject, jti or client id. Calls are made synchronously, on request threads for the first four
 * methods, so implementations must be thread-safe and fast, and must not allocate on {@link
 * #verifiedTokenCacheHit()} (it is on the hottest path). An exception thrown by an observer
 * propagates to the caller: an observer must not throw.
 */
public interface AuthObserver {

  /** Method name of a bearer token verified by a trusted third-party issuer. */
  String THIRD_PARTY = "third_party";

  /**
   * The filter finished authenticating one request.
   *
   * @param method {@code bearer}, {@code api_key}, {@code basic}, {@link #THIRD_PARTY} (a bearer
   *     token a trusted issuer vouched for), or the name of an application's own scheme; a
   *     rejected bearer token is {@code bearer}, as an unverified {@code iss} proves nothing
   * @param error the contract code of the rejection, or {@code null} when authenticated
   * @param nanos how long the scheme took, in nanoseconds
   */
  default void authentication(String method, AuthErrorCode error, long nanos) {}

  /**
   * The filter could not check a credential (a store or a JWK Set was unreachable): answered 503.
   *
   * @param method as for {@link #authentication}
   * @param nanos how long the scheme took before it gave up, in nanoseconds
   */
  default void authenticationUnavailable(String method, long nanos) {}

  /** The verified-token cache answered a lookup. Must not allocate. */
  default void verifiedTokenCacheHit() {}

  /** A token was not in the verified-token cache (or its key had changed) and was verified in full. */
  default void verifiedTokenCacheMiss() {}

  /**
   * A rate limit or failure throttle refused a request.
   *
   * @param limit which one, such as {@code principal}, {@code token_per_address}, {@code
   *     client_failures_per_client} or {@code basic_per_user}
   */
  default void rateLimited(String limit) {}

  /**
   * A JWK Set was fetched over HTTP, or the fetch failed.
   *
   * @param issuer the configured issuer the set belongs to
   * @param success whether a JWK Set was received and installed
   */
  default void jwksFetch(String issuer, boolean success) {}

  /**
   * The key rotator performed {@code step}.
   *
   * @param step the lifecycle step, e.g. {@link KeyRotationStep#PUBLISHED}
   */
  default void keyRotation(KeyRotationStep step) {}

  /**
   * An audit event of the token service (issued, refreshed, reuse detected, code replay, revoked,
   * verification failed); the same events its {@link io.admin.auth.core.audit.AuditListener} gets.
   *
   * @param event the event, safe to log
   */
  default void auditEvent(AuditEvent event) {}

  /**
   * An observer that ignores everything.
   *
   * @return the shared no-op observer
   */
  static AuthObserver noop() {
    return Noop.INSTANCE;
  }
}
