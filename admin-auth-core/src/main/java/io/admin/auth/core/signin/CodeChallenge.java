package io.admin.auth.core.signin;

/**
 * The syntax of a PKCE {@code code_challenge} for the {@code S256} method (RFC 7636 section 4.2):
 * the unpadded base64url encoding of a SHA-256 digest, hence exactly 43 characters whose last one
 * carries two zero bits. Anything else cannot be the hash of any verifier, so it is refused at
 * the authorization endpoint rather than at redemption.
 */
public final class CodeChallenge {

  /** The length of an unpadded base64url SHA-256 digest. */
  public static final int LENGTH = 43;

  // The last of 43 characters encodes 4 digest bits and 2 zero bits.
  private static final String LAST_CHARACTERS = "AEIMQUYcgkosw048";

  private CodeChallenge() {}

  /**
   * Whether {@code challenge} is a well-formed S256 challenge.
   *
   * @param challenge the {@code code_challenge}; {@code null} is not one
   * @return {@code true} when it has the form of an S256 challenge
   */
  public static boolean isS256(String challenge) {
    if (challenge == null || challenge.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH - 1; i++) {
      if (!isBase64Url(challenge.charAt(i))) {
        return false;
      }
    }
    return LAST_CHARACTERS.indexOf(challenge.charAt(LENGTH - 1)) >= 0;
  }

  private static boolean isBase64Url(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_';
  }
}
