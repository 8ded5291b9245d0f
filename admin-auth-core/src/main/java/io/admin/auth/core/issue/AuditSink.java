package io.admin.auth.core.issue;

import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.observe.AuthObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands audit events to the configured {@link AuditListener}, then to the {@link AuthObserver}
 * (for metrics). A failing listener is logged and
 * otherwise ignored: a grant or revocation that already happened must not be reported as failed
 * because its audit record could not be written.
 */
final class AuditSink {

  // The facade's category, as before these parts were split out of it: log settings still apply.
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenService.class);

  private final AuditListener listener;
  private final AuthObserver observer;

  AuditSink(AuditListener listener) {
    this(listener, AuthObserver.noop());
  }

  AuditSink(AuditListener listener, AuthObserver observer) {
    this.listener = listener;
    this.observer = observer;
  }

  void emit(AuditEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("Audit listener failed", e);
    }
    // After the listener, and whether or not it failed: the event happened either way.
    observer.auditEvent(event);
  }
}
