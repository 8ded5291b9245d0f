package io.admin.auth.core.verify;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthErrorCode;
import io.admin.auth.core.audit.AuditEvent;
import io.admin.auth.core.audit.AuditListener;
import io.admin.auth.core.validation.TokenKind;
import io.admin.auth.core.validation.ValidationResult;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every rejection of the own verifier into its answer and one {@code VerificationFailed}
 * audit event (the token by fingerprint only). A failing listener is logged, never propagated: a
 * broken audit sink must not turn a rejection into an error.
 */
final class VerificationAudit {

  // The facade's logger, as before the split, so existing log configuration still applies.
  private static final Logger LOG = LoggerFactory.getLogger(AccessTokenVerifier.class);
  private static final AuthError REVOKED = AuthError.of(AuthErrorCode.AUTH_TOKEN_REVOKED,
      "The access token has been revoked.");

  private final AuditListener listener;
  private final Clock clock;

  VerificationAudit(AuditListener listener, Clock clock) {
    this.listener = listener;
    this.clock = clock;
  }

  /** {@code AUTH_TOKEN_INVALID} for {@code reason}. */
  Checked invalid(String reason, String token, String jti) {
    return reject(TokenKind.OWN_ACCESS_TOKEN.invalid(), reason, token, jti);
  }

  /** The rejection a validator answered. */
  Checked reject(ValidationResult.Rejected rejected, String token, String jti) {
    return reject(rejected.error(), rejected.reason(), token, jti);
  }

  /** {@code AUTH_TOKEN_REVOKED}. */
  Checked revoked(String token, String jti) {
    return reject(REVOKED, "revoked", token, jti);
  }

  private Checked reject(AuthError error, String reason, String token, String jti) {
    try {
      listener.onEvent(new AuditEvent.VerificationFailed(clock.instant(), error.code(), reason,
          AuditEvent.fingerprint(token), jti));
    } catch (RuntimeException e) {
      LOG.warn("Audit listener failed", e);
    }
    return Checked.failed(error);
  }
}
