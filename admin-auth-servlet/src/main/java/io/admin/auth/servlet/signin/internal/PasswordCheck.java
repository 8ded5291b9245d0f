package io.admin.auth.servlet.signin.internal;

import io.admin.auth.core.AuthOutcome;
import io.admin.auth.core.password.BasicAuthenticator;
import io.admin.auth.core.ratelimit.FailureThrottle;
import io.admin.auth.core.ratelimit.RateLimitDecision;
import io.admin.auth.core.ratelimit.RemoteAddressKey;

/**
 * The default login page's password check, throttled exactly like Basic (docs/http-contract.md
 * section 5) and counting in the same throttles under the same keys, so that switching between
 * Basic and the page gains an attacker nothing: a blocked address or user is refused before a
 * hash is spent, the attempt is counted before the hash is computed (a concurrent burst cannot
 * slip through), and a success takes the count back.
 */
final class PasswordCheck {

  /** The outcome of one attempt. */
  sealed interface Result {
    /** The password is right; {@code subject} is the person. */
    record Ok(String subject) implements Result {}

    /** Unknown user, wrong password or disabled user: one answer for all. */
    record Wrong() implements Result {}

    /** Too many failures for the user or the address. */
    record Throttled(long retryAfterSeconds) implements Result {}
  }

  private final BasicAuthenticator authenticator;
  private final FailureThrottle perUser;
  private final FailureThrottle perAddress;

  PasswordCheck(BasicAuthenticator authenticator, FailureThrottle perUser,
      FailureThrottle perAddress) {
    this.authenticator = authenticator;
    this.perUser = perUser;
    this.perAddress = perAddress;
  }

  /**
   * Checks one attempt.
   *
   * @throws io.admin.auth.core.AuthUnavailableException when the user store or a hashing slot is
   *     unavailable (not counted as a failure)
   */
  Result check(String remoteAddress, String user, String password) {
    String addressKey = RemoteAddressKey.of(remoteAddress);
    String userKey = "user:" + user;
    RateLimitDecision d = perAddress.check(addressKey);
    if (d.allowed()) {
      d = perUser.check(userKey);
    }
    if (!d.allowed()) {
      return new Result.Throttled(d.retryAfterSeconds());
    }
    d = perAddress.recordAttempt(addressKey);
    if (!d.allowed()) {
      return new Result.Throttled(d.retryAfterSeconds());
    }
    d = perUser.recordAttempt(userKey);
    if (!d.allowed()) {
      perAddress.forgive(addressKey);
      return new Result.Throttled(d.retryAfterSeconds());
    }
    AuthOutcome outcome;
    try {
      outcome = authenticator.authenticate(user, password);
    } catch (RuntimeException e) {
      perUser.forgive(userKey);
      perAddress.forgive(addressKey);
      throw e;
    }
    if (outcome instanceof AuthOutcome.Authenticated ok) {
      perUser.reset(userKey);
      perAddress.forgive(addressKey);
      return new Result.Ok(ok.principal().subject());
    }
    return new Result.Wrong();
  }
}
