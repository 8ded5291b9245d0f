package io.admin.auth.core.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs audit events through SLF4J on logger {@code io.admin.auth.audit}: reuse detection at WARN,
 * verification failures at DEBUG (they can be attacker-driven and numerous), the rest at INFO.
 * Only ids, codes and fingerprints are logged, never tokens or secrets.
 */
public final class Slf4jAuditListener implements AuditListener {

  private static final Logger LOG = LoggerFactory.getLogger("io.admin.auth.audit");

  /** {@inheritDoc} */
  @Override
  public void onEvent(AuditEvent event) {
    // Java 17 has no pattern switch; the chain is exhaustive over the sealed hierarchy.
    if (event instanceof AuditEvent.TokenIssued e) {
      LOG.info("token issued grant={} client_id={} sub={} jti={} scope={} family={}",
          e.grantType(), e.clientId(), e.subject(), e.jti(), e.scopes(), e.familyId());
    } else if (event instanceof AuditEvent.TokenRefreshed e) {
      LOG.info("token refreshed client_id={} family={} jti={}", e.clientId(), e.familyId(), e.jti());
    } else if (event instanceof AuditEvent.RefreshTokenReuseDetected e) {
      LOG.warn("refresh token reuse detected, family revoked client_id={} family={}",
          e.clientId(), e.familyId());
    } else if (event instanceof AuditEvent.AuthorizationCodeReplayDetected e) {
      LOG.warn("authorization code replay detected, its tokens revoked client_id={} grant={}",
          e.clientId(), e.grantId());
    } else if (event instanceof AuditEvent.TokenRevoked e) {
      LOG.info("token revoked client_id={} kind={} id={}", e.clientId(), e.kind(), e.id());
    } else if (event instanceof AuditEvent.VerificationFailed e) {
      LOG.debug("access token rejected code={} reason={} token={} jti={}",
          e.code(), e.reason(), e.fingerprint(), e.jti());
    }
  }
}
