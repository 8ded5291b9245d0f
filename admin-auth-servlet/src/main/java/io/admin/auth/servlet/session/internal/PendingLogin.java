package io.admin.auth.servlet.session.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * A sign-in between its start and its callback: what the callback needs to finish it, carried by
 * the browser in a sealed cookie ({@link PendingLoginSeal}), so no node has to remember it.
 *
 * @param state the {@code state} sent to the authorization endpoint (base64url, no newline)
 * @param verifier the PKCE code verifier whose S256 challenge was sent
 * @param returnTo the checked local path to land on ({@link ReturnTo})
 * @param expiresAt when the sign-in must have come back
 */
record PendingLogin(String state, String verifier, String returnTo, Instant expiresAt) {

  PendingLogin {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(verifier, "verifier");
    Objects.requireNonNull(returnTo, "returnTo");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** Prints neither the state nor the verifier. */
  @Override
  public String toString() {
    return "PendingLogin[returnTo=" + returnTo + ", expiresAt=" + expiresAt + "]";
  }
}
