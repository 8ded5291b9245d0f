package io.admin.auth.core.audit;


/**
 * Receives security events (issued, refreshed, reuse detected, revoked, verification failed).
 * Called synchronously on the request thread, so it must be fast; an exception it throws is logged
 * and otherwise ignored. Events never contain secrets or whole tokens.
 */
@FunctionalInterface
public interface AuditListener {

  /**
   * Handles one event.
   *
   * @param event the event; safe to log
   */
  void onEvent(AuditEvent event);

  /**
   * A listener that ignores everything.
   *
   * @return a listener that drops every event
   */
  static AuditListener noop() {
    return event -> { };
  }
}
