package io.admin.auth.core.verify;

import io.admin.auth.core.internal.jose.Base64Url;
import io.admin.auth.core.key.JwsCrypto;
import io.admin.auth.core.VerificationKey;

/** The JWS signature check: strict base64url signature, then the engine pool's verify. */
final class SignatureCheck {

  private final JwsCrypto crypto;

  SignatureCheck(JwsCrypto crypto) {
    this.crypto = crypto;
  }

  /**
   * {@code null} when the signature after {@code token}'s second dot verifies with {@code key} over
   * the first {@code signedLength} bytes of {@code input} (the token as US-ASCII), else the audit
   * reason: {@code malformed signature} or {@code bad signature}.
   */
  String check(VerificationKey key, String token, byte[] input, int signedLength) {
    byte[] signature = Base64Url.decodeStrict(token, signedLength + 1, token.length());
    if (signature == null) {
      return "malformed signature";
    }
    return crypto.verify(key, input, signedLength, signature) ? null : "bad signature";
  }
}
