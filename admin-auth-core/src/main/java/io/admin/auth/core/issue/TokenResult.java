package io.admin.auth.core.issue;

import io.admin.auth.core.AuthError;

/** The result of a grant: tokens, or the contract error to render. */
public sealed interface TokenResult permits TokenResult.Issued, TokenResult.Failed {

  /** Tokens were issued. */
  record Issued(TokenResponse response) implements TokenResult {}

  /** The grant was refused. */
  record Failed(AuthError error) implements TokenResult {}
}
