package io.admin.auth.core.audit;

import io.admin.auth.core.AuthErrorCode;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A security event. Events identify tokens by {@code jti}, family id or a short hash prefix of the
 * token ({@link #fingerprint}), never by the token or any secret, so they are safe to log.
 */
public sealed interface AuditEvent {

  /**
   * When it happened.
   *
   * @return the instant, from the service's clock; never {@code null}
   */
  Instant at();

  /** Tokens were issued by a grant. */
  record TokenIssued(Instant at, String grantType, String clientId, String subject, String jti,
      Set<String> scopes, String familyId) implements AuditEvent {
    /**
     * Requires the instant and freezes a sorted copy of the scopes (empty when null).
     *
     * @param at when the tokens were issued; required
     * @param grantType the grant, e.g. {@code client_credentials}
     * @param clientId the client the tokens were issued to
     * @param subject the {@code sub} of the tokens
     * @param jti the access token's {@code jti}
     * @param scopes the granted scopes; {@code null} means none
     * @param familyId the refresh-token family, or {@code null} when none was issued
     */
    public TokenIssued {
      Objects.requireNonNull(at, "at");
      scopes = scopes == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(scopes));
    }
  }

  /** A refresh token was exchanged (rotated) for new tokens. */
  record TokenRefreshed(Instant at, String clientId, String familyId, String jti)
      implements AuditEvent {
    /**
     * Requires the instant.
     *
     * @param at when the token was refreshed; required
     * @param clientId the client that refreshed it
     * @param familyId the family of the rotated token
     * @param jti the new access token's {@code jti}
     */
    public TokenRefreshed {
      Objects.requireNonNull(at, "at");
    }
  }

  /** A used refresh token was presented again; its family has been revoked. */
  record RefreshTokenReuseDetected(Instant at, String clientId, String familyId)
      implements AuditEvent {
    /**
     * Requires the instant.
     *
     * @param at when the reuse was detected; required
     * @param clientId the client that presented the token
     * @param familyId the family that was revoked
     */
    public RefreshTokenReuseDetected {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An authorization code was presented again after it had been redeemed (RFC 6749 section
   * 4.1.2): every token issued from it has been revoked.
   *
   * @param clientId the client that presented it
   * @param grantId the code's grant id, the family id of every token issued from it
   */
  record AuthorizationCodeReplayDetected(Instant at, String clientId, String grantId)
      implements AuditEvent {
    /**
     * Requires the instant.
     *
     * @param at when the replay was detected; required
     * @param clientId the client that presented it
     * @param grantId the code's grant id, the family id of every token issued from it
     */
    public AuthorizationCodeReplayDetected {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Something was revoked.
   *
   * @param kind {@code access_token} or {@code refresh_family}
   * @param id the jti or the family id
   */
  record TokenRevoked(Instant at, String clientId, String kind, String id) implements AuditEvent {
    /**
     * Requires the instant.
     *
     * @param at when it was revoked; required
     * @param clientId the client that asked
     * @param kind {@code access_token} or {@code refresh_family}
     * @param id the jti or the family id
     */
    public TokenRevoked {
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An access token was rejected.
   *
   * @param code the contract code returned
   * @param reason a short internal reason (e.g. {@code bad signature}); not shown to callers
   * @param fingerprint {@link #fingerprint} of the token
   * @param jti the token's jti when it could be read, else {@code null}
   */
  record VerificationFailed(Instant at, AuthErrorCode code, String reason, String fingerprint,
      String jti) implements AuditEvent {
    /**
     * Requires the instant and the error code.
     *
     * @param at when the token was rejected; required
     * @param code the contract code returned; required
     * @param reason a short internal reason; not shown to callers
     * @param fingerprint {@link #fingerprint} of the token
     * @param jti the token's jti when it could be read, else {@code null}
     */
    public VerificationFailed {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(code, "code");
    }
  }

  /**
   * A short, non-reversible identifier of a token for logs: the first 12 hex characters of its
   * SHA-256 (48 bits; enough to correlate, far too little to recover anything).
   *
   * @param token the token, or {@code null}
   * @return 12 lower-case hex characters, or the text {@code null} for a {@code null} token
   */
  static String fingerprint(String token) {
    if (token == null) {
      return "null";
    }
    try {
      byte[] d = java.security.MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(d, 0, 6);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
