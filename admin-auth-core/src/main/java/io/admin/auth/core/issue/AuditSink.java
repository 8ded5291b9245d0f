package io.admin.auth.core.issue;

import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.audit.AuditListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands audit events to the configured {@link AuditListener}. A failing listener is logged and
 * otherwise ignored: a grant or revocation that already happened must not be reported as failed
 * because its audit record could not be written.
 */
final class AuditSink {

  // The facade's category, as before these parts were split out of it: log settings still apply.
  private static final Logger LOG = LoggerFactory.getLogger(DefaultTokenService.class);

  private final AuditListener listener;

  AuditSink(AuditListener listener) {
    this.listener = listener;
  }

  void emit(AuditEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("Audit listener failed", e);
    }
  }
}
