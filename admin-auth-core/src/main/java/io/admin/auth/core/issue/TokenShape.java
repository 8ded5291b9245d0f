package io.admin.auth.core.issue;

/**
 * Tells the two kinds of token this service issues apart without parsing: access tokens are
 * compact JWS (three dot-separated parts), refresh tokens are opaque random strings without dots.
 * That is why revocation and introspection can ignore {@code token_type_hint}.
 */
final class TokenShape {

  private TokenShape() {}

  /** Whether {@code token} has at least two dots with something before the first. */
  static boolean isJwt(String token) {
    int first = token.indexOf('.');
    return first > 0 && token.indexOf('.', first + 1) > first;
  }
}
