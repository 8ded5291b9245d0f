package io.admin.auth.core.issue;

import io.admin.auth.core.spi.OAuthClient;

import io.admin.auth.core.AuthError;

/** The result of checking a client's credentials: the client, or the (uniform) failure. */
public sealed interface ClientAuthentication
    permits ClientAuthentication.Succeeded, ClientAuthentication.Failed {

  /** The id and secret matched a registered client. */
  record Succeeded(OAuthClient client) implements ClientAuthentication {}

  /** Unknown client or wrong secret; the error does not say which. */
  record Failed(AuthError error) implements ClientAuthentication {}
}
