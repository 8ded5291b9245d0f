package io.admin.auth.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The contract's error table (docs/http-contract.md, "Errors") for the codes added with it. */
class AuthErrorCodeTest {

  @Test
  void csrfInvalidIsA403InvalidRequest() {
    assertEquals(403, AuthErrorCode.AUTH_CSRF_INVALID.httpStatus());
    assertEquals("invalid_request", AuthErrorCode.AUTH_CSRF_INVALID.error());
  }
}
