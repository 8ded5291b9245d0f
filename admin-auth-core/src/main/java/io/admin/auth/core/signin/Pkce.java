package io.admin.auth.core.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * PKCE with the {@code S256} method (RFC 7636), the only method this library accepts: the token
 * request's {@code code_verifier}, hashed with SHA-256 and base64url-encoded without padding, must
 * equal the authorization request's {@code code_challenge}. Stateless and thread-safe.
 */
public final class Pkce {

  /** The one {@code code_challenge_method} accepted. */
  public static final String METHOD_S256 = "S256";
  /** Shortest verifier (RFC 7636 section 4.1). */
  public static final int MIN_VERIFIER_LENGTH = 43;
  /** Longest verifier (RFC 7636 section 4.1). */
  public static final int MAX_VERIFIER_LENGTH = 128;
  /** Length of an S256 challenge: base64url of 32 bytes without padding. */
  public static final int S256_CHALLENGE_LENGTH = 43;

  private Pkce() {}

  /**
   * Whether {@code verifier} is 43 to 128 characters of {@code [A-Za-z0-9-._~]} (RFC 7636 section
   * 4.1, the unreserved characters).
   *
   * @param verifier the {@code code_verifier}; {@code null} is not valid
   * @return {@code true} when the verifier is well-formed
   */
  public static boolean isValidVerifier(String verifier) {
    if (verifier == null || verifier.length() < MIN_VERIFIER_LENGTH
        || verifier.length() > MAX_VERIFIER_LENGTH) {
      return false;
    }
    for (int i = 0; i < verifier.length(); i++) {
      if (!unreserved(verifier.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code challenge} has the form of an S256 challenge: 43 base64url characters.
   *
   * @param challenge the {@code code_challenge}; {@code null} is not one
   * @return {@code true} when it has the form of an S256 challenge
   */
  public static boolean isS256Challenge(String challenge) {
    if (challenge == null || challenge.length() != S256_CHALLENGE_LENGTH) {
      return false;
    }
    for (int i = 0; i < challenge.length(); i++) {
      char c = challenge.charAt(i);
      if (!(alphanumeric(c) || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The S256 challenge of a verifier: {@code BASE64URL(SHA256(ASCII(verifier)))}, no padding.
   *
   * @param verifier a valid verifier
   * @return the challenge, 43 base64url characters
   * @throws IllegalArgumentException when the verifier is not {@linkplain #isValidVerifier valid}
   */
  public static String s256(String verifier) {
    if (!isValidVerifier(verifier)) {
      throw new IllegalArgumentException("not a PKCE code verifier");
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(verifier));
  }

  /**
   * Whether {@code verifier} is valid and its S256 challenge equals {@code challenge}, compared in
   * constant time. {@code null} or malformed input never matches.
   *
   * @param verifier the {@code code_verifier} sent with the token request
   * @param challenge the stored S256 challenge
   * @return {@code true} only when the verifier proves the challenge
   */
  public static boolean matches(String verifier, String challenge) {
    if (!isValidVerifier(verifier) || challenge == null) {
      return false;
    }
    byte[] expected = challenge.getBytes(StandardCharsets.US_ASCII);
    byte[] actual = s256(verifier).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(actual, expected);
  }

  private static byte[] sha256(String ascii) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(ascii.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      // SHA-256 is mandatory in every Java SE implementation.
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  private static boolean unreserved(char c) {
    return alphanumeric(c) || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static boolean alphanumeric(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }
}
