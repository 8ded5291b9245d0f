package io.admin.auth.core.verify;

import io.admin.auth.core.AuthOutcome;

/**
 * Verifies a bearer access token (RFC 6750) and answers with a value.
 *
 * <p>One method so that the servlet's bearer scheme can be backed by this library's own
 * {@link io.admin.auth.core.issue.TokenService}, by a router over several trusted issuers, or by an application's own
 * verifier. Implementations never throw for bad input: an unacceptable token is
 * {@link AuthOutcome.Rejected} with an {@code AUTH_TOKEN_*} code; only a failure to check at all
 * (a store or a key source that cannot be reached) throws
 * {@link io.admin.auth.core.AuthUnavailableException}.
 */
@FunctionalInterface
public interface BearerTokenVerifier {

  /**
   * {@code Authenticated} with a bearer {@code Principal}, or {@code Rejected}.
   *
   * @param accessToken the compact token from the {@code Authorization: Bearer} header
   * @return the outcome; never {@code null}, never {@code NotApplicable}
   */
  AuthOutcome verify(String accessToken);
}
