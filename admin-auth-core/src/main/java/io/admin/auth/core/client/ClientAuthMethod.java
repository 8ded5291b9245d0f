package io.admin.auth.core.client;

/** How the client authenticates to the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthMethod {
  /**
   * HTTP Basic with the form-urlencoded id and secret (RFC 6749 section 2.3.1, RFC 7617). The
   * default: the RFC says servers MUST support it, and it keeps the secret out of the body.
   */
  CLIENT_SECRET_BASIC,
  /** {@code client_id} and {@code client_secret} as form parameters in the request body. */
  CLIENT_SECRET_POST
}
