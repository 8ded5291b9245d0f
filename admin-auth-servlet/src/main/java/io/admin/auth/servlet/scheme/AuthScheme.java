package io.admin.auth.servlet.scheme;

import io.admin.auth.servlet.error.Challenge;

import io.admin.auth.core.AuthError;
import io.admin.auth.core.AuthOutcome;
import jakarta.servlet.http.HttpServletRequest;

/**
 * One way of authenticating an HTTP request (Bearer, API key, Basic, or your own), plugged into
 * {@link io.admin.auth.servlet.AdminAuthFilter}.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>{@link #authenticate} returns {@link AuthOutcome.NotApplicable} when the request carries
 *       no credential of this scheme's kind (so a Bearer scheme abstains on {@code Authorization:
 *       Basic ...}), {@link AuthOutcome.Rejected} when it carries one that is bad, and {@link
 *       AuthOutcome.Authenticated} when it is good. Wrong credentials are values, never
 *       exceptions; only "could not check" (a store is down) throws {@link
 *       io.admin.auth.core.AuthUnavailableException}, which the filter answers with 503.
 *   <li>The filter first asks <em>every</em> scheme {@link #presentIn} (headers only, no checking),
 *       so that a request carrying two credentials (for example a Bearer header and an
 *       {@code X-API-Key}) is refused with 400 instead of being judged by whichever scheme comes
 *       first. Only then does it call {@link #authenticate}, on the one scheme whose credential is
 *       present: a second credential never costs a signature check or a password hash, and never
 *       counts as a failed attempt.
 *   <li>Read credentials from headers only, never from the query string or form parameters (do
 *       not call {@code getParameter}: it would also consume a request body that belongs to the
 *       application).
 *   <li>Implementations are immutable and thread-safe.
 * </ul>
 */
public interface AuthScheme {

  /**
   * Whether the request carries a credential of this scheme's kind, judged from its headers alone
   * and without checking the credential: cheap, side-effect free, never throws.
   *
   * @param request the incoming request
   * @return true if a credential of this kind is present, good or bad
   */
  boolean presentIn(HttpServletRequest request);

  /**
   * Examines the request's credential of this scheme's kind. The filter calls it only when
   * {@link #presentIn} said yes and no other scheme's credential is present.
   *
   * @param request the incoming request; read its headers only
   * @return Authenticated, Rejected, or NotApplicable when no credential of this kind is present
   */
  AuthOutcome authenticate(HttpServletRequest request);

  /**
   * Whether this scheme's credential counts only when no other scheme's is present. The filter
   * then ignores it beside another credential instead of refusing the request as carrying two
   * (docs/http-contract.md, "Browser apps": a header wins over the session cookie, which the
   * browser sends by itself). Default {@code false}: two credentials are a 400.
   *
   * @return true if another scheme's credential takes precedence over this one's
   */
  default boolean yieldsToOtherCredentials() {
    return false;
  }

  /**
   * The challenge this scheme contributes to a 401 sent because no credential was presented (one
   * per enabled scheme, no {@code error} attribute), e.g. {@code Bearer realm="admin"}.
   *
   * @param realm the filter's realm, to put in the challenge
   * @return the challenge; never null
   */
  Challenge challenge(String realm);

  /**
   * The challenge sent with a 401 after this scheme rejected the credential. The default adds
   * the RFC 6750 section 3 attributes {@code error} and {@code error_description}; a scheme whose
   * RFC defines no error attributes (Basic, RFC 7617) overrides this to return {@link
   * #challenge(String)}.
   *
   * @param realm the filter's realm, to put in the challenge
   * @param rejection the error the scheme rejected the credential with
   * @return the challenge; never null
   */
  default Challenge challenge(String realm, AuthError rejection) {
    return challenge(realm)
        .with("error", rejection.code().error())
        .with("error_description", rejection.message());
  }

  /**
   * This scheme's name in metrics: {@code bearer}, {@code api_key} and {@code basic} for the
   * built-in schemes; by default {@code custom}. Must be a constant (it becomes a metrics tag).
   *
   * @return the same short name on every call
   */
  default String methodName() {
    return "custom";
  }
}
